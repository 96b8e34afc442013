package org.relaycert.bench.load;

/** The targets (reported, not asserted), in one place so the table and the README agree. */
final class Targets {
    static final double LIGHT_P50_MS = 5;
    static final double LIGHT_P99_MS = 25;
    static final double FEDERATED_P99_MS = 50;
    static final double DELTACHAT_P50_MS = 100;
    /** The issue says 256 MB: decimal megabytes, 244.1 MiB (VmRSS is read in KiB). */
    static final double IDLE_RSS_MIB = 256e6 / (1 << 20);
    /** "No cliff" at a paced rate: the asked rate achieved within this share, nothing lost, p99 within the bound. */
    static final double PACED_TOLERANCE = 0.1;
    static final double PACED_P99_MS = 100;
    /** Delivered throughput with 16 senders: at least this multiple of Postfix + Dovecot's in the same run. */
    static final double THROUGHPUT_RATIO = 2.0;
    /** End of DATA to the mailbox file: at most this multiple of Postfix + Dovecot's, p50 and p99. */
    static final double STORED_RATIO = 1.0;

    static final String LIGHT = "p50 <= 5 ms, p99 <= 25 ms";
    static final String FEDERATED = "p99 <= 50 ms";
    static final String DELTACHAT = "p50 <= 100 ms";
    static final String IDLE = "< 256 MB (244.1 MiB)";
    static final String PACED = "rate within 10%, p99 <= 100 ms";
    static final String THROUGHPUT = ">= x2.00 Postfix+Dovecot";
    static final String STORED = "p50 and p99 <= x1.00 Postfix+Dovecot";
    static final String TMP = "nothing left";

    /** Whether a paced phase achieved {@code rate} within the tolerance. */
    static boolean pacedRateMet(double achieved, int rate) {
        return Math.abs(achieved - rate) <= PACED_TOLERANCE * rate;
    }

    private Targets() {
    }
}
