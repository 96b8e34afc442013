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
    void compliantIsBrightGreenHundredPercent() {
        ComplianceReport report = SampleReports.with(List.of(SampleReports.result(SampleReports.ACC_01, Verdict.PASS),
                SampleReports.result(SampleReports.ENC_02, Verdict.NOT_OBSERVABLE)), List.of());

        assertThat(renderer.badgeFor(report))
                .isEqualTo(new BadgeRenderer.Badge("chatmail", "100% MUST", BadgeRenderer.BRIGHT_GREEN));
    }

    @Test
    void shouldFailureTurnsYellowGreen() {
        ComplianceReport report = SampleReports.with(List.of(SampleReports.result(SampleReports.ACC_01, Verdict.PASS),
                SampleReports.result(SampleReports.ACC_02, Verdict.FAIL)), List.of());

        assertThat(renderer.badgeFor(report).colour()).isEqualTo(BadgeRenderer.YELLOW_GREEN);
        assertThat(renderer.badgeFor(report).message()).isEqualTo("100% MUST");
    }

    @Test
    void mustScoreRoundsDownAndColoursByHowBadItIs() {
        List<CheckResult> results = new java.util.ArrayList<>();
        for (int i = 0; i < 32; i++) {
            results.add(SampleReports.result(Requirement.of("X-" + i, Level.MUST, "s", "t"), Verdict.PASS));
        }
        results.add(SampleReports.result(SampleReports.ENC_01, Verdict.FAIL));
        // 32 of 33 is 96.97%: shown as 96%, orange.
        BadgeRenderer.Badge nearly = renderer.badgeFor(SampleReports.with(results, List.of()));
        assertThat(nearly).isEqualTo(new BadgeRenderer.Badge("chatmail", "96% MUST", BadgeRenderer.ORANGE));

        assertThat(renderer.badgeFor(SampleReports.full()))
                .isEqualTo(new BadgeRenderer.Badge("chatmail", "25% MUST", BadgeRenderer.RED));
    }

    @Test
    void nothingScoredSaysNoVerdict() {
        ComplianceReport report = SampleReports.with(
                List.of(SampleReports.result(SampleReports.ENC_02, Verdict.NOT_OBSERVABLE)), List.of());

        assertThat(renderer.badgeFor(report))
                .isEqualTo(new BadgeRenderer.Badge("chatmail", "no verdict", BadgeRenderer.GREY));
    }

    @Test
    void svgIsWellFormedAndCarriesTextAndColour() throws Exception {
        String svg = renderer.render(SampleReports.full());

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(doc.getDocumentElement().getAttribute("aria-label")).isEqualTo("chatmail: 25% MUST");
        assertThat(svg).contains(">chatmail</text>").contains(">25% MUST</text>").contains("fill=\"" + BadgeRenderer.RED + "\"");
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
