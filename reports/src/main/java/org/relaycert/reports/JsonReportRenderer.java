package org.relaycert.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Renders {@code compliance-report.json}. The tree is built by hand rather than by data binding so the
 * published schema (reports/SCHEMA.md) is visible in one place and cannot drift with a record's fields.
 */
public final class JsonReportRenderer {

    /** Bump the minor for added fields, the major for removed or changed ones. */
    public static final String SCHEMA_VERSION = "1.2";
    public static final String FILE_NAME = "compliance-report.json";

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The report as pretty-printed JSON text. */
    public String render(ComplianceReport report) {
        try {
            return mapper.writeValueAsString(toTree(report)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report as a Jackson tree, for callers that want to embed or post-process it. */
    public ObjectNode toTree(ComplianceReport report) {
        ObjectNode root = mapper.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("target", report.target());
        root.put("relaycertVersion", report.relaycertVersion());
        root.put("started", report.started().toString());
        root.put("finished", report.finished().toString());
        root.put("durationMs", report.duration().toMillis());
        root.put("overall", report.overall().name());
        ObjectNode failsBuild = root.putObject("failsBuild");
        failsBuild.put("default", report.failsBuild(false));
        failsBuild.put("strict", report.failsBuild(true));
        failsBuild.put("requireAll", report.failsBuild(false, true));
        root.set("summary", summary(report.summary()));

        List<Requirement> catalogue = report.catalogue();
        ArrayNode requirements = root.putArray("requirements");
        for (RequirementOutcome outcome : report.outcomes()) {
            requirements.add(requirement(outcome, catalogue.contains(outcome.requirement()), report.results()));
        }
        ArrayNode sensitivity = root.putArray("sensitivity");
        report.sensitivity().forEach(s -> sensitivity.add(sensitivityRow(s)));
        root.set("sensitivitySummary", sensitivitySummary(SensitivityTally.of(report.sensitivity())));
        FederationMatrixTables.json(root, FederationMatrix.of(report));
        return root;
    }

    private ObjectNode summary(Summary summary) {
        ObjectNode node = mapper.createObjectNode();
        node.set("headline", headline(summary.headline()));
        node.set("all", tally(summary.all()));
        node.set("levels", levels(summary.byLevel()));
        ArrayNode areas = node.putArray("areas");
        for (AreaSummary area : summary.areas()) {
            ObjectNode a = areas.addObject();
            a.put("area", area.area());
            a.set("all", tally(area.all()));
            a.set("levels", levels(area.byLevel()));
        }
        ArrayNode unchecked = node.putArray("unchecked");
        summary.unchecked().forEach(unchecked::add);
        return node;
    }

    private ObjectNode headline(Headline headline) {
        ObjectNode node = mapper.createObjectNode();
        node.put("overall", headline.overall().name());
        node.put("text", headline.text());
        node.put("mustNotJudged", headline.mustNotJudged());
        ObjectNode levels = node.putObject("levels");
        for (Level level : Level.values()) {
            Tally t = headline.level(level);
            ObjectNode l = levels.putObject(level.name());
            l.put("passed", t.pass());
            l.put("failed", t.fail());
            l.put("notJudged", t.notJudged());
            l.put("total", t.total());
        }
        return node;
    }

    private ObjectNode sensitivitySummary(SensitivityTally t) {
        ObjectNode node = mapper.createObjectNode();
        node.put("variants", t.variants());
        node.put("rows", t.rows());
        node.put("caught", t.caught());
        node.put("preconditionFailed", t.preconditionFailed());
        node.put("referenceNotPassed", t.referenceNotPassed());
        node.put("missed", t.missed());
        return node;
    }

    private ObjectNode levels(Map<Level, Tally> byLevel) {
        ObjectNode node = mapper.createObjectNode();
        for (Level level : Level.values()) {
            node.set(level.name(), tally(byLevel.getOrDefault(level, Tally.EMPTY)));
        }
        return node;
    }

    private ObjectNode tally(Tally tally) {
        ObjectNode node = mapper.createObjectNode();
        node.put("total", tally.total());
        node.put("pass", tally.pass());
        node.put("fail", tally.fail());
        node.put("notObservable", tally.notObservable());
        node.put("error", tally.error());
        node.put("notRun", tally.notRun());
        node.put("preconditionFailed", tally.preconditionFailed());
        node.put("notJudged", tally.notJudged());
        if (tally.score().isPresent()) {
            node.put("score", tally.score().getAsDouble());
        } else {
            node.putNull("score");
        }
        return node;
    }

    private ObjectNode requirement(RequirementOutcome outcome, boolean catalogued, List<CheckResult> allResults) {
        Requirement req = outcome.requirement();
        ObjectNode node = mapper.createObjectNode();
        node.put("id", req.id());
        node.put("level", req.level().name());
        node.put("area", req.area());
        node.put("statement", req.statement());
        node.put("source", req.source());
        node.put("catalogued", catalogued);
        node.put("verdict", outcome.verdictName());
        node.put("reason", outcome.reason());
        node.set("evidence", strings(outcome.evidence()));
        node.set("figures", figures(outcome.figures()));
        node.set("figureStats", figureStats(outcome.figures()));
        node.put("durationMs", outcome.duration().toMillis());
        ArrayNode checks = node.putArray("checks");
        for (CheckResult check : outcome.checks()) {
            ObjectNode c = checks.addObject();
            c.put("index", indexOf(allResults, check));
            c.put("displayName", check.displayName());
            c.put("verdict", check.verdict().name());
            c.put("reason", check.reason());
            c.set("evidence", strings(check.evidence()));
            c.set("figures", figures(check.figures()));
            c.put("durationMs", check.duration().toMillis());
        }
        return node;
    }

    /** Identity, not equals: two identical checks are still two runs. */
    private static int indexOf(List<CheckResult> results, CheckResult check) {
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i) == check) {
                return i;
            }
        }
        return results.indexOf(check);
    }

    private ObjectNode sensitivityRow(SensitivityResult s) {
        ObjectNode node = mapper.createObjectNode();
        node.put("variant", s.variant());
        node.put("variantDescription", s.variantDescription());
        node.put("requirementId", s.requirementId());
        node.put("onVariant", s.onVariant().name());
        node.put("onReference", s.onReference().name());
        node.put("caught", s.caught());
        node.put("status", s.status().name());
        return node;
    }

    private ArrayNode strings(List<String> lines) {
        ArrayNode array = mapper.createArrayNode();
        lines.forEach(array::add);
        return array;
    }

    private ObjectNode figures(Map<String, List<Double>> figures) {
        ObjectNode node = mapper.createObjectNode();
        figures.forEach((name, samples) -> {
            ArrayNode array = node.putArray(name);
            samples.forEach(array::add);
        });
        return node;
    }

    private ObjectNode figureStats(Map<String, List<Double>> figures) {
        ObjectNode node = mapper.createObjectNode();
        figures.forEach((name, samples) -> {
            if (samples.isEmpty()) {
                return;
            }
            Percentiles p = Percentiles.of(samples);
            ObjectNode stats = node.putObject(name);
            stats.put("count", p.count());
            stats.put("min", p.min());
            stats.put("p50", p.p50());
            stats.put("p90", p.p90());
            stats.put("p99", p.p99());
            stats.put("max", p.max());
        });
        return node;
    }
}
