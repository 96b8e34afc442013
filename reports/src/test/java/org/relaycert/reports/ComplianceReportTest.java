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

        assertThat(summary.level(Level.MUST)).isEqualTo(new Tally(5, 1, 2, 1, 1, 0));
        assertThat(summary.level(Level.SHOULD)).isEqualTo(new Tally(3, 1, 1, 0, 0, 1));
        assertThat(summary.all()).isEqualTo(new Tally(8, 2, 3, 1, 1, 1));
        assertThat(summary.count(Level.MUST, Verdict.FAIL)).isEqualTo(2);
        assertThat(summary.count(Level.MUST, Verdict.NOT_OBSERVABLE)).isEqualTo(1);
        assertThat(summary.count(Level.SHOULD, Verdict.ERROR)).isZero();
    }

    @Test
    void scoreLeavesOutNotObservableAndNotRun() {
        Summary summary = full().summary();

        assertThat(summary.level(Level.MUST).score()).hasValue(0.25);
        assertThat(summary.level(Level.MUST).scorePercent()).isEqualTo(25);
        assertThat(summary.level(Level.SHOULD).score()).hasValue(0.5);
        assertThat(summary.area("PRIV").orElseThrow().level(Level.SHOULD).score()).isEmpty();
        assertThat(summary.area("PRIV").orElseThrow().level(Level.SHOULD).scorePercent()).isEqualTo(-1);
    }

    @Test
    void areasAreSortedAndSplitByLevel() {
        Summary summary = full().summary();

        assertThat(summary.areas()).extracting(AreaSummary::area).containsExactly("ACC", "ENC", "LAT", "PRIV");
        AreaSummary acc = summary.area("ACC").orElseThrow();
        assertThat(acc.all()).isEqualTo(new Tally(2, 1, 1, 0, 0, 0));
        assertThat(acc.level(Level.MUST).score()).hasValue(1.0);
        assertThat(acc.level(Level.SHOULD).score()).hasValue(0.0);
        AreaSummary enc = summary.area("ENC").orElseThrow();
        assertThat(enc.level(Level.MUST)).isEqualTo(new Tally(3, 0, 2, 1, 0, 0));
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
    }

    @Test
    void mustErrorFailsTheBuild() {
        assertThat(with(List.of(result(LAT_02, Verdict.ERROR)), sensitivity(true)).failsBuild(false)).isTrue();
    }

    @Test
    void shouldFailureFailsOnlyStrictBuilds() {
        ComplianceReport report = with(List.of(result(ACC_01, Verdict.PASS), result(ACC_02, Verdict.ERROR)),
                sensitivity(true));

        assertThat(report.failsBuild(false)).isFalse();
        assertThat(report.failsBuild(true)).isTrue();
        assertThat(report.overall()).isEqualTo(OverallVerdict.COMPLIANT_WITH_WARNINGS);
    }

    @Test
    void notObservableAndNotRunNeverFailTheBuild() {
        ComplianceReport report = with(List.of(result(ACC_01, Verdict.PASS), result(ENC_02, Verdict.NOT_OBSERVABLE),
                result(LAT_01, Verdict.NOT_OBSERVABLE)), sensitivity(true));

        assertThat(report.failsBuild(true)).isFalse();
        assertThat(report.overall()).isEqualTo(OverallVerdict.COMPLIANT);
    }

    @Test
    void uncaughtSensitivityRowFailsTheBuildEvenWhenTheTargetPasses() {
        ComplianceReport report = with(List.of(result(ACC_01, Verdict.PASS)), sensitivity(false));

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
