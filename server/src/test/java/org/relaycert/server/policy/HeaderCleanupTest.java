package org.relaycert.server.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.relaycert.server.delivery.Envelope;
import org.relaycert.server.delivery.Origin;

class HeaderCleanupTest {
    static final String MESSAGE = "Received: from client.test ([203.0.113.7])\r\n\tby relay-a.test; Mon, 1 Jan 2026\r\n"
            + "From: <a@relay-a.test>\r\nX-Originating-IP: [203.0.113.7]\r\nSubject: Secret\r\n plans\r\n"
            + "User-Agent: Test/1.0\r\nX-Mailer: Test\r\nDKIM-Signature: v=1; d=relay-a.test\r\n"
            + "Authentication-Results: relay-a.test; dkim=pass\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
            + "--b\r\nSubject: inner part header stays\r\nReceived: stays too\r\n\r\nbody\r\n--b--\r\n";

    static String clean(Origin origin, HeaderCleanup cleanup) {
        Envelope e = new Envelope(origin, Optional.empty(), new InetSocketAddress("203.0.113.7", 1), true, "h", "a@relay-a.test",
                List.of("b@relay-a.test"));
        return new String(cleanup.message(e, MESSAGE.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void submissionLosesTraceAndSoftwareHeadersAndTheSubject() {
        String out = clean(Origin.SUBMISSION, HeaderCleanup.chatmail());
        assertThat(out).doesNotContain("203.0.113.7").doesNotContain("User-Agent").doesNotContain("X-Mailer")
                .doesNotContain("Secret").doesNotContain("plans").contains("Subject: [...]\r\n")
                .contains("DKIM-Signature: v=1").contains("\r\n\r\n--b\r\nSubject: inner part header stays\r\nReceived: stays too\r\n");
        assertThat(out.indexOf("From: <a@relay-a.test>")).isZero();
    }

    @Test
    void incomingLosesReceivedKeepsTheSubject() {
        String out = clean(Origin.MX, HeaderCleanup.chatmail());
        assertThat(out).doesNotContain("Received: from").contains("DKIM-Signature") // left to TraceHeaderCleanup
                .contains("Subject: Secret\r\n plans\r\n").contains("User-Agent: Test/1.0");
    }

    @Test
    void subjectKeptWhenNotHidden() {
        assertThat(clean(Origin.SUBMISSION, new HeaderCleanup(false))).contains("Subject: Secret\r\n plans\r\n");
    }
}
