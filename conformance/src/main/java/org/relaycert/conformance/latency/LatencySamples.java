package org.relaycert.conformance.latency;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The delivery latencies of one measurement run, in milliseconds, and the messages that never arrived.
 * Percentiles are by nearest rank (the report's method); a lost message counts as slower than any
 * delivered one, so loss can only make a percentile worse.
 *
 * <p>A bound on a percentile ("p99 under 1 s") is judged by an exact one-sided binomial test, not by the sample
 * percentile: with fewer than 100 samples the nearest-rank p99 is the maximum, and one retransmit would fail the rule.
 * If the true p-th percentile were at the limit, each sample would exceed it with probability 1 - p/100; the bound is
 * broken only when more samples exceed it than {@link #allowedOver(int, double)} (the smallest k for which more than
 * k such samples have probability at most {@value #ALPHA}), i.e. at 95 % confidence. The sample p99 is printed only
 * from {@value #P99_MIN_SAMPLES} samples on, where it is no longer the maximum.
 */
public final class LatencySamples {
    private final List<Double> delivered = new ArrayList<>();
    private int lost;
    /** The error rate of the percentile test: how likely a relay exactly at the limit is judged over it. */
    public static final double ALPHA = 0.05;
    /** The fewest samples whose nearest-rank p99 is not simply the maximum. */
    public static final int P99_MIN_SAMPLES = 100;

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
        return over(limitMillis) > allowedOver(plannedN, p);
    }

    /**
     * Whether the samples show, at 95 % confidence, that the {@code p}-th percentile reaches {@code limitMillis}:
     * more samples at or over the limit than {@link #allowedOver(int, double)} of {@link #total()}.
     */
    public synchronized boolean percentileOver(double p, double limitMillis) {
        return over(limitMillis) > allowedOver(total(), p);
    }

    /**
     * The most of {@code n} samples that may exceed a limit while the {@code p}-th percentile can still be under it:
     * the smallest k with P(X > k) <= {@link #ALPHA} for X ~ Binomial(n, 1 - p/100).
     */
    public static int allowedOver(int n, double p) {
        double q = 1 - p / 100.0;
        if (q <= 0) {
            return 0;
        }
        if (q >= 1) {
            return n;
        }
        double pmf = Math.pow(1 - q, n);
        double cumulative = pmf;
        int k = 0;
        while (k < n && 1 - cumulative > ALPHA) {
            pmf = pmf * (n - k) / (k + 1) * q / (1 - q);
            cumulative += pmf;
            k++;
        }
        return k;
    }

    /** The test and its figures, for the evidence and the assertion's description. */
    public synchronized String judgement(double p, double limitMillis) {
        int n = total();
        int k = allowedOver(n, p);
        return String.format(Locale.ROOT, "p%s < %s ms judged by an exact binomial test at %d %% confidence: %d of %d "
                        + "samples at or over %s ms (lost included); broken only when more than %d are (were the true p%s "
                        + "at the limit, more than %d of %d over it has probability at most %s)",
                fmt(p), fmt(limitMillis), Math.round((1 - ALPHA) * 100), over(limitMillis), n, fmt(limitMillis), k, fmt(p),
                k, n, fmt(ALPHA));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** 1-based nearest rank: ceil(p/100 * n), clamped to 1..n. */
    static int rankIndex(int n, double p) {
        int rank = (int) Math.ceil(p / 100.0 * n - 1e-9);
        return Math.max(1, Math.min(n, rank));
    }

    /**
     * "n=50 p50=3.1 ms p90=4.0 ms p99=n/a (n<100) max=7.2 ms loss=0/50": the sample p99 only where it is not the
     * maximum ({@value #P99_MIN_SAMPLES} samples on).
     */
    public synchronized String summary() {
        if (total() == 0) {
            return "no samples";
        }
        String p99 = total() >= P99_MIN_SAMPLES ? ms(percentile(99)) : "n/a (n<" + P99_MIN_SAMPLES + ")";
        return String.format(Locale.ROOT, "n=%d p50=%s p90=%s p99=%s max=%s loss=%d/%d", total(),
                ms(percentile(50)), ms(percentile(90)), p99, ms(max()), lost, total());
    }

    static String ms(double v) {
        return Double.isInfinite(v) ? "lost" : String.format(Locale.ROOT, "%.1f ms", v);
    }

    @Override
    public synchronized String toString() {
        return summary() + " " + Arrays.toString(delivered.toArray());
    }
}
