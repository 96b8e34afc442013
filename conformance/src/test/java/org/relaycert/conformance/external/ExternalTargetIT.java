package org.relaycert.conformance.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.relaycert.conformance.targets.Targets;
import org.relaycert.fixtures.world.LocalWorld;
import org.relaycert.reports.Verdict;

/**
 * The suite pointed at a host it knows nothing about: a reference relay started on its own, reached the way
 * {@code -Dchatmail.target=...} reaches any chatmail host (here with {@code chatmail.insecure=true}, as for a
 * self-signed test relay). What the run cannot judge must come out as not observable, never as a pass.
 */
class ExternalTargetIT {
    private static LocalWorld foreign;
    private static Path dir;

    @BeforeAll
    static void startForeignRelay() throws Exception {
        Assumptions.assumeFalse(Targets.external(), "already running against an external target");
        dir = Files.createTempDirectory("relaycert-foreign-");
        foreign = LocalWorld.start(dir, List.of("foreign-a.test"), List.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (foreign != null) {
            foreign.close();
            LocalWorld.deleteTree(dir);
        }
    }

    @Test
    void externalRunJudgesWhatItCanAndSaysNotObservableForTheRest() {
        Map<String, Verdict> verdicts = ForeignRun.verdicts(selectPackage("org.relaycert.conformance.checks"),
                "foreign-a.test", foreign.ports(), Map.of());
        assertThat(verdicts).as("every check ran").hasSizeGreaterThanOrEqualTo(19);
        assertThat(verdicts.get("TLS-03")).as("certificate check with certificate checks off").isEqualTo(Verdict.NOT_OBSERVABLE);
        assertThat(verdicts).as("verdicts other than pass or not observable").allSatisfy((id, v) ->
                assertThat(v).as(id).isIn(Verdict.PASS, Verdict.NOT_OBSERVABLE));
        assertThat(verdicts.values()).as("an external run still judges most checks").filteredOn(v -> v == Verdict.PASS)
                .hasSizeGreaterThan(verdicts.size() / 2);
    }
}
