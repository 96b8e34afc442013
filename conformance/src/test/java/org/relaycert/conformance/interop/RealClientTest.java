package org.relaycert.conformance.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.relaycert.conformance.targets.NotObservableException;
import org.relaycert.conformance.verdict.Verdicts;
import org.relaycert.fixtures.deltachat.DeltaChatBinary;
import org.relaycert.reports.Verdict;

/** Without the client binary the IOP checks are "not observable: Delta Chat client not installed", never a pass. */
@ResourceLock("system-properties")
class RealClientTest {

    @Test
    void aMissingBinaryMakesTheChecksNotObservableWithHowToInstall(@TempDir Path dir) {
        String before = System.getProperty(DeltaChatBinary.PROPERTY);
        System.setProperty(DeltaChatBinary.PROPERTY, dir.resolve("deltachat-rpc-server").toString());
        try {
            assertThatThrownBy(RealClient::requireInstalled)
                    .isInstanceOf(NotObservableException.class)
                    .hasMessageStartingWith("not observable: Delta Chat client not installed")
                    .hasMessageContaining("scripts/setup")
                    .satisfies(e -> {
                        Verdicts.Judgement j = Verdicts.judge(e);
                        assertThat(j.verdict()).isEqualTo(Verdict.NOT_OBSERVABLE);
                        assertThat(j.reason()).startsWith("Delta Chat client not installed");
                    });
        } finally {
            if (before == null) {
                System.clearProperty(DeltaChatBinary.PROPERTY);
            } else {
                System.setProperty(DeltaChatBinary.PROPERTY, before);
            }
        }
    }

    @Test
    void anInstalledBinaryIsUsed() {
        Assumptions.assumeTrue(DeltaChatBinary.locate().isPresent(), DeltaChatBinary.searchDescription());
        assertThatCode(RealClient::requireInstalled).doesNotThrowAnyException();
    }
}
