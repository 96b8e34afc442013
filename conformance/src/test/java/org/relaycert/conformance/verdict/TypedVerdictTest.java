package org.relaycert.conformance.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.net.ConnectException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.relaycert.conformance.ConformanceCheck;
import org.relaycert.conformance.Evidence;
import org.relaycert.conformance.RequirementId;
import org.relaycert.conformance.catalogue.Catalogue;
import org.relaycert.conformance.run.CheckRun;
import org.relaycert.conformance.run.RunRecord;
import org.relaycert.conformance.targets.NotObservableException;
import org.relaycert.reports.CheckResult;
import org.relaycert.reports.ComplianceReport;
import org.relaycert.reports.Verdict;

/**
 * Verdicts are decided by what a check threw, and carried typed to the report: the rule's own assertion is a FAIL
 * with the check's evidence; a failed set-up step is "precondition failed", never a FAIL; not observable never
 * passes; a suite problem is an ERROR naming what failed. A failed SHOULD fails the build only when strict.
 */
class TypedVerdictTest {

    /** Checks that end each way on purpose; disabled except when this test runs them itself. */
    @Disabled("run only by TypedVerdictTest, which lifts @Disabled for its nested run")
    @ConformanceCheck
    static class EndingChecks {
        @Test
        @RequirementId("ACC-01")
        @DisplayName("ACC-01 a MUST that fails")
        void must(Evidence ev) {
            ev.line("S: 535 5.7.8 refused").figure("latencyMs", 12.5);
            assertThat(1).as("the MUST").isEqualTo(2);
        }

        @Test
        @RequirementId("ACC-08")
        @DisplayName("ACC-08 a SHOULD that fails")
        void should() {
            assertThat(1).as("the SHOULD").isEqualTo(2);
        }

        @Test
        @RequirementId("ENC-01")
        @DisplayName("ENC-01 a check whose set-up step fails")
        void precondition(Evidence ev) {
            ev.line("S: 523 Encryption Needed: Invalid Unencrypted Mail");
            Precondition.run("test mail accepted for delivery", () -> assertThat(523).as("submission").isEqualTo(250));
            assertThat(true).as("the rule, never reached").isFalse();
        }

        @Test
        @RequirementId("IMAP-01")
        @DisplayName("IMAP-01 a check that cannot observe")
        void notObservable() {
            throw new NotObservableException("no way to see it");
        }

        @Test
        @RequirementId("IMAP-02")
        @DisplayName("IMAP-02 a check whose own code breaks")
        void broken() {
            throw new IllegalStateException("suite bug");
        }
    }

    private static Map<String, CheckResult> run() {
        RunRecord record = CheckRun.of(selectClass(EndingChecks.class))
                .parameter("junit.jupiter.conditions.deactivate", "org.junit.*DisabledCondition").execute();
        return record.byRequirement();
    }

    @Test
    void eachEndingIsItsVerdictWithItsEvidence() {
        Map<String, CheckResult> r = run();
        assertThat(r.get("ACC-01").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.get("ACC-01").reason()).contains("the MUST");
        assertThat(r.get("ACC-01").evidence()).containsExactly("S: 535 5.7.8 refused");
        assertThat(r.get("ACC-01").figures()).containsEntry("latencyMs", List.of(12.5));
        assertThat(r.get("ACC-08").verdict()).as("a SHOULD failure is still a FAIL").isEqualTo(Verdict.FAIL);
        assertThat(r.get("ENC-01").verdict()).as("a set-up step that fails").isEqualTo(Verdict.PRECONDITION_FAILED);
        assertThat(r.get("ENC-01").reason()).startsWith("test mail accepted for delivery: ").contains("submission");
        assertThat(r.get("ENC-01").evidence()).containsExactly("S: 523 Encryption Needed: Invalid Unencrypted Mail");
        assertThat(r.get("IMAP-01").verdict()).isEqualTo(Verdict.NOT_OBSERVABLE);
        assertThat(r.get("IMAP-01").reason()).isEqualTo("no way to see it");
        assertThat(r.get("IMAP-02").verdict()).as("a suite bug is an ERROR, not a FAIL").isEqualTo(Verdict.ERROR);
        assertThat(Verdicts.judge(null).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aMustFailsTheBuildAShouldOnlyWhenStrict() {
        Map<String, CheckResult> r = run();
        ComplianceReport onlyShould = report(List.of(r.get("ACC-08")));
        assertThat(onlyShould.failsBuild(false)).isFalse();
        assertThat(onlyShould.failsBuild(true)).isTrue();
        assertThat(report(List.of(r.get("ACC-01"))).failsBuild(false)).isTrue();
        assertThat(report(List.of(r.get("ENC-01"))).failsBuild(false)).as("a precondition is no failure of the rule").isFalse();
        assertThat(report(List.of(r.get("ENC-01"))).failsBuild(false, true)).as("but with require-all, a MUST not judged is").isTrue();
    }

    private static ComplianceReport report(List<CheckResult> results) {
        return new ComplianceReport("t", "dev", Instant.now(), Instant.now(), Catalogue.load().all(), results, List.of());
    }

    @Test
    void anErrorNamesItsTypeAndTheConnectionThatFailed() {
        java.io.IOException named = org.relaycert.conformance.client.ClientSockets.named(
                "connect to chat-a.test (127.0.0.10):465 from 127.0.0.2", new ConnectException("Connection refused"));
        Verdicts.Judgement j = Verdicts.judge(named);
        assertThat(j.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(j.reason()).isEqualTo("ConnectException: connect to chat-a.test (127.0.0.10):465 from 127.0.0.2: Connection refused");
        Verdicts.Judgement wrapped = Verdicts.judge(new IllegalStateException("no account", named));
        assertThat(wrapped.reason()).isEqualTo("IllegalStateException: no account (cause: ConnectException: "
                + "connect to chat-a.test (127.0.0.10):465 from 127.0.0.2: Connection refused)");
    }
}
