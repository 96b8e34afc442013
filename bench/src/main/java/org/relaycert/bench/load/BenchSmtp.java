package org.relaycert.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.relaycert.wire.Peer;
import org.relaycert.wire.SmtpReply;
import org.relaycert.wire.SmtpSession;
import org.relaycert.wire.Transcript;

/** A submission client on port 465 that sends one message at a time, timing the final ".". */
final class BenchSmtp implements AutoCloseable {
    private final String address;
    private final SmtpSession session;

    private BenchSmtp(String host, int port, String address) throws IOException {
        // no transcript: a bench session runs for thousands of messages
        this.session = SmtpSession.over(Peer.of(host, port), Loopback.tls(host, port), Transcript.discarding());
        this.address = address;
    }

    /** Connects, EHLO, AUTH PLAIN (a first login creates the account). */
    static BenchSmtp login(int port, String address, String password) throws IOException {
        return login(Loopback.HOST, port, address, password);
    }

    static BenchSmtp login(String host, int port, String address, String password) throws IOException {
        BenchSmtp s = new BenchSmtp(host, port, address);
        code(s.session.readReply());
        code(s.session.ehlo("bench.localhost"));
        int code = code(s.session.authPlain(address, password));
        if (code != 235) {
            s.close();
            throw new IOException("AUTH for " + address + " answered " + code);
        }
        return s;
    }

    /** MAIL, RCPT, DATA pipelined-free; returns nanoTime at the final "." or -1 when not accepted. */
    long send(String to, byte[] body) throws IOException {
        if (code(session.command("MAIL FROM:<" + address + ">")) != 250) {
            return -1;
        }
        if (code(session.command("RCPT TO:<" + to + ">")) != 250) {
            return -1;
        }
        if (code(session.command("DATA")) != 354) {
            return -1;
        }
        session.sendRaw(body, "<message>"); // already CRLF and dot-safe (message(...))
        session.send(".");
        long at = System.nanoTime();
        return code(session.readReply()) == 250 ? at : -1;
    }

    /** The reply's code; the connection closing is a failure, not a refusal. */
    private static int code(SmtpReply r) throws IOException {
        if (r.code() == 0) {
            throw new IOException("connection closed");
        }
        return r.code();
    }

    @Override
    public void close() {
        session.close();
    }

    /** A plain text message with CRLF line ends and no line starting with ".". */
    static byte[] message(String from, String to, int size) {
        StringBuilder b = new StringBuilder("From: <" + from + ">\r\nTo: <" + to + ">\r\nSubject: [...]\r\n"
                + "Message-ID: <" + System.nanoTime() + "." + Thread.currentThread().threadId() + "@bench.localhost>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n");
        while (b.length() < size) {
            b.append("relaycert bench message relaycert bench message relaycert bench message\r\n");
        }
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
