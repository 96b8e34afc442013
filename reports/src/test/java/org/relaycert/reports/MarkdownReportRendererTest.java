package org.relaycert.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportRendererTest {

    private final String md = new MarkdownReportRenderer().render(SampleReports.full());

    @Test
    void headlineAndSummaryTable() {
        assertThat(md).startsWith("# chatmail compliance: relay-a.test\n")
                .contains("**Overall: NOT COMPLIANT (2 MUSTs failed)** (fails the build)  \n"
                        + "MUST: 1 passed, 2 failed, 2 not judged of 5  \nSHOULD: 1 passed, 1 failed, 1 not judged of 3  \n")
                .contains("| Level | Passed / failed / not judged | Pass | Fail | Precondition failed | Not observable | Error"
                        + " | Not run | Total |\n|---|---|")
                .contains("| MUST | 1 passed, 2 failed, 2 not judged of 5 | 1 | 2 | 0 | 1 | 1 | 0 | 5 |")
                .contains("| SHOULD | 1 passed, 1 failed, 1 not judged of 3 | 1 | 1 | 0 | 0 | 0 | 1 | 3 |");
    }

    @Test
    void areaTableCountsEachLevel() {
        assertThat(md).contains("| ACC | 1 / 0 / 0 of 1 | 0 / 1 / 0 of 1 | 1 | 1 | 0 | 0 | 0 | 0 | 2 |")
                .contains("| PRIV | \u2013 | 0 / 0 / 1 of 1 | 0 | 0 | 0 | 0 | 0 | 1 | 1 |");
    }

    @Test
    void failuresErrorsAndPreconditionsAreListedApartWithCellsEscaped() {
        assertThat(md).contains("## MUST failures (2)")
                .contains("| ENC-01 | MUST | cleartext mail refused | relay accepted cleartext: 250 \\<ok\\> |")
                .contains("## SHOULD failures (1)")
                .contains("| ACC-02 | SHOULD | short password refused | expected NO for an 8-character password \\| got OK |")
                .contains("## Suite errors (1)")
                .contains("| LAT-02 | MUST | idle wakes | java.net.SocketException: Connection reset |")
                .contains("## Preconditions failed (0)\n\nNone.\n");
    }

    @Test
    void listsNotObservableAndNotRun() {
        assertThat(md).contains("## Not observable (1)\n\n- **ENC-02** outbound STARTTLS: needs a second relay (target2)\n")
                .contains("## Not run (1)\n\n- **PRIV-01** (SHOULD) Received headers are stripped.\n");
    }

    @Test
    void measurementsUsePercentiles() {
        assertThat(md).contains("| LAT-01 | latencyMs | 100 | 50 ms | 90 ms | 99 ms | 100 ms |");
    }

    @Test
    void sensitivityTable() {
        assertThat(md).contains("Ran 3 variants in 3 rows: 2 caught by the rule's own assertion, 0 precondition failed,"
                        + " 0 reference did not pass, 1 missed.")
                .contains("| accepts-cleartext | ENC-01 | fail | pass | yes |")
                .contains("| slow-idle | LAT-02 | pass | pass | **no** |");
    }

    @Test
    void cellKeepsMultilineServerTextOnOneRow() {
        assertThat(MarkdownReportRenderer.cell("a|b\r\n<x>\n`c`")).isEqualTo("a\\|b / \\<x\\> / \\`c\\`");
        assertThat(MarkdownReportRenderer.cell(null)).isEmpty();
    }

    @Test
    void compliantReportSaysNoneForFailures() {
        String clean = new MarkdownReportRenderer().render(SampleReports.with(
                SampleReports.allMustsPassBut(), SampleReports.sensitivity(true)));

        assertThat(clean).contains("**Overall: COMPLIANT**  \n").contains("## MUST failures (0)\n\nNone.\n")
                .doesNotContain("Measurements");
    }

    @Test
    void preconditionRowsAreListedAndNeverCaught() {
        String text = new MarkdownReportRenderer().render(SampleReports.with(List.of(new CheckResult(SampleReports.LAT_02,
                "idle wakes", Verdict.PRECONDITION_FAILED, "test mail refused at submission: 523", List.of(),
                java.util.Map.of(), java.time.Duration.ZERO)), List.of(SensitivityResult.of("no-accounts", "",
                "LAT-02", Verdict.PRECONDITION_FAILED, Verdict.PASS))));

        assertThat(text).contains("## Preconditions failed (1)\n\n| ID | Level | Check | Reason |\n|---|---|---|---|\n"
                        + "| LAT-02 | MUST | idle wakes | test mail refused at submission: 523 |")
                .contains("| no-accounts | LAT-02 | precondition failed | pass | **no**: precondition failed |")
                .contains("## MUST failures (0)");
    }
}
