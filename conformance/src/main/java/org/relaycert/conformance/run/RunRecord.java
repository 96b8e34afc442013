package org.relaycert.conformance.run;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.relaycert.reports.CheckResult;
import org.relaycert.reports.Verdict;

/**
 * Everything one run of checks decided, as typed results: the extension hands each finished check here with its
 * verdict, reason, evidence and figures, and the report, the sensitivity run and the callers read it back. Prints
 * one progress line per finished check when asked to ("[relaycert] ACC 3/8 done, 1 failed"), so a slow remote run
 * never looks hung.
 */
public final class RunRecord {
    private final List<CheckResult> results = new ArrayList<>();
    private final Map<String, int[]> progress = new TreeMap<>(); // expected, done, failed
    private final Optional<PrintStream> out;
    private final Instant started = Instant.now();
    private volatile String targetName = "local";

    private final boolean bars;

    /** {@code bars}: one line of per-area bars redrawn in place (a terminal), else a line per finished check. */
    RunRecord(Optional<PrintStream> out, boolean bars) {
        this.out = out;
        this.bars = bars;
    }

    /** "ACC [####----] 4/8  ENC [#-------] 1/13 ..." with a failed count where there is one. */
    private String bars() {
        StringBuilder line = new StringBuilder();
        progress.forEach((area, c) -> {
            int total = Math.max(c[0], c[1]);
            int filled = total == 0 ? 0 : c[1] * 6 / total;
            line.append(area).append(" [").append("#".repeat(filled)).append("-".repeat(6 - filled)).append("] ")
                    .append(c[1]).append('/').append(total).append(c[2] > 0 ? " " + c[2] + " failed" : "").append("  ");
        });
        return line.toString().stripTrailing();
    }

    /** Ends the progress line of a terminal. */
    void finish() {
        if (bars) {
            out.ifPresent(PrintStream::println);
        }
    }

    synchronized void expect(String area) {
        progress.computeIfAbsent(area, a -> new int[3])[0]++;
    }

    /** One finished check. */
    public synchronized void add(CheckResult result) {
        results.add(result);
        int[] c = progress.computeIfAbsent(result.requirement().area(), a -> new int[3]);
        c[1]++;
        if (result.verdict() == Verdict.FAIL) {
            c[2]++;
        }
        out.ifPresent(o -> {
            if (bars) {
                o.print("\r" + bars());
                o.flush();
            } else {
                o.printf("[relaycert] %s %d/%d done, %d failed%n", result.requirement().area(), c[1], Math.max(c[0], c[1]), c[2]);
            }
        });
    }

    /** The name of the target the checks ran against, as its {@code Target} gives it. */
    public void target(String name) {
        targetName = name;
    }

    public String targetName() {
        return targetName;
    }

    public Instant started() {
        return started;
    }

    public synchronized List<CheckResult> results() {
        return List.copyOf(results);
    }

    /** Each requirement's checks folded into one result, the worst first (as the report folds them). */
    public synchronized Map<String, CheckResult> byRequirement() {
        Map<String, CheckResult> worst = new LinkedHashMap<>();
        Comparator<CheckResult> order = Comparator.comparingInt(r -> r.verdict().severityRank());
        for (CheckResult r : results) {
            worst.merge(r.requirement().id(), r, (a, b) -> order.compare(b, a) < 0 ? b : a);
        }
        return worst;
    }

    /** The verdict of a requirement in this run, if a check of it ran. */
    public Optional<Verdict> verdict(String requirementId) {
        return Optional.ofNullable(byRequirement().get(requirementId)).map(CheckResult::verdict);
    }
}
