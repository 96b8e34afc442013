package org.relaycert.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void roundTripsThroughJacksonToAnEqualReport() throws Exception {
        ComplianceReport report = SampleReports.full();

        String json = new JsonReportRenderer().render(report);
        ComplianceReport back = new JsonReportReader().read(json);

        assertThat(back).isEqualTo(report);
        assertThat(new JsonReportRenderer().render(back)).isEqualTo(json);
    }

    @Test
    void keepsInterleavedCheckOrderAndUncataloguedRequirements() throws Exception {
        Requirement extra = Requirement.of("WEB-09", Level.SHOULD, "extra", "test");
        ComplianceReport report = SampleReports.with(List.of(
                SampleReports.result(SampleReports.ENC_01, Verdict.PASS),
                SampleReports.result(extra, Verdict.FAIL),
                SampleReports.result(SampleReports.ACC_01, Verdict.PASS),
                SampleReports.result(SampleReports.ENC_01, Verdict.FAIL)), List.of());

        ComplianceReport back = new JsonReportReader().read(new JsonReportRenderer().render(report));

        assertThat(back).isEqualTo(report);
        assertThat(back.catalogue()).doesNotContain(extra);
    }

    @Test
    void carriesVersionHeaderAndEveryRequirementField() throws Exception {
        JsonNode root = mapper.readTree(new JsonReportRenderer().render(SampleReports.full()));

        assertThat(root.get("schemaVersion").asText()).isEqualTo("1.2");
        assertThat(root.get("target").asText()).isEqualTo("relay-a.test");
        assertThat(root.get("started").asText()).isEqualTo("2026-11-25T17:00:00Z");
        assertThat(root.get("durationMs").asLong()).isEqualTo(270_000);
        assertThat(root.get("overall").asText()).isEqualTo("NOT_COMPLIANT");
        assertThat(root.at("/failsBuild/default").asBoolean()).isTrue();
        assertThat(root.at("/failsBuild/requireAll").asBoolean()).isTrue();

        JsonNode requirements = root.get("requirements");
        assertThat(requirements).hasSize(8);
        List<String> fields = new ArrayList<>();
        requirements.get(0).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).contains("id", "level", "area", "statement", "source", "verdict", "reason", "evidence",
                "figures", "durationMs", "checks");

        JsonNode enc01 = find(requirements, "ENC-01");
        assertThat(enc01.get("level").asText()).isEqualTo("MUST");
        assertThat(enc01.get("area").asText()).isEqualTo("ENC");
        assertThat(enc01.get("verdict").asText()).isEqualTo("FAIL");
        assertThat(enc01.get("reason").asText()).isEqualTo("relay accepted cleartext: 250 <ok>");
        assertThat(enc01.get("evidence").get(0).asText()).isEqualTo("S: 250 <script>alert('x')</script>");
        assertThat(enc01.get("durationMs").asLong()).isEqualTo(300);
        assertThat(find(requirements, "ACC-01").get("reason").isNull()).isTrue();
        assertThat(find(requirements, "PRIV-01").get("verdict").asText()).isEqualTo("NOT_RUN");
        assertThat(find(requirements, "ENC-02").get("verdict").asText()).isEqualTo("NOT_OBSERVABLE");
        assertThat(find(requirements, "LAT-02").get("verdict").asText()).isEqualTo("ERROR");

        JsonNode lat01 = find(requirements, "LAT-01");
        assertThat(lat01.at("/figures/latencyMs")).hasSize(100);
        assertThat(lat01.at("/figureStats/latencyMs/p90").asDouble()).isEqualTo(90.0);
        assertThat(lat01.at("/figureStats/latencyMs/p99").asDouble()).isEqualTo(99.0);
    }

    @Test
    void summaryHasCountsPerLevelVerdictAndArea() throws Exception {
        JsonNode summary = mapper.readTree(new JsonReportRenderer().render(SampleReports.full())).get("summary");

        assertThat(summary.at("/levels/MUST/total").asInt()).isEqualTo(5);
        assertThat(summary.at("/levels/MUST/fail").asInt()).isEqualTo(2);
        assertThat(summary.at("/levels/MUST/notObservable").asInt()).isEqualTo(1);
        assertThat(summary.at("/levels/MUST/error").asInt()).isEqualTo(1);
        assertThat(summary.at("/levels/MUST/notJudged").asInt()).isEqualTo(2);
        assertThat(summary.at("/levels/MUST/preconditionFailed").asInt()).isZero();
        assertThat(summary.at("/headline/overall").asText()).isEqualTo("NOT_COMPLIANT");
        assertThat(summary.at("/headline/text").asText()).isEqualTo("NOT COMPLIANT (2 MUSTs failed)");
        assertThat(summary.at("/headline/mustNotJudged").asInt()).isEqualTo(2);
        assertThat(summary.at("/headline/levels/MUST/passed").asInt()).isEqualTo(1);
        assertThat(summary.at("/headline/levels/MUST/failed").asInt()).isEqualTo(2);
        assertThat(summary.at("/headline/levels/MUST/notJudged").asInt()).isEqualTo(2);
        assertThat(summary.at("/headline/levels/MUST/total").asInt()).isEqualTo(5);
        assertThat(summary.at("/headline/levels/SHOULD/notJudged").asInt()).isEqualTo(1);
        assertThat(summary.at("/levels/SHOULD/notRun").asInt()).isEqualTo(1);
        assertThat(summary.at("/areas/3/area").asText()).isEqualTo("PRIV");
        assertThat(summary.at("/areas/3/levels/SHOULD/score").isNull()).isTrue();
        assertThat(summary.at("/areas/0/levels/MUST/pass").asInt()).isEqualTo(1);
        assertThat(summary.get("unchecked").get(0).asText()).isEqualTo("PRIV-01");
    }

    @Test
    void sensitivityRowsAreListed() throws Exception {
        JsonNode sensitivity = mapper.readTree(new JsonReportRenderer().render(SampleReports.full())).get("sensitivity");

        assertThat(sensitivity).hasSize(3);
        assertThat(sensitivity.get(2).get("variant").asText()).isEqualTo("slow-idle");
        assertThat(sensitivity.get(2).get("onVariant").asText()).isEqualTo("PASS");
        assertThat(sensitivity.get(2).get("caught").asBoolean()).isFalse();
        assertThat(sensitivity.get(2).get("status").asText()).isEqualTo("MISSED");
        assertThat(sensitivity.get(0).get("caught").asBoolean()).isTrue();
        assertThat(sensitivity.get(0).get("status").asText()).isEqualTo("CAUGHT");
    }

    @Test
    void preconditionFailedRoundTripsWithItsSensitivityRow() throws Exception {
        ComplianceReport report = SampleReports.with(SampleReports.allMustsPassBut(
                SampleReports.result(SampleReports.ENC_01, Verdict.PRECONDITION_FAILED),
                SampleReports.result(SampleReports.ENC_01, Verdict.NOT_OBSERVABLE)),
                List.of(SensitivityResult.of("no-accounts", "logins refused", "ENC-01", Verdict.PRECONDITION_FAILED,
                        Verdict.PASS)));

        String json = new JsonReportRenderer().render(report);
        ComplianceReport back = new JsonReportReader().read(json);

        assertThat(back).isEqualTo(report);
        assertThat(new JsonReportRenderer().render(back)).isEqualTo(json);
        JsonNode root = mapper.readTree(json);
        assertThat(find(root.get("requirements"), "ENC-01").get("verdict").asText()).isEqualTo("PRECONDITION_FAILED");
        assertThat(root.at("/sensitivity/0/caught").asBoolean()).isFalse();
        assertThat(root.at("/sensitivity/0/status").asText()).isEqualTo("PRECONDITION_FAILED");
        assertThat(root.at("/sensitivitySummary/variants").asInt()).isEqualTo(1);
        assertThat(root.at("/sensitivitySummary/rows").asInt()).isEqualTo(1);
        assertThat(root.at("/sensitivitySummary/caught").asInt()).isZero();
        assertThat(root.at("/sensitivitySummary/preconditionFailed").asInt()).isEqualTo(1);
    }

    @Test
    void readsASchema11ReportWithoutTheNewFields() throws Exception {
        ComplianceReport report = SampleReports.full();
        com.fasterxml.jackson.databind.node.ObjectNode root =
                (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(new JsonReportRenderer().render(report));
        root.put("schemaVersion", "1.1");
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("failsBuild")).remove("requireAll");
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("summary")).remove("headline");
        root.remove("sensitivitySummary");
        root.get("sensitivity").forEach(r -> ((com.fasterxml.jackson.databind.node.ObjectNode) r).remove("status"));

        ComplianceReport back = new JsonReportReader().read(mapper.writeValueAsString(root));

        assertThat(back).isEqualTo(report);
    }

    @Test
    void readerNamesAnUnknownVerdict() {
        String json = new JsonReportRenderer().render(SampleReports.with(
                List.of(SampleReports.result(SampleReports.ACC_01, Verdict.PASS)), List.of()))
                .replace("\"verdict\" : \"PASS\"", "\"verdict\" : \"MAYBE\"");

        assertThatThrownBy(() -> new JsonReportReader().read(json))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MAYBE");
    }

    @Test
    void readerRefusesAnotherMajorSchemaVersion() {
        assertThatThrownBy(() -> new JsonReportReader().read("{\"schemaVersion\":\"2.0\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2.0");
    }

    private static JsonNode find(JsonNode requirements, String id) {
        for (JsonNode r : requirements) {
            if (r.get("id").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no requirement " + id);
    }
}
