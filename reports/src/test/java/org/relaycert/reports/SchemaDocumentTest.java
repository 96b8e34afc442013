package org.relaycert.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Keeps reports/SCHEMA.md in step with what the JSON renderer writes. */
class SchemaDocumentTest {

    /** Keys that are data, not schema: figure names and the level names inside "levels". */
    private static final Set<String> DATA_KEYS = Set.of("latencyMs");

    @Test
    void everyFieldTheRendererWritesIsDocumented() throws Exception {
        String schema = Files.readString(Path.of("SCHEMA.md"));
        JsonNode root = new ObjectMapper().readTree(new JsonReportRenderer().render(SampleReports.full()));
        Set<String> fields = new TreeSet<>();
        collect(root, fields);

        assertThat(fields).isNotEmpty().allSatisfy(field -> assertThat(schema).contains("`" + field + "`"));
        assertThat(schema).contains("# compliance-report.json, schema " + JsonReportRenderer.SCHEMA_VERSION);
    }

    private static void collect(JsonNode node, Set<String> fields) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (!DATA_KEYS.contains(e.getKey())) {
                    fields.add(e.getKey());
                }
                collect(e.getValue(), fields);
            });
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, fields));
        }
    }
}
