package org.relaycert.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relaycert.reports.SampleReports.*;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComplianceReportTest {

    @Test
    void summaryCountsEveryRequirementOnceByLevelAndVerdict() {
        Summary summary = full().summary();

        assertThat(summary.level(Level.MUST)).isEqualTo(new Tally(5, 1, 2, 1, 1, 0, 0));
        assertThat(summary.level(Level.SHOULD)).isEqualTo(new Tally(3, 1, 1, 0, 0, 1, 0));
        assertThat(summary.all()).isEqualTo(new Tally(8, 2, 3, 1, 1, 1, 0));
        assertThat(summary.count(Level.MUST, Verdict.FAIL)).isEqualTo(2);
        assertThat(summary.count(Level.MUST, Verdict.NOT_OBSERVABLE)).isEqualTo(1);
        assertThat(summary.count(Level.SHOULD, Verdict.ERROR)).isZero();
    }

    @Test
    void notJudgedCountsEverythingButPassAndFail() {
        Summary summary = full().summary();

        // MUST: ACC-01 pass, ENC-01 and ENC-03 fail, ENC-02 not observable, LAT-02 error.
        assertThat(summary.level(Level.MUST).judged()).isEqualTo(3);
        assertThat(summary.level(Level.MUST).notJudged()).isEqualTo(2);
        assertThat(summary.level(Level.MUST).headline()).isEqualTo("1 passed, 2 failed, 2 not judged of 5");
        // SHOULD: ACC-02 fail, LAT-01 pass, PRIV-01 not run.
        assertThat(summary.level(Level.SHOULD).headline()).isEqualTo("1 passed, 1 failed, 1 not judged of 3");
        assertThat(summary.mustNotJudged()).isEqualTo(2);
        assertThat(summary.level(Level.MUST).score()).hasValue(0.25);
    }

    @Test
    void areasAreSortedAndSplitByLevel() {
        Summary summary = full().summary();

        assertThat(summary.areas()).extracting(AreaSummary::area).containsExactly("ACC", "ENC", "LAT", "PRIV");
        AreaSummary acc = summary.area("ACC").orElseThrow();
        assertThat(acc.all()).isEqualTo(new Tally(2, 1, 1, 0, 0, 0, 0));
        assertThat(acc.level(Level.MUST).pass()).isEqualTo(1);
        assertThat(acc.level(Level.SHOULD).fail()).isEqualTo(1);
        AreaSummary enc = summary.area("ENC").orElseThrow();
        assertThat(enc.level(Level.MUST)).isEqualTo(new Tally(3, 0, 2, 1, 0, 0, 0));
        assertThat(enc.level(Level.SHOULD)).isEqualTo(Tally.EMPTY);
    }

    @Test
    void requirementsWithoutResultAreListedAsNotRun() {
        ComplianceReport report = full();

        assertThat(report.unchecked()).containsExactly(PRIV_01);
        assertThat(report.summary().unchecked()).containsExactly("PRIV-01");
        RequirementOutcome priv = report.outcomes().stream()
                .filter(o -> o.requirement().equals(PRIV_01)).findFirst().orElseThrow();
        assertThat(priv.verdict()).isEmpty();
        assertThat(priv.verdictName()).isEqualTo("NOT_RUN");
        assertThat(priv.reason()).isNull();
    }

    @Test
    void severalChecksFoldToTheWorstVerdictWithItsReason() {
        RequirementOutcome enc03 = full().outcomes().stream()
                .filter(o -> o.requirement().equals(ENC_03)).findFirst().orElseThrow();

        assertThat(enc03.checks()).hasSize(2);
        assertThat(enc03.verdict()).hasValue(Verdict.FAIL);
        assertThat(enc03.reason()).isEqualTo("securejoin vg-request passes: 554 refused");
        assertThat(enc03.duration()).isEqualTo(Duration.ofMillis(410));
        assertThat(enc03.evidence()).containsExactly("S: 554 5.7.1 Encryption Needed");
    }

    @Test
    void notObservableBeatsPassButNotError() {
        ComplianceReport report = with(List.of(result(ACC_01, Verdict.PASS), result(ACC_01, Verdict.NOT_OBSERVABLE),
                result(ENC_01, Verdict.NOT_OBSERVABLE), result(ENC_01, Verdict.ERROR)), List.of());

        assertThat(report.outcomes().get(0).verdict()).hasValue(Verdict.NOT_OBSERVABLE);
        assertThat(report.outcomes().get(2).verdict()).hasValue(Verdict.ERROR);
    }

    @Test
    void resultsOutsideTheCatalogueAreStillReported() {
        Requirement extra = Requirement.of("WEB-09", Level.MUST, "extra", "test");
        ComplianceReport report = with(List.of(result(extra, Verdict.FAIL)), List.of());

        assertThat(report.outcomes()).last().extracting(o -> o.requirement().id()).isEqualTo("WEB-09");
        assertThat(report.mustFailures()).hasSize(1);
    }

    @Test
    void mustAndShouldFailuresIncludeErrors() {
        ComplianceReport report = full();

        assertThat(report.mustFailures()).extracting(CheckResult::displayName)
                .containsExactly("cleartext mail refused", "securejoin vg-request passes", "idle wakes");
        assertThat(report.shouldFailures()).extracting(c -> c.requirement().id()).containsExactly("ACC-02");
        assertThat(report.notObservable()).extracting(c -> c.requirement().id()).containsExactly("ENC-02");
    }

    @Test
    void mustFailureFailsTheBuildEvenWhenNotStrict() {
        ComplianceReport report = with(List.of(result(ACC_01, Verdict.FAIL)), sensitivity(true));

        assertThat(report.failsBuild(false)).isTrue();
        assertThat(report.failsBuild(true)).isTrue();
        assertThat(report.overall()).isEqualTo(OverallVerdict.NOT_COMPLIANT);
        assertThat(report.headline().text()).isEqualTo("NOT COMPLIANT (1 MUST failed)");
    }

    @Test
    void mustErrorFailsTheBuildButLeavesTheRuleNotJudged() {
        ComplianceReport report = with(allMustsPassBut(result(LAT_02, Verdict.ERROR)), sensitivity(true));

        assertThat(report.failsBuild(false)).isTrue();
        assertThat(report.overall()).isEqualTo(OverallVerdict.PARTIAL);
        assertThat(report.headline().text()).isEqualTo("PARTIAL (1 MUST not judged on this target)");
        assertThat(report.errors()).extracting(c -> c.requirement().id()).containsExactly("LAT-02");
    }

    @Test
    void everyMustJudgedAndPassedIsCompliant() {
        ComplianceReport report = with(allMustsPassBut(result(ACC_02, Verdict.PASS), result(LAT_01, Verdict.PASS),
                result(PRIV_01, Verdict.PASS)), sensitivity(true));

        assertThat(report.overall()).isEqualTo(OverallVerdict.COMPLIANT);
        assertThat(report.headline().text()).isEqualTo("COMPLIANT");
        assertThat(report.failsBuild(true, true)).isFalse();
    }

    @Test
    void aShouldNotJudgedLeavesTheRunCompliantButSaysSo() {
        ComplianceReport report = with(allMustsPassBut(), sensitivity(true));

        assertThat(report.overall()).isEqualTo(OverallVerdict.COMPLIANT);
        assertThat(report.headline().levelText(Level.SHOULD)).isEqualTo("SHOULD: 0 passed, 0 failed, 3 not judged of 3");
        assertThat(report.failsBuild(false, true)).isFalse();
    }

    @Test
    void shouldFailureFailsOnlyStrictBuilds() {
        ComplianceReport report = with(allMustsPassBut(result(ACC_02, Verdict.FAIL)), sensitivity(true));

        assertThat(report.failsBuild(false)).isFalse();
        assertThat(report.failsBuild(true)).isTrue();
        assertThat(report.overall()).isEqualTo(OverallVerdict.COMPLIANT_WITH_WARNINGS);
        assertThat(report.headline().text()).isEqualTo("COMPLIANT WITH WARNINGS (1 SHOULD failed)");
    }

    @Test
    void shouldErrorFailsOnlyStrictBuilds() {
        ComplianceReport report = with(allMustsPassBut(result(ACC_02, Verdict.ERROR)), sensitivity(true));

        assertThat(report.failsBuild(false)).isFalse();
        assertThat(report.failsBuild(true)).isTrue();
    }

    @Test
    void notJudgedMustsMakeThePartialVerdictAndFailOnlyRequireAllBuilds() {
        ComplianceReport report = with(List.of(result(ACC_01, Verdict.PASS), result(ENC_01, Verdict.PASS),
                result(ENC_02, Verdict.NOT_OBSERVABLE), result(ENC_03, Verdict.PRECONDITION_FAILED),
                result(LAT_01, Verdict.NOT_OBSERVABLE)), sensitivity(true));

        assertThat(report.failsBuild(true)).isFalse();
        assertThat(report.failsBuild(false, false)).isFalse();
        assertThat(report.failsBuild(false, true)).isTrue();
        assertThat(report.overall()).isEqualTo(OverallVerdict.PARTIAL);
        // ENC-02 not observable, ENC-03 precondition failed, LAT-02 not run.
        assertThat(report.mustNotJudged()).extracting(Requirement::id).containsExactly("ENC-02", "ENC-03", "LAT-02");
        assertThat(report.summary().mustNotJudged()).isEqualTo(3);
        assertThat(report.headline().text()).isEqualTo("PARTIAL (3 MUSTs not judged on this target)");
        assertThat(report.headline().levelText(Level.MUST)).isEqualTo("MUST: 2 passed, 0 failed, 3 not judged of 5");
    }

    @Test
    void aMustFailureOutranksNotJudgedMusts() {
        ComplianceReport report = with(List.of(result(ACC_01, Verdict.FAIL)), sensitivity(true));

        assertThat(report.overall()).isEqualTo(OverallVerdict.NOT_COMPLIANT);
        assertThat(report.headline().mustNotJudged()).isEqualTo(4);
    }

    @Test
    void preconditionFailedIsNeitherPassNorFailNorBuildFailure() {
        ComplianceReport report = with(allMustsPassBut(result(ENC_01, Verdict.PRECONDITION_FAILED)), sensitivity(true));

        assertThat(report.summary().level(Level.MUST))
                .isEqualTo(new Tally(5, 4, 0, 0, 0, 0, 1));
        assertThat(report.summary().count(Level.MUST, Verdict.PRECONDITION_FAILED)).isEqualTo(1);
        assertThat(report.mustFailures()).isEmpty();
        assertThat(report.preconditionFailures()).extracting(c -> c.requirement().id()).containsExactly("ENC-01");
        assertThat(report.failsBuild(true)).isFalse();
        assertThat(report.failsBuild(false, true)).isTrue();
        assertThat(report.overall()).isEqualTo(OverallVerdict.PARTIAL);
    }

    @Test
    void foldOrderIsFailErrorPreconditionNotObservablePass() {
        ComplianceReport report = with(List.of(
                result(ACC_01, Verdict.PASS), result(ACC_01, Verdict.PRECONDITION_FAILED),
                result(ENC_01, Verdict.NOT_OBSERVABLE), result(ENC_01, Verdict.PRECONDITION_FAILED),
                result(ENC_02, Verdict.PRECONDITION_FAILED), result(ENC_02, Verdict.ERROR),
                result(ENC_03, Verdict.PRECONDITION_FAILED), result(ENC_03, Verdict.FAIL),
                result(LAT_02, Verdict.PASS), result(LAT_02, Verdict.NOT_OBSERVABLE)), List.of());

        assertThat(report.outcomes().stream().filter(RequirementOutcome::wasRun).map(o -> o.verdict().orElseThrow()))
                .containsExactly(Verdict.PRECONDITION_FAILED, Verdict.PRECONDITION_FAILED, Verdict.ERROR, Verdict.FAIL,
                        Verdict.NOT_OBSERVABLE);
    }

    @Test
    void onlyPassAndFailAreJudgements() {
        assertThat(java.util.Arrays.stream(Verdict.values()).filter(Verdict::isJudged))
                .containsExactly(Verdict.PASS, Verdict.FAIL);
        assertThat(java.util.Arrays.stream(Verdict.values()).filter(Verdict::isFailure))
                .containsExactly(Verdict.FAIL, Verdict.ERROR);
    }

    @Test
    void notObservableAndNotRunNeverFailADefaultBuild() {
        ComplianceReport report = with(List.of(result(ACC_01, Verdict.PASS), result(ENC_02, Verdict.NOT_OBSERVABLE),
                result(LAT_01, Verdict.NOT_OBSERVABLE)), sensitivity(true));

        assertThat(report.failsBuild(true)).isFalse();
        assertThat(report.failsBuild(true, true)).isTrue();
        assertThat(report.overall()).isEqualTo(OverallVerdict.PARTIAL);
    }

    @Test
    void uncaughtSensitivityRowFailsTheBuildEvenWhenTheTargetPasses() {
        ComplianceReport report = with(allMustsPassBut(), sensitivity(false));

        assertThat(report.uncaught()).extracting(SensitivityResult::variant).containsExactly("slow-idle");
        assertThat(report.failsBuild(false)).isTrue();
        assertThat(report.overall()).isEqualTo(OverallVerdict.COMPLIANT);
    }

    @Test
    void sensitivityCaughtOnlyWhenVariantFailsAndReferencePasses() {
        assertThat(SensitivityResult.of("v", "", "X-1", Verdict.FAIL, Verdict.PASS).caught()).isTrue();
        assertThat(SensitivityResult.of("v", "", "X-1", Verdict.FAIL, Verdict.FAIL).caught()).isFalse();
        assertThat(SensitivityResult.of("v", "", "X-1", Verdict.ERROR, Verdict.PASS).caught()).isFalse();
        assertThat(SensitivityResult.of("v", "", "X-1", Verdict.NOT_OBSERVABLE, Verdict.PASS).caught()).isFalse();
        assertThat(SensitivityResult.of("v", "", "X-1", Verdict.PRECONDITION_FAILED, Verdict.PASS).caught()).isFalse();
    }

    @Test
    void sensitivityPreconditionRowsAreNotCaughtAndSayWhy() {
        SensitivityResult setupBroken =
                SensitivityResult.of("no-accounts", "every login refused", "ENC-01", Verdict.PRECONDITION_FAILED, Verdict.PASS);
        ComplianceReport report = with(allMustsPassBut(), List.of(setupBroken,
                SensitivityResult.of("accepts-cleartext", "", "ENC-01", Verdict.FAIL, Verdict.PASS),
                SensitivityResult.of("accepts-cleartext", "", "ENC-03", Verdict.FAIL, Verdict.NOT_OBSERVABLE),
                SensitivityResult.of("slow-idle", "", "LAT-02", Verdict.PASS, Verdict.PASS)));

        assertThat(setupBroken.status()).isEqualTo(SensitivityResult.Status.PRECONDITION_FAILED);
        assertThat(report.uncaught()).hasSize(3);
        assertThat(report.failsBuild(false)).isTrue();
        SensitivityTally tally = SensitivityTally.of(report.sensitivity());
        assertThat(tally).isEqualTo(new SensitivityTally(3, 4, 1, 1, 1, 1));
        assertThat(tally.text()).isEqualTo("Ran 3 variants in 4 rows: 1 caught by the rule's own assertion,"
                + " 1 precondition failed, 1 reference did not pass, 1 missed.");
    }

    @Test
    void aRowCannotClaimCaughtAgainstItsVerdicts() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        new SensitivityResult("v", "", "X-1", Verdict.PRECONDITION_FAILED, Verdict.PASS, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("caught");
    }

    @Test
    void requirementAreaIsTheIdPrefix() {
        assertThat(Requirement.of("PRIV-01", Level.SHOULD, "s", "src").area()).isEqualTo("PRIV");
        assertThat(Requirement.areaOf("SMTP")).isEqualTo("SMTP");
    }

    @Test
    void figuresRefuseNonFiniteSamples() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CheckResult(ACC_01, "x", Verdict.PASS, null,
                        List.of(), java.util.Map.of("latencyMs", List.of(1.0, Double.NaN)), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latencyMs");
    }

    @Test
    void modelIsImmutable() {
        ComplianceReport report = full();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> report.results().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> report.results().get(6).figures().get("latencyMs").add(1.0))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
