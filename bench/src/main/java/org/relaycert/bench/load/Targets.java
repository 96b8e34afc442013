package org.relaycert.bench.load;

/** The targets (reported, not asserted), in one place so the table and the README agree. */
final class Targets {
    static final double LIGHT_P50_MS = 5;
    static final double LIGHT_P99_MS = 25;
    static final double FEDERATED_P99_MS = 50;
    static final double DELTACHAT_P50_MS = 100;
    /** The issue says 256 MB: decimal megabytes, 244.1 MiB (VmRSS is read in KiB). */
    static final double IDLE_RSS_MIB = 256e6 / (1 << 20);
    /** "No cliff" at a paced rate: at least this share of the asked rate achieved, nothing lost, p99 within the bound. */
    static final double PACED_ACHIEVED_SHARE = 0.9;
    static final double PACED_P99_MS = 100;

    static final String LIGHT = "p50 <= 5 ms, p99 <= 25 ms";
    static final String FEDERATED = "p99 <= 50 ms";
    static final String DELTACHAT = "p50 <= 100 ms";
    static final String IDLE = "< 256 MB (244.1 MiB)";
    static final String PACED = "no cliff: >= 90% rate, p99 <= 100 ms";

    private Targets() {
    }
}
