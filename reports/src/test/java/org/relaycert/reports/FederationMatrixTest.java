package org.relaycert.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The federation matrix: parsed from the FED checks' evidence, rendered in JSON, Markdown and HTML. */
class FederationMatrixTest {
    private static final Requirement FED_01 = Requirement.of("FED-01", Level.MUST, "mxdeliv both ways.", "spec 8.3");
    private static final Requirement FED_02 = Requirement.of("FED-02", Level.MUST, "SMTP both ways.", "spec 8.3");
    private static final List<String> RELAYS = List.of("relay-a.test", "relay-b.test", "relay-c.test");

    /** Three relays, every ordered pair over both paths; c -> a over SMTP failed with a note that needs escaping. */
    private static ComplianceReport report() {
        List<String> mx = new ArrayList<>(List.of("[submission on relay-a.test]", "S: 250 2.0.0 OK"));
        List<String> smtp = new ArrayList<>();
        long ms = 100;
        for (String from : RELAYS) {
            for (String to : RELAYS) {
                if (!from.equals(to)) {
                    mx.add(FederationMatrix.evidenceLine(from, to, "mxdeliv", ms++, null));
                    smtp.add(from.equals("relay-c.test") && to.equals("relay-a.test")
                            ? FederationMatrix.evidenceLine(from, to, "smtp", null, "bounce <550 5.1.1> | no such user")
                            : FederationMatrix.evidenceLine(from, to, "smtp", ms++ + 100, null));
                }
            }
        }
        return new ComplianceReport("local", "0-test", Instant.EPOCH, Instant.EPOCH.plusSeconds(9), List.of(FED_01, FED_02),
                List.of(new CheckResult(FED_01, "FED-01 mxdeliv", Verdict.PASS, null, mx, Map.of(), Duration.ofSeconds(3)),
                        new CheckResult(FED_02, "FED-02 smtp", Verdict.FAIL, "pairs that failed", smtp, Map.of(),
                                Duration.ofSeconds(5))), List.of());
    }

    @Test
    void evidenceLinesRoundTrip() {
        String line = FederationMatrix.evidenceLine("relay-a.test", "relay-b.test", "smtp", 42L, null);
        assertThat(line).isEqualTo("federation pair: relay-a.test -> relay-b.test via smtp: delivered in 42 ms");
        FederationMatrix.Cell cell = FederationMatrix.parse("FED-02", line).orElseThrow();
        assertThat(cell.latencyMs()).contains(42L);
        assertThat(cell.delivered()).isTrue();
        FederationMatrix.Cell lost = FederationMatrix.parse("FED-02",
                FederationMatrix.evidenceLine("a", "b", "smtp", null, "timed out")).orElseThrow();
        assertThat(lost.delivered()).isFalse();
        assertThat(lost.note()).contains("timed out");
        assertThat(FederationMatrix.parse("FED-01", "relay-a.test -> relay-b.test: delivered in 3 ms")).isEmpty();
    }

    @Test
    void collectsEveryOrderedPairPerPath() {
        FederationMatrix m = FederationMatrix.of(report());
        assertThat(m.relays()).containsExactlyElementsOf(RELAYS);
        assertThat(m.paths()).containsExactly("mxdeliv", "smtp");
        assertThat(m.cells()).hasSize(12);
        assertThat(m.cell("relay-a.test", "relay-b.test", "mxdeliv").orElseThrow().latencyMs()).contains(100L);
        assertThat(m.cell("relay-c.test", "relay-a.test", "smtp").orElseThrow().delivered()).isFalse();
        assertThat(m.cell("relay-c.test", "relay-a.test", "smtp").orElseThrow().requirementId()).isEqualTo("FED-02");
    }

    @Test
    void jsonHasOneCellPerPairAndSurvivesReadingBack() throws Exception {
        ComplianceReport report = report();
        String json = new JsonReportRenderer().render(report);
        JsonNode matrix = new ObjectMapper().readTree(json).get("federationMatrix");
        assertThat(matrix.get("paths")).hasSize(2);
        assertThat(matrix.get("relays")).hasSize(3);
        assertThat(matrix.get("cells")).hasSize(12);
        JsonNode first = matrix.get("cells").get(0);
        assertThat(first.get("from").asText()).isEqualTo("relay-a.test");
        assertThat(first.get("to").asText()).isEqualTo("relay-b.test");
        assertThat(first.get("path").asText()).isEqualTo("mxdeliv");
        assertThat(first.get("delivered").asBoolean()).isTrue();
        assertThat(first.get("deliveryMs").asLong()).isEqualTo(100);
        JsonNode lost = null;
        for (JsonNode c : matrix.get("cells")) {
            if (!c.get("delivered").asBoolean()) {
                lost = c;
            }
        }
        assertThat(lost).isNotNull();
        assertThat(lost.get("deliveryMs").isNull()).isTrue();
        assertThat(lost.get("note").asText()).isEqualTo("bounce <550 5.1.1> | no such user");

        ComplianceReport back = new JsonReportReader().read(json);
        assertThat(FederationMatrix.of(back)).isEqualTo(FederationMatrix.of(report));
    }

    @Test
    void markdownShowsOneTablePerPathWithEscapedCells() {
        String md = new MarkdownReportRenderer().render(report());
        assertThat(md).contains("## Federation matrix")
                .contains("### mxdeliv\n\n| from \\\\ to | relay-a.test | relay-b.test | relay-c.test |\n|---|---|---|---|\n"
                        + "| relay-a.test | \u2013 | 100 ms | 102 ms |\n")
                .contains("### smtp\n")
                .contains("| relay-c.test | not delivered: bounce \\<550 5.1.1\\> \\| no such user | ");
        assertThat(md.indexOf("## Federation matrix")).isLessThan(md.indexOf("## Sensitivity self-test"));
    }

    @Test
    void htmlShowsTablesWithEscapedNotes() {
        String html = new HtmlReportRenderer().render(report());
        assertThat(html).contains("<h2 id=\"federation\">Federation matrix</h2>")
                .contains("<h3>mxdeliv</h3>").contains("<h3>smtp</h3>")
                .contains("<tr><th>relay-a.test</th><td class=\"small\">\u2013</td><td class=\"yes\">100 ms</td>")
                .contains("<td class=\"no\">not delivered: bounce &lt;550 5.1.1&gt; | no such user</td>")
                .doesNotContain("<550");
    }

    @Test
    void reportsWithoutFederationChecksShowNoMatrix() {
        ComplianceReport plain = SampleReports.full();
        assertThat(new MarkdownReportRenderer().render(plain)).doesNotContain("Federation matrix");
        assertThat(new HtmlReportRenderer().render(plain)).doesNotContain("Federation matrix");
        assertThat(FederationMatrix.of(plain).isEmpty()).isTrue();
    }
}
