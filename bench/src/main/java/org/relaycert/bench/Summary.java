package org.relaycert.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table printed at the end of a bench run: every figure, its target, and whether the target was met.
 * Figures without a target (JMH scores, throughput, ratios) are reported only; figures that could not be
 * taken say why instead of a value, and are never counted as met.
 */
public final class Summary {
    /** How a figure compares with its target. */
    public enum Verdict {
        MET("met"), NOT_MET("NOT MET"), REPORTED("-"), NOT_MEASURED("not measured");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** {@link #MET} when {@code met}, else {@link #NOT_MET}. */
        public static Verdict of(boolean met) {
            return met ? MET : NOT_MET;
        }
    }

    /** One row: what was measured, the value as printed, the target as printed ("" for none). */
    public record Row(String figure, String value, String target, Verdict verdict) {
    }

    private final List<Row> rows = new ArrayList<>();

    public synchronized void add(String figure, String value, String target, Verdict verdict) {
        rows.add(new Row(figure, value, target, verdict));
    }

    /** A figure without a target. */
    public void reported(String figure, String value) {
        add(figure, value, "", Verdict.REPORTED);
    }

    /** A figure that could not be taken, with the reason in place of a value. */
    public void notMeasured(String figure, String reason, String target) {
        add(figure, "not measured: " + reason, target, Verdict.NOT_MEASURED);
    }

    public synchronized List<Row> rows() {
        return List.copyOf(rows);
    }

    /** A fixed-width table; long figure names are cut at {@code 64} characters so the columns stay aligned. */
    public synchronized void print(PrintStream out, String heading) {
        out.println();
        out.println("== " + heading + " ==");
        out.println(format("figure", "value", "target", "verdict"));
        out.println("-".repeat(164));
        for (Row r : rows) {
            out.println(format(r.figure(), r.value(), r.target().isEmpty() ? "-" : r.target(), r.verdict().label()));
        }
        long met = rows.stream().filter(r -> r.verdict() == Verdict.MET).count();
        long notMet = rows.stream().filter(r -> r.verdict() == Verdict.NOT_MET).count();
        long missing = rows.stream().filter(r -> r.verdict() == Verdict.NOT_MEASURED).count();
        out.printf(Locale.ROOT, "targets met: %d, not met: %d, not measured: %d (targets are reported, not asserted)%n",
                met, notMet, missing);
    }

    static String format(String figure, String value, String target, String verdict) {
        String f = figure.length() > 64 ? figure.substring(0, 61) + "..." : figure;
        return String.format(Locale.ROOT, "%-64s  %-44s  %-38s  %s", f, value, target, verdict);
    }
}
