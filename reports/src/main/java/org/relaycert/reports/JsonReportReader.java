package org.relaycert.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code compliance-report.json} back into the model, e.g. to re-render a published report.
 * Derived fields (summary and its headline, overall, failsBuild, figureStats, requirement-level evidence, a
 * sensitivity row's status, sensitivitySummary) are ignored: they are recomputed from the checks. Reads every
 * schema 1.x: 1.2 only added fields and the {@code PRECONDITION_FAILED} verdict. Durations come back at millisecond precision.
 */
public final class JsonReportReader {

    private final ObjectMapper mapper = new ObjectMapper();

    public ComplianceReport read(Path file) throws IOException {
        return read(Files.readString(file));
    }

    public ComplianceReport read(String json) throws JsonProcessingException {
        JsonNode root = mapper.readTree(json);
        String schema = text(root, "schemaVersion");
        if (!schema.startsWith("1.")) {
            throw new IllegalArgumentException("unsupported compliance report schemaVersion " + schema);
        }
        List<Requirement> catalogue = new ArrayList<>();
        List<Map.Entry<Integer, CheckResult>> indexed = new ArrayList<>();
        for (JsonNode r : root.path("requirements")) {
            Requirement req = new Requirement(text(r, "id"), Level.valueOf(text(r, "level")), text(r, "area"),
                    text(r, "statement"), text(r, "source"));
            if (r.path("catalogued").asBoolean(true)) {
                catalogue.add(req);
            }
            for (JsonNode c : r.path("checks")) {
                CheckResult check = new CheckResult(req, text(c, "displayName"), verdict(c, "verdict"),
                        c.path("reason").isNull() ? null : c.path("reason").asText(null),
                        strings(c.path("evidence")), figures(c.path("figures")),
                        Duration.ofMillis(c.path("durationMs").asLong()));
                indexed.add(Map.entry(c.path("index").asInt(indexed.size()), check));
            }
        }
        indexed.sort(Comparator.comparingInt(Map.Entry::getKey));
        List<SensitivityResult> sensitivity = new ArrayList<>();
        for (JsonNode s : root.path("sensitivity")) {
            sensitivity.add(new SensitivityResult(text(s, "variant"), s.path("variantDescription").asText(""),
                    text(s, "requirementId"), verdict(s, "onVariant"), verdict(s, "onReference"),
                    s.path("caught").asBoolean()));
        }
        return new ComplianceReport(text(root, "target"), text(root, "relaycertVersion"),
                Instant.parse(text(root, "started")), Instant.parse(text(root, "finished")),
                catalogue, indexed.stream().map(Map.Entry::getValue).toList(), sensitivity);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("compliance report: missing text field '" + field + "'");
        }
        return value.asText();
    }

    private static Verdict verdict(JsonNode node, String field) {
        String name = text(node, field);
        try {
            return Verdict.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("compliance report: unknown verdict '" + name + "' in '" + field + "'", e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> lines = new ArrayList<>();
        array.forEach(n -> lines.add(n.asText()));
        return lines;
    }

    private static Map<String, List<Double>> figures(JsonNode object) {
        Map<String, List<Double>> figures = new LinkedHashMap<>();
        object.properties().forEach(e -> {
            List<Double> samples = new ArrayList<>();
            e.getValue().forEach(n -> samples.add(n.asDouble()));
            figures.put(e.getKey(), samples);
        });
        return figures;
    }
}
