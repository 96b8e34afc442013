package org.relaycert.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relaycert.reports.SampleReports.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The headline is the same in the HTML, the Markdown, the JSON summary and the badge. */
class HeadlineRenderingTest {

    private final ObjectMapper mapper = new ObjectMapper();

    /** ACC-01, ENC-01 pass; ENC-02 not observable; ENC-03 precondition failed; LAT-02 not run: 3 MUSTs not judged. */
    private static ComplianceReport partial() {
        return with(List.of(result(ACC_01, Verdict.PASS), result(ENC_01, Verdict.PASS),
                result(ENC_02, Verdict.NOT_OBSERVABLE), result(ENC_03, Verdict.PRECONDITION_FAILED),
                result(ACC_02, Verdict.PASS)), sensitivity(true));
    }

    @Test
    void notJudgedMustsReadPartialEverywhere() throws Exception {
        ComplianceReport report = partial();
        String text = "PARTIAL (3 MUSTs not judged on this target)";

        assertThat(new HtmlReportRenderer().render(report))
                .contains("<div class=\"overall partial\">" + text + "</div>")
                .contains("<li>MUST: 2 passed, 0 failed, 3 not judged of 5</li>")
                .doesNotContain("overall compliant").doesNotContain("COMPLIANT (");
        assertThat(new MarkdownReportRenderer().render(report))
                .contains("**Overall: " + text + "**  \nMUST: 2 passed, 0 failed, 3 not judged of 5  \n")
                .doesNotContain("COMPLIANT");
        JsonNode root = mapper.readTree(new JsonReportRenderer().render(report));
        assertThat(root.get("overall").asText()).isEqualTo("PARTIAL");
        assertThat(root.at("/summary/headline/overall").asText()).isEqualTo("PARTIAL");
        assertThat(root.at("/summary/headline/text").asText()).isEqualTo(text);
        assertThat(root.at("/summary/headline/mustNotJudged").asInt()).isEqualTo(3);
        assertThat(root.at("/summary/headline/levels/MUST/passed").asInt()).isEqualTo(2);
        assertThat(root.at("/summary/headline/levels/MUST/failed").asInt()).isZero();
        assertThat(root.at("/summary/headline/levels/MUST/notJudged").asInt()).isEqualTo(3);
        assertThat(root.at("/summary/headline/levels/MUST/total").asInt()).isEqualTo(5);
        assertThat(root.at("/failsBuild/default").asBoolean()).isFalse();
        assertThat(root.at("/failsBuild/requireAll").asBoolean()).isTrue();
        BadgeRenderer.Badge badge = new BadgeRenderer().badgeFor(report);
        assertThat(badge.message()).isEqualTo("partial 2/5 MUST");
        assertThat(new BadgeRenderer().render(report)).contains("aria-label=\"chatmail: partial 2/5 MUST\"");
    }

    @Test
    void everyMustPassedReadsCompliantEverywhere() throws Exception {
        ComplianceReport report = with(allMustsPassBut(), sensitivity(true));

        assertThat(new HtmlReportRenderer().render(report)).contains("<div class=\"overall compliant\">COMPLIANT</div>")
                .contains("<li>MUST: 5 passed, 0 failed, 0 not judged of 5</li>");
        assertThat(new MarkdownReportRenderer().render(report)).contains("**Overall: COMPLIANT**  \n");
        JsonNode root = mapper.readTree(new JsonReportRenderer().render(report));
        assertThat(root.get("overall").asText()).isEqualTo("COMPLIANT");
        assertThat(root.at("/summary/headline/mustNotJudged").asInt()).isZero();
        assertThat(root.at("/failsBuild/requireAll").asBoolean()).isFalse();
        assertThat(new BadgeRenderer().badgeFor(report).message()).isEqualTo("compliant 5/5 MUST");
    }

    @Test
    void aFailedMustReadsNotCompliantEverywhere() throws Exception {
        ComplianceReport report = with(allMustsPassBut(result(ENC_01, Verdict.FAIL), result(LAT_02, Verdict.NOT_OBSERVABLE)),
                sensitivity(true));
        String text = "NOT COMPLIANT (1 MUST failed)";

        assertThat(new HtmlReportRenderer().render(report)).contains("<div class=\"overall not-compliant\">" + text + "</div>")
                .contains("<li>MUST: 3 passed, 1 failed, 1 not judged of 5</li>");
        assertThat(new MarkdownReportRenderer().render(report)).contains("**Overall: " + text + "** (fails the build)");
        JsonNode root = mapper.readTree(new JsonReportRenderer().render(report));
        assertThat(root.get("overall").asText()).isEqualTo("NOT_COMPLIANT");
        assertThat(root.at("/summary/headline/text").asText()).isEqualTo(text);
        assertThat(root.at("/failsBuild/default").asBoolean()).isTrue();
        assertThat(new BadgeRenderer().badgeFor(report).message()).isEqualTo("not compliant 3/5 MUST");
    }
}
