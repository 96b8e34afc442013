package org.relaycert.server.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 (or a halt at a named point, the same for the disk) of a child relay during DATA, right after the 250,
 * with the message stored but unanswered, during APPEND, during EXPUNGE and with a queue pending: after a
 * restart no acknowledged mail is lost or duplicated, UIDs and UIDVALIDITY hold, and no partial file is visible.
 * {@link CrashSafetyBench} runs the same scenarios 20 times.
 */
class CrashSafetyTest {
    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> acknowledgedMailSurvivesEveryCrashPoint() {
        return CrashScenarios.all().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            CrashScenarios.Result r = e.getValue().run(dir.resolve(e.getKey().replaceAll("[^a-zA-Z0-9]+", "-")));
            assertThat(r.problems()).as("inconsistencies").isEmpty();
            assertThat(r.lost()).as("acknowledged messages lost").isZero();
            assertThat(r.duplicated()).as("acknowledged messages duplicated").isZero();
            assertThat(r.acknowledged()).isPositive();
        }));
    }
}
