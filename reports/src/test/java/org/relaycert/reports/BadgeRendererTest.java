package org.relaycert.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class BadgeRendererTest {

    private final BadgeRenderer renderer = new BadgeRenderer();

    @Test
    void compliantIsBrightGreenWithEveryMustPassed() {
        ComplianceReport report = SampleReports.with(SampleReports.allMustsPassBut(
                SampleReports.result(SampleReports.LAT_01, Verdict.NOT_OBSERVABLE)), List.of());

        assertThat(renderer.badgeFor(report))
                .isEqualTo(new BadgeRenderer.Badge("chatmail", "compliant 5/5 MUST", BadgeRenderer.BRIGHT_GREEN));
    }

    @Test
    void shouldFailureTurnsYellowGreen() {
        ComplianceReport report = SampleReports.with(SampleReports.allMustsPassBut(
                SampleReports.result(SampleReports.ACC_02, Verdict.FAIL)), List.of());

        assertThat(renderer.badgeFor(report)).isEqualTo(
                new BadgeRenderer.Badge("chatmail", "compliant with warnings 5/5 MUST", BadgeRenderer.YELLOW_GREEN));
    }

    @Test
    void notJudgedMustsSayPartialAndNeverCountAsPassed() {
        ComplianceReport report = SampleReports.with(List.of(SampleReports.result(SampleReports.ACC_01, Verdict.PASS),
                SampleReports.result(SampleReports.ENC_02, Verdict.NOT_OBSERVABLE)), List.of());

        assertThat(renderer.badgeFor(report))
                .isEqualTo(new BadgeRenderer.Badge("chatmail", "partial 1/5 MUST", BadgeRenderer.YELLOW));
    }

    @Test
    void mustFailureIsRedNotCompliant() {
        assertThat(renderer.badgeFor(SampleReports.full()))
                .isEqualTo(new BadgeRenderer.Badge("chatmail", "not compliant 1/5 MUST", BadgeRenderer.RED));
    }

    @Test
    void nothingJudgedIsGreyPartial() {
        ComplianceReport report = SampleReports.with(
                List.of(SampleReports.result(SampleReports.ENC_02, Verdict.NOT_OBSERVABLE)), List.of());

        assertThat(renderer.badgeFor(report))
                .isEqualTo(new BadgeRenderer.Badge("chatmail", "partial 0/5 MUST", BadgeRenderer.GREY));
    }

    @Test
    void noMustRequirementSaysNoVerdict() {
        ComplianceReport report = new ComplianceReport("t", "v", SampleReports.STARTED, SampleReports.FINISHED,
                List.of(), List.of(SampleReports.result(SampleReports.ACC_02, Verdict.PASS)), List.of());

        assertThat(renderer.badgeFor(report))
                .isEqualTo(new BadgeRenderer.Badge("chatmail", "no verdict", BadgeRenderer.GREY));
    }

    @Test
    void svgIsWellFormedAndCarriesTextAndColour() throws Exception {
        String svg = renderer.render(SampleReports.full());

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(doc.getDocumentElement().getAttribute("aria-label")).isEqualTo("chatmail: not compliant 1/5 MUST");
        assertThat(svg).contains(">chatmail</text>").contains(">not compliant 1/5 MUST</text>").contains("fill=\"" + BadgeRenderer.RED + "\"");
    }

    @Test
    void widthGrowsWithTheMessageAndTextIsEscaped() {
        String narrow = renderer.render(new BadgeRenderer.Badge("chatmail", "1", "#000"));
        String wide = renderer.render(new BadgeRenderer.Badge("chatmail", "100% MUST <&>", "#000"));

        assertThat(width(wide)).isGreaterThan(width(narrow));
        assertThat(wide).contains("100% MUST &lt;&amp;&gt;").doesNotContain("<&>");
    }

    private static int width(String svg) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<svg [^>]*width=\"(\\d+)\"").matcher(svg);
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
