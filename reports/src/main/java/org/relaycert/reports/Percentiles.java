package org.relaycert.reports;

import java.util.Arrays;
import java.util.Collection;

/**
 * Order statistics of a sample set by the nearest-rank method: the p-th percentile is the smallest sample
 * such that at least p percent of the samples are at or below it (rank = ceil(p / 100 * n)).
 * No interpolation, so every reported value is a value that was actually measured.
 *
 * @param count number of samples
 * @param min   smallest sample
 * @param p50   median by nearest rank
 * @param p90   90th percentile
 * @param p99   99th percentile
 * @param max   largest sample
 */
public record Percentiles(int count, double min, double p50, double p90, double p99, double max) {

    /** Computes the statistics; the samples must not be empty and must not contain NaN. */
    public static Percentiles of(Collection<Double> samples) {
        double[] sorted = sorted(samples);
        return new Percentiles(sorted.length, sorted[0],
                rank(sorted, 50), rank(sorted, 90), rank(sorted, 99), sorted[sorted.length - 1]);
    }

    /** The nearest-rank percentile {@code percentile} (0 < p <= 100) of the samples. */
    public static double nearestRank(Collection<Double> samples, double percentile) {
        return rank(sorted(samples), percentile);
    }

    /** 1-based nearest rank of percentile p among n samples. */
    public static int rankIndex(int n, double percentile) {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + percentile);
        }
        // The small epsilon keeps 0.9 * 10 = 9.000000000000002 from rounding up to rank 10.
        int rank = (int) Math.ceil(percentile / 100.0 * n - 1e-9);
        return Math.max(1, Math.min(n, rank));
    }

    private static double rank(double[] sorted, double percentile) {
        return sorted[rankIndex(sorted.length, percentile) - 1];
    }

    private static double[] sorted(Collection<Double> samples) {
        if (samples == null || samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        double[] values = samples.stream().mapToDouble(Double::doubleValue).toArray();
        for (double v : values) {
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("sample is NaN");
            }
        }
        Arrays.sort(values);
        return values;
    }
}
