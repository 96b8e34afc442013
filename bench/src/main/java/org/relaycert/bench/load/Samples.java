package org.relaycert.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Latency samples in milliseconds with nearest-rank percentiles (the suite's method); lost ones counted apart. */
final class Samples {
    private final List<Double> millis = new ArrayList<>();
    private int lost;

    synchronized void add(double ms) {
        millis.add(ms);
    }

    synchronized void lose() {
        lost++;
    }

    synchronized int count() {
        return millis.size();
    }

    synchronized int lost() {
        return lost;
    }

    /** Nearest rank over the delivered samples: the smallest value with at least p % at or below it. */
    synchronized double percentile(double p) {
        if (millis.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int rank = (int) Math.ceil(p / 100.0 * sorted.length - 1e-9);
        return sorted[Math.max(1, Math.min(sorted.length, rank)) - 1];
    }

    synchronized String summary() {
        return String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms, max %.2f ms (n=%d, lost %d)",
                percentile(50), percentile(99), percentile(100), millis.size(), lost);
    }
}
