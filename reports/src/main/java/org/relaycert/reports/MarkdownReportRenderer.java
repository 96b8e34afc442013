package org.relaycert.reports;

import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Renders {@code compliance-report.md} for CI logs and job summaries: headline, summary and area tables,
 * failures, suite errors and failed preconditions with reasons, what could not be observed or was not run, figure percentiles and the sensitivity
 * table. Cell text is escaped so server output cannot break a table or inject markup.
 */
public final class MarkdownReportRenderer {

    public static final String FILE_NAME = "compliance-report.md";

    public String render(ComplianceReport report) {
        Summary summary = report.summary();
        Headline headline = summary.headline();
        StringBuilder md = new StringBuilder(4096);
        md.append("# chatmail compliance: ").append(cell(report.target())).append("\n\n")
                .append("**Overall: ").append(headline.text()).append("**")
                .append(report.failsBuild(false) ? " (fails the build)" : "").append("  \n");
        for (Level level : Level.values()) {
            md.append(headline.levelText(level)).append("  \n");
        }
        md.append("relaycert ").append(cell(report.relaycertVersion())).append(", run ")
                .append(DateTimeFormatter.ISO_INSTANT.format(report.started())).append(", ")
                .append(Formats.duration(report.duration())).append("\n\n");

        md.append("## Summary\n\n| Level | Passed / failed / not judged").append(COUNT_HEADERS).append('\n')
                .append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Level level : Level.values()) {
            Tally t = summary.level(level);
            md.append("| ").append(level.name()).append(" | ").append(t.headline()).append(counts(t)).append('\n');
        }
        md.append("\n## Areas\n\nMUST and SHOULD: passed / failed / not judged of the level's total in the area.\n\n")
                .append("| Area | MUST | SHOULD").append(COUNT_HEADERS).append('\n')
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (AreaSummary area : summary.areas()) {
            md.append("| ").append(cell(area.area())).append(" | ").append(shortCell(area.level(Level.MUST))).append(" | ")
                    .append(shortCell(area.level(Level.SHOULD))).append(counts(area.all())).append('\n');
        }

        checks(md, "MUST failures", report.checks(Level.MUST, Verdict.FAIL));
        checks(md, "SHOULD failures", report.checks(Level.SHOULD, Verdict.FAIL));
        checks(md, "Suite errors", report.errors());
        checks(md, "Preconditions failed", report.preconditionFailures());
        notObservable(md, report.notObservable());
        notRun(md, report.unchecked());
        figures(md, report.outcomes());
        FederationMatrixTables.markdown(md, FederationMatrix.of(report));
        sensitivity(md, report.sensitivity());
        return md.toString();
    }

    private static final String COUNT_HEADERS =
            " | Pass | Fail | Precondition failed | Not observable | Error | Not run | Total |";

    private static void checks(StringBuilder md, String title, List<CheckResult> checks) {
        md.append("\n## ").append(title).append(" (").append(checks.size()).append(")\n\n");
        if (checks.isEmpty()) {
            md.append("None.\n");
            return;
        }
        md.append("| ID | Level | Check | Reason |\n|---|---|---|---|\n");
        for (CheckResult c : checks) {
            md.append("| ").append(cell(c.requirement().id())).append(" | ").append(c.requirement().level().name())
                    .append(" | ").append(cell(c.displayName())).append(" | ").append(cell(c.reason())).append(" |\n");
        }
    }

    private static void notObservable(StringBuilder md, List<CheckResult> results) {
        md.append("\n## Not observable (").append(results.size()).append(")\n\n");
        if (results.isEmpty()) {
            md.append("None.\n");
            return;
        }
        for (CheckResult r : results) {
            md.append("- **").append(cell(r.requirement().id())).append("** ").append(cell(r.displayName()))
                    .append(": ").append(cell(r.reason())).append('\n');
        }
    }

    private static void notRun(StringBuilder md, List<Requirement> unchecked) {
        if (unchecked.isEmpty()) {
            return;
        }
        md.append("\n## Not run (").append(unchecked.size()).append(")\n\n");
        for (Requirement r : unchecked) {
            md.append("- **").append(cell(r.id())).append("** (").append(r.level().name()).append(") ")
                    .append(cell(r.statement())).append('\n');
        }
    }

    private static void figures(StringBuilder md, List<RequirementOutcome> outcomes) {
        StringBuilder rows = new StringBuilder();
        for (RequirementOutcome outcome : outcomes) {
            outcome.figures().forEach((name, samples) -> {
                if (samples.isEmpty()) {
                    return;
                }
                Percentiles p = Percentiles.of(samples);
                rows.append("| ").append(cell(outcome.requirement().id())).append(" | ").append(cell(name)).append(" | ")
                        .append(p.count()).append(" | ").append(cell(Formats.withUnit(name, p.p50()))).append(" | ")
                        .append(cell(Formats.withUnit(name, p.p90()))).append(" | ")
                        .append(cell(Formats.withUnit(name, p.p99()))).append(" | ")
                        .append(cell(Formats.withUnit(name, p.max()))).append(" |\n");
            });
        }
        if (rows.isEmpty()) {
            return;
        }
        md.append("\n## Measurements\n\n| ID | Figure | n | p50 | p90 | p99 | max |\n|---|---|---:|---:|---:|---:|---:|\n")
                .append(rows);
    }

    private static void sensitivity(StringBuilder md, List<SensitivityResult> rows) {
        md.append("\n## Sensitivity self-test\n\n");
        if (rows.isEmpty()) {
            md.append("Not run.\n");
            return;
        }
        md.append(SensitivityTally.of(rows).text()).append(" A row is caught only when its check FAILs on the variant")
                .append(" and PASSes on the reference.\n\n")
                .append("| Variant | Requirement | On variant | On reference | Caught |\n|---|---|---|---|---|\n");
        for (SensitivityResult s : rows) {
            SensitivityResult.Status status = s.status();
            md.append("| ").append(cell(s.variant())).append(" | ").append(cell(s.requirementId())).append(" | ")
                    .append(s.onVariant().label()).append(" | ").append(s.onReference().label()).append(" | ")
                    .append(status == SensitivityResult.Status.CAUGHT ? "yes"
                            : status == SensitivityResult.Status.MISSED ? "**no**" : "**no**: " + status.label())
                    .append(" |\n");
        }
    }

    /** "1 / 0 / 2 of 3": passed / failed / not judged of the total; an en dash when the slice is empty. */
    private static String shortCell(Tally t) {
        return t.total() == 0 ? "\u2013" : t.pass() + " / " + t.fail() + " / " + t.notJudged() + " of " + t.total();
    }

    private static String counts(Tally t) {
        return " | " + t.pass() + " | " + t.fail() + " | " + t.preconditionFailed() + " | " + t.notObservable() + " | "
                + t.error() + " | " + t.notRun() + " | " + t.total() + " |";
    }

    /**
     * One table cell or list item: line breaks become spaces-and-slash, and the characters that could end
     * a cell or start markup (| < > ` * _ [ ] \) are backslash-escaped, which CommonMark allows for any
     * ASCII punctuation.
     */
    static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        String oneLine = text.strip().replace("\r\n", "\n").replace('\r', '\n').replace("\n", " / ");
        for (int i = 0; i < oneLine.length(); i++) {
            char c = oneLine.charAt(i);
            if ("|<>`*_[]\\".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        return out.toString();
    }
}
