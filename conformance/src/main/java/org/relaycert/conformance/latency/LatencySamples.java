package org.relaycert.conformance.latency;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The delivery latencies of one measurement run, in milliseconds, and the messages that never arrived.
 * Percentiles are by nearest rank (the report's method); a lost message counts as slower than any
 * delivered one, so loss can only make a percentile worse.
 */
public final class LatencySamples {
    private final List<Double> delivered = new ArrayList<>();
    private int lost;

    public synchronized void add(double millis) {
        delivered.add(millis);
    }

    public synchronized void lose() {
        lost++;
    }

    public synchronized int delivered() {
        return delivered.size();
    }

    public synchronized int lost() {
        return lost;
    }

    public synchronized int total() {
        return delivered.size() + lost;
    }

    public synchronized List<Double> millis() {
        return List.copyOf(delivered);
    }

    /** Nearest-rank percentile over delivered and lost messages; infinite when it falls on a lost one. */
    public synchronized double percentile(double p) {
        int n = total();
        if (n == 0) {
            throw new IllegalStateException("no samples");
        }
        double[] sorted = delivered.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int rank = rankIndex(n, p);
        return rank <= sorted.length ? sorted[rank - 1] : Double.POSITIVE_INFINITY;
    }

    public synchronized double max() {
        return lost > 0 ? Double.POSITIVE_INFINITY
                : delivered.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** How many samples (delivered slower than {@code limitMillis}, or lost) exceed the limit. */
    public synchronized int over(double limitMillis) {
        return lost + (int) delivered.stream().filter(v -> v >= limitMillis).count();
    }

    /**
     * Whether the {@code p}-th percentile of a run of {@code plannedN} messages is already known to reach
     * {@code limitMillis}, whatever the remaining messages show: more samples are over it than ranks above it.
     */
    public synchronized boolean percentileCertainlyOver(double p, double limitMillis, int plannedN) {
        return over(limitMillis) > plannedN - rankIndex(plannedN, p);
    }

    /** 1-based nearest rank: ceil(p/100 * n), clamped to 1..n. */
    static int rankIndex(int n, double p) {
        int rank = (int) Math.ceil(p / 100.0 * n - 1e-9);
        return Math.max(1, Math.min(n, rank));
    }

    /** "n=50 p50=3.1 ms p90=4.0 ms p99=7.2 ms max=7.2 ms loss=0/50". */
    public synchronized String summary() {
        if (total() == 0) {
            return "no samples";
        }
        return String.format(Locale.ROOT, "n=%d p50=%s p90=%s p99=%s max=%s loss=%d/%d", total(),
                ms(percentile(50)), ms(percentile(90)), ms(percentile(99)), ms(max()), lost, total());
    }

    static String ms(double v) {
        return Double.isInfinite(v) ? "lost" : String.format(Locale.ROOT, "%.1f ms", v);
    }

    @Override
    public synchronized String toString() {
        return summary() + " " + Arrays.toString(delivered.toArray());
    }
}
