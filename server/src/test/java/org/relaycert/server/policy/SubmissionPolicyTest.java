package org.relaycert.server.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.relaycert.server.delivery.Envelope;
import org.relaycert.server.delivery.Origin;
import org.relaycert.server.delivery.RejectedException;

class SubmissionPolicyTest {
    static final String A = "alice0001@relay-a.test";
    final GcraRateLimiterTest.MovableClock clock = new GcraRateLimiterTest.MovableClock();
    final SubmissionPolicy policy = new SubmissionPolicy(new GcraRateLimiter(60, 10, clock), true);

    static Envelope env(Origin origin, String mailFrom) {
        return new Envelope(origin, Optional.of(mailFrom), new InetSocketAddress("127.0.0.1", 1), true, "h", mailFrom,
                List.of("bob000001@relay-a.test"));
    }

    static byte[] from(String header) {
        return ("From: " + header + "\r\nSubject: x\r\n\r\nbody\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static String reply(ThrowingRunnable r) {
        try {
            r.run();
            return "accepted";
        } catch (RejectedException e) {
            return e.reply().line();
        }
    }

    interface ThrowingRunnable {
        void run() throws RejectedException;
    }

    @Test
    void fromHeaderMustBeTheSender() {
        assertThat(reply(() -> policy.message(env(Origin.SUBMISSION, A), from("Alice <ALICE0001@relay-a.test>")))).isEqualTo("accepted");
        assertThat(reply(() -> policy.message(env(Origin.SUBMISSION, A), from("<bob000001@relay-a.test>"))))
                .isEqualTo("500 Invalid FROM bob000001@relay-a.test for " + A);
        assertThat(reply(() -> policy.message(env(Origin.SUBMISSION, A), from("nobody")))).startsWith("500 Invalid FROM header: ");
        assertThat(reply(() -> policy.message(env(Origin.MX, "x@other.test"), from("<bob000001@relay-a.test>"))))
                .as("incoming: not this policy's business").isEqualTo("accepted");
    }

    @Test
    void rateLimitsSubmissionOnlyWithChatmailsReply() throws RejectedException {
        for (int i = 0; i < 10; i++) {
            policy.sender(env(Origin.SUBMISSION, A), 0);
        }
        assertThat(reply(() -> policy.sender(env(Origin.SUBMISSION, A), 0)))
                .startsWith("450 4.7.1: Too much mail from " + A + ", rate-limited until ");
        for (int i = 0; i < 100; i++) {
            policy.sender(env(Origin.MX, "x@other.test"), 0);
            policy.sender(env(Origin.MXDELIV, "x@other.test"), 0);
        }
        assertThat(reply(() -> policy.sender(env(Origin.SUBMISSION, "a@b@c"), 0))).isEqualTo("500 Invalid from address <a@b@c>");
    }

    @Test
    void unparsableAndMissingFromAreRefused() {
        assertThatThrownBy(() -> policy.message(env(Origin.SUBMISSION, A), "Subject: x\r\n\r\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RejectedException.class);
    }
}
