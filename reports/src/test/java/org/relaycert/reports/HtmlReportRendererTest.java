package org.relaycert.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlReportRendererTest {

    private final String html = new HtmlReportRenderer().render(SampleReports.full());

    @Test
    void escapesUntrustedEvidenceAndReasons() {
        assertThat(html).doesNotContain("<script");
        assertThat(html).contains("S: 250 &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(html).contains("relay accepted cleartext: 250 &lt;ok&gt;");
    }

    @Test
    void escapesTheTargetAndControlCharacters() {
        ComplianceReport hostile = new ComplianceReport("<img src=x>", "1\"", SampleReports.STARTED,
                SampleReports.FINISHED, List.of(), List.of(new CheckResult(SampleReports.ACC_01, "a\u0000b",
                Verdict.FAIL, "x\u001b[31m", List.of(), java.util.Map.of(), java.time.Duration.ZERO)), List.of());

        String page = new HtmlReportRenderer().render(hostile);

        assertThat(page).doesNotContain("<img").contains("&lt;img src=x&gt;").contains("relaycert 1&quot;");
        assertThat(page).doesNotContain("\u0000").doesNotContain("\u001b").contains("a\uFFFDb");
    }

    @Test
    void isOneSelfContainedPageWithoutScriptOrExternalAssets() {
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").endsWith("</html>\n");
        assertThat(html).doesNotContain("<link").doesNotContain(" src=").doesNotContain("<script")
                .doesNotContain("@import").doesNotContain("url(http");
    }

    @Test
    void headerNamesTargetDateVersionAndOverallVerdict() {
        assertThat(html).contains("<h1>chatmail relay compliance: relay-a.test</h1>")
                .contains("2026-11-25 17:00:00 UTC").contains("relaycert 0.1.0-SNAPSHOT")
                .contains("class=\"overall not-compliant\">NOT COMPLIANT (2 MUSTs failed)</div>")
                .contains("<li>MUST: 1 passed, 2 failed, 2 not judged of 5</li>")
                .contains("<li>SHOULD: 1 passed, 1 failed, 1 not judged of 3</li>")
                .contains("1 broken relay variant row(s) not caught by the rule's own assertion");
    }

    @Test
    void listsEveryRequirementWithVerdictColourAndText() {
        for (Requirement req : SampleReports.catalogue()) {
            assertThat(html).contains("<tr id=\"req-" + req.id() + "\"><td>" + req.id() + "</td>");
        }
        assertThat(html).contains("<span class=\"pill v-fail\">fail</span>")
                .contains("<span class=\"pill v-pass\">pass</span>")
                .contains("<span class=\"pill v-not-observable\">not observable</span>")
                .contains("<span class=\"pill v-error\">error</span>")
                .contains("<span class=\"pill v-not-run\">not run</span>");
    }

    @Test
    void showsPassedFailedAndNotJudgedPerAreaAndLevelWithBars() {
        // ACC: MUST 1/0/0, SHOULD 0/1/0; ENC MUST 0/2/1; LAT MUST 0/0/1 (error); PRIV SHOULD not run.
        assertThat(html).contains("<tr><td>ACC</td><td><span class=\"bar\"><span class=\"p\" style=\"width:100.0%\"></span>"
                        + "<span class=\"f\" style=\"width:0.0%\"></span></span>1 / 0 / 0 <span class=\"small\">of 1</span>")
                .contains("<tr><td>ENC</td><td><span class=\"bar\"><span class=\"p\" style=\"width:0.0%\"></span>"
                        + "<span class=\"f\" style=\"width:66.7%\"></span></span>0 / 2 / 1 <span class=\"small\">of 3</span>")
                .contains("<tr><td>PRIV</td><td><span class=\"small\">none</span></td>");
        assertThat(html).contains("<tr><td>MUST</td><td><span class=\"bar\"><span class=\"p\" style=\"width:20.0%\"></span>"
                + "<span class=\"f\" style=\"width:40.0%\"></span></span>1 passed, 2 failed, 2 not judged of 5</td>");
        assertThat(html).doesNotContain("25%").doesNotContain("not scored");
    }

    @Test
    void foldsEvidenceIntoDetails() {
        assertThat(html).contains("<details><summary>1 check(s), 2 evidence line(s), 300 ms</summary>");
        assertThat(html).contains("<pre>C: a1 LOGIN user pass\nS: a1 OK</pre>");
    }

    @Test
    void plotsFiguresAsInlineSvgWithPercentilesMarked() {
        assertThat(html).contains("<figure id=\"fig-LAT-01-latencyMs\">").contains("<svg class=\"plot\"")
                .contains(">p50 50 ms</text>").contains(">p90 90 ms</text>").contains(">p99 99 ms</text>")
                .contains("<a href=\"#fig-LAT-01-latencyMs\">latencyMs</a>: n=100, p50 50 ms, p90 90 ms, p99 99 ms");
        assertThat(html.split("<circle", -1)).hasSize(101);
    }

    @Test
    void sensitivityTableShowsCaughtYesAndNo() {
        assertThat(html).contains("Ran 3 variants in 3 rows: 2 caught by the rule&#39;s own assertion, 0 precondition"
                        + " failed, 0 reference did not pass, 1 missed.")
                .contains("<td>accepts-cleartext<div class=\"small\">filtermail disabled</div></td>")
                .contains("<td class=\"yes\">yes</td>").contains("<td class=\"no\">no</td>");
    }

    @Test
    void preconditionFailedHasItsOwnPillAndSensitivityWording() {
        ComplianceReport report = SampleReports.with(List.of(SampleReports.result(SampleReports.ENC_01,
                Verdict.PRECONDITION_FAILED)), List.of(SensitivityResult.of("no-accounts", "logins refused", "ENC-01",
                Verdict.PRECONDITION_FAILED, Verdict.PASS)));

        String page = new HtmlReportRenderer().render(report);

        assertThat(page).contains("<span class=\"pill v-precondition-failed\">precondition failed</span>")
                .contains("<td class=\"no\">no: precondition failed</td>")
                .contains("Ran 1 variant in 1 row: 0 caught by the rule&#39;s own assertion, 1 precondition failed")
                .doesNotContain("<td class=\"yes\">");
    }
}
