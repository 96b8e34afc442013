package org.relaycert.conformance.client;

import java.time.Duration;
import org.relaycert.conformance.settings.Setting;
import org.relaycert.conformance.targets.Endpoint;

/**
 * How long the suite waits for one answer of the target (a protocol reply, an HTTP response) before it judges
 * the target silent: the endpoint's {@link Endpoint#answerTimeout()}, which its target sets from
 * {@code chatmail.answer.timeout} ({@value #DEFAULT_SECONDS} s by default; a slow link, the suite's own
 * hostile-target test, whose target never answers).
 */
public final class AnswerTimeout {
    public static final String PROPERTY = Setting.ANSWER_TIMEOUT.key();
    public static final int DEFAULT_SECONDS = 15;
    /** Connecting takes a round trip, not a server's work: at most this, or less when the answer timeout is less. */
    private static final Duration CONNECT = Duration.ofSeconds(10);

    private AnswerTimeout() {
    }

    /** The wait for one answer at {@code endpoint}. */
    public static Duration answer(Endpoint endpoint) {
        return endpoint.answerTimeout();
    }

    /** The wait for a TCP connection to {@code endpoint}. */
    public static Duration connect(Endpoint endpoint) {
        Duration a = answer(endpoint);
        return a.compareTo(CONNECT) < 0 ? a : CONNECT;
    }
}
