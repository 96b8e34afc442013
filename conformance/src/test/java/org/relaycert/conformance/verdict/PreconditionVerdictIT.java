package org.relaycert.conformance.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relaycert.conformance.run.CheckRun;
import org.relaycert.conformance.run.RunRecord;
import org.relaycert.conformance.targets.Targets;
import org.relaycert.fixtures.variants.SuiteBreakingWorlds;
import org.relaycert.fixtures.variants.Variant;
import org.relaycert.fixtures.variants.Variants;
import org.relaycert.reports.CheckResult;
import org.relaycert.reports.SensitivityResult;
import org.relaycert.reports.Verdict;

/**
 * A FAIL means the rule was broken: against a relay that breaks the suite's own set-up (its test mail refused, no
 * accounts), the affected checks end "precondition failed" with the step and its evidence, never FAIL, and a
 * sensitivity row on such a relay catches nothing. The worlds are {@link SuiteBreakingWorlds}, started as variants.
 */
class PreconditionVerdictIT {

    private static Map<String, CheckResult> run(Variant world) {
        RunRecord record = CheckRun.allChecks().requirements(world.breaks()::contains)
                .parameter(Targets.VARIANT_PARAMETER, world.name())
                .parameter(Targets.RELAYS_PARAMETER, String.valueOf(world.relays()))
                .execute();
        return record.byRequirement();
    }

    @Test
    void theSuitesTestMailRefusedAtSubmissionIsAPreconditionNotAFail() {
        Variant world = SuiteBreakingWorlds.REFUSES_SUITE_TEST_MAIL;
        assertThat(Variants.all()).as("not a sensitivity variant").doesNotContain(world);
        Map<String, CheckResult> r = run(world);
        assertThat(r.keySet()).containsExactlyInAnyOrderElementsOf(world.breaks());
        r.forEach((id, c) -> {
            assertThat(c.verdict()).as("%s: %s", id, c.reason()).isEqualTo(Verdict.PRECONDITION_FAILED);
            assertThat(c.reason()).as(id).contains("523");
        });
        assertThat(r.get("PRIV-02").evidence()).as("the refused submission is in the evidence")
                .anyMatch(l -> l.contains("523"));
        assertThat(r.get("LAT-01").evidence()).anyMatch(l -> l.contains("523"));
    }

    @Test
    void aRelayThatCreatesNoAccountsCatchesNothing() {
        Variant world = SuiteBreakingWorlds.NO_ACCOUNTS;
        Map<String, CheckResult> r = run(world);
        assertThat(r.keySet()).containsExactlyInAnyOrderElementsOf(world.breaks());
        r.forEach((id, c) -> {
            assertThat(c.verdict()).as("%s: %s", id, c.reason()).isIn(Verdict.PRECONDITION_FAILED, Verdict.NOT_OBSERVABLE);
            SensitivityResult row = SensitivityResult.of(world.name(), world.rule(), id, c.verdict(), Verdict.PASS);
            assertThat(row.caught()).as(id).isFalse();
        });
        assertThat(r.values()).anyMatch(c -> c.reason().startsWith("an account created on"));
        SensitivityResult row = SensitivityResult.of(world.name(), world.rule(), "ENC-04", r.get("ENC-04").verdict(), Verdict.PASS);
        assertThat(row.status()).isEqualTo(SensitivityResult.Status.PRECONDITION_FAILED);
        assertThat(row.status().label()).isEqualTo("precondition failed");
    }
}
