package org.relaycert.conformance.latency;

import java.time.Duration;
import org.relaycert.conformance.settings.Setting;
import org.relaycert.conformance.settings.Settings;

/**
 * The fixed measuring method of the latency checks, stated in every report: sequential messages on warm
 * accounts (each sender has delivered one uncounted message first, each recipient is logged in and idling),
 * timed from the client's send of the final "." of DATA to the recipient's IMAP IDLE {@code * n EXISTS}.
 */
public final class LatencyMethod {
    /** The setting for the number of messages per run. */
    public static final String N_PROPERTY = Setting.LATENCY_N.key();
    /** The setting for the number of Delta Chat messages per run. */
    public static final String DELTACHAT_N_PROPERTY = Setting.LATENCY_DELTACHAT_N.key();
    /**
     * Delta Chat core throttles one account's sends to about one a second after a short burst; messages
     * spaced this far apart keep that client-side queueing out of a relay's figure.
     */
    public static final Duration DELTACHAT_SPACING = Duration.ofMillis(1100);
    /**
     * Messages one sender account sends in a row, the uncounted first included: under chatmail's per-user
     * burst of 10, so the relay's send limit never delays a measured message.
     */
    public static final int MESSAGES_PER_SENDER = 8;
    /** A message not announced within this time counts as lost. */
    public static final Duration LOSS_TIMEOUT = Duration.ofSeconds(10);

    private LatencyMethod() {
    }

    /** N of a run, {@code chatmail.latency.n}. */
    public static int n(Settings settings) {
        return settings.value(Setting.LATENCY_N);
    }

    /** N of the Delta Chat run, {@code chatmail.latency.deltachat.n}. */
    public static int deltaChatN(Settings settings) {
        return settings.value(Setting.LATENCY_DELTACHAT_N);
    }

    /** The method as one evidence line. */
    public static String describe(int n) {
        return "method: " + n + " sequential messages on warm accounts (a sender sends " + MESSAGES_PER_SENDER
                + " in a row, its first uncounted, then a fresh sender takes over, under chatmail's per-user burst),"
                + " from the client's"
                + " send of the final \".\" of DATA to the recipient's IMAP IDLE EXISTS; lost after "
                + LOSS_TIMEOUT.toSeconds() + " s, a lost message counts as slower than any; a bound on a percentile is judged by an exact"
                + " binomial test at 95 % confidence on the count of samples over it (the judgement line), sample"
                + " percentiles by nearest rank, p99 shown from " + LatencySamples.P99_MIN_SAMPLES + " samples on;"
                + " a run stops early once its verdict can no longer change";
    }
}
