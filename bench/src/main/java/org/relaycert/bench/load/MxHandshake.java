package org.relaycert.bench.load;

import java.io.IOException;
import java.time.Duration;
import org.relaycert.wire.Peer;
import org.relaycert.wire.SmtpReply;
import org.relaycert.wire.SmtpSession;
import org.relaycert.wire.Transcript;

/**
 * One part of the cross-relay path, timed alone: what the sending relay does before it can hand a message over
 * (connect to the peer's MX port, greeting, EHLO, STARTTLS and the TLS handshake, EHLO again), then QUIT.
 */
final class MxHandshake {
    private MxHandshake() {
    }

    static Samples time(String host, int port, int n) throws IOException {
        Samples s = new Samples();
        for (int i = -1; i < n; i++) {
            long t0 = System.nanoTime();
            Peer peer = Peer.of(host, port);
            java.net.Socket plain = peer.connect(Duration.ofSeconds(10));
            plain.setSoTimeout(30_000);
            try (SmtpSession w = SmtpSession.over(peer, plain, Transcript.discarding())) {
                expect(w.readReply(), "220");
                expect(w.ehlo("bench.localhost"), "250");
                expect(w.command("STARTTLS"), "220");
                w.upgrade(Loopback.TRUST_ALL);
                expect(w.ehlo("bench.localhost"), "250");
                if (i >= 0) { // i == -1 warms up
                    s.add((System.nanoTime() - t0) / 1e6);
                }
                w.send("QUIT");
            }
        }
        return s;
    }

    /** Checks a (multi-line) reply's code. */
    private static void expect(SmtpReply r, String code) throws IOException {
        if (!String.valueOf(r.code()).equals(code)) {
            throw new IOException("expected " + code + ", got " + r);
        }
    }
}
