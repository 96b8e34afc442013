package org.relaycert.conformance.client;

import java.time.Duration;

/**
 * How long the suite waits for one answer of the target (a protocol reply, an HTTP response) before it judges
 * the target silent: {@value #DEFAULT_SECONDS} s, unless {@code -Dchatmail.answer.timeout=<seconds>} says
 * otherwise (a slow link; the suite's own hostile-target test, whose target never answers). Read at each use.
 */
public final class AnswerTimeout {
    public static final String PROPERTY = "chatmail.answer.timeout";
    public static final int DEFAULT_SECONDS = 15;
    /** Connecting takes a round trip, not a server's work: at most this, or less when the answer timeout is less. */
    private static final Duration CONNECT = Duration.ofSeconds(10);

    private AnswerTimeout() {
    }

    /** The wait for one answer. */
    public static Duration answer() {
        String v = System.getProperty(PROPERTY, "").strip();
        if (v.isEmpty()) {
            return Duration.ofSeconds(DEFAULT_SECONDS);
        }
        double seconds = Double.parseDouble(v);
        if (!(seconds > 0)) {
            throw new IllegalArgumentException(PROPERTY + " must be a positive number of seconds: " + v);
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /** The wait for a TCP connection. */
    public static Duration connect() {
        Duration a = answer();
        return a.compareTo(CONNECT) < 0 ? a : CONNECT;
    }
}
