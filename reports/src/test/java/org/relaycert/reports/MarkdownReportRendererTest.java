package org.relaycert.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportRendererTest {

    private final String md = new MarkdownReportRenderer().render(SampleReports.full());

    @Test
    void headlineAndSummaryTable() {
        assertThat(md).startsWith("# chatmail compliance: relay-a.test\n")
                .contains("**Overall: not compliant** (fails the build)")
                .contains("| Level | Score | Pass | Fail | Error | Not observable | Not run | Total |\n|---|---:|")
                .contains("| MUST | 25% (1/4) | 1 | 2 | 1 | 1 | 0 | 5 |")
                .contains("| SHOULD | 50% (1/2) | 1 | 1 | 0 | 0 | 1 | 3 |");
    }

    @Test
    void areaTableScoresEachLevel() {
        assertThat(md).contains("| ACC | 100% (1/1) | 0% (0/1) | 1 | 1 | 0 | 0 | 0 | 2 |")
                .contains("| PRIV | \u2013 | \u2013 | 0 | 0 | 0 | 0 | 1 | 1 |");
    }

    @Test
    void failuresCarryReasonsWithCellsEscaped() {
        assertThat(md).contains("## MUST failures (3)")
                .contains("| ENC-01 | cleartext mail refused | fail | relay accepted cleartext: 250 \\<ok\\> |")
                .contains("| LAT-02 | idle wakes | error | java.net.SocketException: Connection reset |")
                .contains("## SHOULD failures (1)")
                .contains("| ACC-02 | short password refused | fail | expected NO for an 8-character password \\| got OK |");
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
        assertThat(md).contains("2 of 3 variants caught.")
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
                List.of(SampleReports.result(SampleReports.ACC_01, Verdict.PASS)), SampleReports.sensitivity(true)));

        assertThat(clean).contains("**Overall: compliant**  \n").contains("## MUST failures (0)\n\nNone.\n")
                .doesNotContain("Measurements");
    }
}
