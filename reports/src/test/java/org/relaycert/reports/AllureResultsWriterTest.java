package org.relaycert.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllureResultsWriterTest {

    @TempDir
    Path dir;

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void writesOneValidResultPerCheckWithTheStatusMapping() throws Exception {
        new AllureResultsWriter(sequentialUuids()).write(SampleReports.full(), dir);

        Map<String, JsonNode> byName = results();
        assertThat(byName).hasSize(SampleReports.results().size());
        assertThat(byName.get("first login creates the account").get("status").asText()).isEqualTo("passed");
        assertThat(byName.get("cleartext mail refused").get("status").asText()).isEqualTo("failed");
        assertThat(byName.get("outbound STARTTLS").get("status").asText()).isEqualTo("skipped");
        assertThat(byName.get("idle wakes").get("status").asText()).isEqualTo("broken");
        assertThat(byName.get("idle wakes").at("/statusDetails/message").asText())
                .isEqualTo("java.net.SocketException: Connection reset");
        assertThat(byName.get("first login creates the account").at("/statusDetails/message").isMissingNode()).isTrue();
    }

    @Test
    void preconditionFailedIsSkippedWithItsOwnMessage() throws Exception {
        ComplianceReport report = SampleReports.with(List.of(new CheckResult(SampleReports.LAT_02, "idle wakes",
                Verdict.PRECONDITION_FAILED, "test mail refused at submission: 523", List.of(), Map.of(),
                java.time.Duration.ofMillis(5))), List.of());

        new AllureResultsWriter(sequentialUuids()).write(report, dir);

        JsonNode result = results().get("idle wakes");
        assertThat(result.get("status").asText()).isEqualTo("skipped");
        assertThat(result.at("/statusDetails/message").asText())
                .isEqualTo("precondition failed: test mail refused at submission: 523");
        assertThat(AllureResultsWriter.status(Verdict.PRECONDITION_FAILED)).isEqualTo("skipped");
    }

    @Test
    void labelsNameAreaSeverityAndRequirement() throws Exception {
        new AllureResultsWriter(sequentialUuids()).write(SampleReports.full(), dir);

        JsonNode must = results().get("cleartext mail refused");
        assertThat(labels(must)).contains("epic=ENC", "severity=critical", "tag=ENC-01");
        assertThat(must.get("fullName").asText()).isEqualTo("ENC-01 cleartext mail refused");
        JsonNode should = results().get("short password refused");
        assertThat(labels(should)).contains("epic=ACC", "severity=normal", "tag=ACC-02");
    }

    @Test
    void checksAreLaidEndToEndFromTheRunStart() throws Exception {
        new AllureResultsWriter(sequentialUuids()).write(SampleReports.full(), dir);

        JsonNode first = results().get("first login creates the account");
        long start = SampleReports.STARTED.toEpochMilli();
        assertThat(first.get("start").asLong()).isEqualTo(start);
        assertThat(first.get("stop").asLong()).isEqualTo(start + 120);
        assertThat(results().get("short password refused").get("start").asLong()).isEqualTo(start + 120);
    }

    @Test
    void evidenceIsATextAttachmentNamedAfterTheResult() throws Exception {
        new AllureResultsWriter(sequentialUuids()).write(SampleReports.full(), dir);

        JsonNode result = results().get("cleartext mail refused");
        String uuid = result.get("uuid").asText();
        JsonNode attachment = result.get("attachments").get(0);
        assertThat(attachment.get("source").asText()).isEqualTo(uuid + "-attachment.txt");
        assertThat(attachment.get("type").asText()).isEqualTo("text/plain");
        assertThat(Files.readString(dir.resolve(uuid + "-attachment.txt")))
                .isEqualTo("S: 250 <script>alert('x')</script>\nS: 250 2.0.0 Ok: queued\n");
        assertThat(results().get("outbound STARTTLS").get("attachments")).isEmpty();
    }

    @Test
    void returnsEveryFileItWrote() throws Exception {
        List<Path> written = new AllureResultsWriter().write(SampleReports.full(), dir);

        // 8 results, 4 with evidence (ACC-01, ACC-02, ENC-01, ENC-03 vg), one environment file.
        assertThat(written).hasSize(8 + 4 + 1).allMatch(Files::isRegularFile);
        assertThat(Files.readString(dir.resolve("environment.properties"))).contains("target=relay-a.test");
    }

    @Test
    void replacesResultsOfAnEarlierRunButKeepsForeignFiles() throws Exception {
        Files.writeString(dir.resolve("old-result.json"), "{}");
        Files.writeString(dir.resolve("categories.json"), "[]");

        new AllureResultsWriter().write(SampleReports.with(
                List.of(SampleReports.result(SampleReports.ACC_01, Verdict.PASS)), List.of()), dir);

        assertThat(dir.resolve("old-result.json")).doesNotExist();
        assertThat(dir.resolve("categories.json")).exists();
        assertThat(results()).containsOnlyKeys("ACC-01 check");
    }

    private Map<String, JsonNode> results() throws Exception {
        Map<String, JsonNode> byName = new HashMap<>();
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-result.json")).toList()) {
                JsonNode node = mapper.readTree(file.toFile());
                assertThat(file.getFileName().toString()).isEqualTo(node.get("uuid").asText() + "-result.json");
                byName.put(node.get("name").asText(), node);
            }
        }
        return byName;
    }

    private static List<String> labels(JsonNode result) {
        List<String> labels = new ArrayList<>();
        result.get("labels").forEach(l -> labels.add(l.get("name").asText() + "=" + l.get("value").asText()));
        return labels;
    }

    private static java.util.function.Supplier<UUID> sequentialUuids() {
        AtomicLong next = new AtomicLong();
        return () -> new UUID(0L, next.incrementAndGet());
    }
}
