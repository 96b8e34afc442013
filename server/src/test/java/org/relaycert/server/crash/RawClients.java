package org.relaycert.server.crash;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.relaycert.wire.LineSession;
import org.relaycert.wire.Peer;
import org.relaycert.wire.Transcript;
import org.relaycert.wire.TrustAll;

/**
 * Line-level SMTP and IMAP over implicit TLS, so a test decides exactly how far a transaction gets before the
 * relay dies (half a DATA, half an APPEND literal, the 250 just read). Loopback only; the child's self-signed
 * certificate is accepted without checks.
 */
final class RawClients {
    static final SSLContext TRUST_ALL = TrustAll.context();

    private RawClients() {
    }

    /** A TLS socket to {@code address} that trusts any certificate; reads time out after {@code readTimeoutMillis}. */
    static SSLSocket tls(InetSocketAddress address, int readTimeoutMillis) throws IOException {
        Socket plain = new Socket();
        plain.connect(address, 10_000);
        plain.setSoTimeout(readTimeoutMillis);
        return (SSLSocket) TRUST_ALL.getSocketFactory().createSocket(plain, address.getHostString(), address.getPort(), true);
    }

    /** One TLS connection with line reads (the wire client's). */
    static final class Connection implements AutoCloseable {
        private final LineSession session;

        Connection(InetSocketAddress address) throws IOException {
            SSLSocket socket = tls(address, 30_000);
            socket.startHandshake();
            session = new LineSession(Peer.of(address), socket, new Transcript());
        }

        /** The raw output, for messages too large to build as one string. */
        OutputStream output() {
            return session.output();
        }

        void send(String text) throws IOException {
            session.sendRaw(text.getBytes(StandardCharsets.UTF_8), "<" + text.length() + " chars>");
        }

        String line() throws IOException {
            String line = session.readLine();
            if (line == null) {
                throw new IOException("connection closed by the relay");
            }
            return line;
        }

        /** An SMTP reply, multi-line or not: its last line. */
        String reply() throws IOException {
            String line = line();
            while (line.length() > 3 && line.charAt(3) == '-') {
                line = line();
            }
            return line;
        }

        /** IMAP: reads to the tagged completion of {@code tag}, returning it. */
        String tagged(String tag) throws IOException {
            String line = line();
            while (!line.startsWith(tag + " ")) {
                line = line();
            }
            return line;
        }

        @Override
        public void close() {
            session.close(); // the relay may be dead already
        }
    }

    static String message(String from, String to, String subject) {
        return "From: <" + from + ">\r\nTo: <" + to + ">\r\nSubject: " + subject + "\r\nMessage-ID: <" + subject
                + "@relaycert.test>\r\n\r\n" + ("body of " + subject + "\r\n").repeat(200);
    }

    /** Submission up to the end of the envelope; returns the open connection after {@code 354}. */
    static Connection startData(InetSocketAddress smtps, String user, String password, String to) throws IOException {
        Connection c = new Connection(smtps);
        expect(c.reply(), "220");
        c.send("EHLO client.test\r\n");
        expect(c.reply(), "250");
        String plain = Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
        c.send("AUTH PLAIN " + plain + "\r\n");
        expect(c.reply(), "235");
        c.send("MAIL FROM:<" + user + ">\r\n");
        expect(c.reply(), "250");
        c.send("RCPT TO:<" + to + ">\r\n");
        expect(c.reply(), "250");
        c.send("DATA\r\n");
        expect(c.reply(), "354");
        return c;
    }

    /** A whole submission; returns the final reply ({@code 250 ...} means acknowledged). */
    static String submit(InetSocketAddress smtps, String user, String password, String to, String subject)
            throws IOException {
        try (Connection c = startData(smtps, user, password, to)) {
            c.send(message(user, to, subject) + ".\r\n");
            return c.reply();
        }
    }

    /** IMAP login; returns the open connection. */
    static Connection imapLogin(InetSocketAddress imaps, String user, String password) throws IOException {
        Connection c = new Connection(imaps);
        c.line();
        c.send("l LOGIN " + user + " " + password + "\r\n");
        expect(c.tagged("l"), "l OK");
        return c;
    }

    static void expect(String line, String prefix) throws IOException {
        if (!line.startsWith(prefix)) {
            throw new IOException("expected " + prefix + ", got " + line);
        }
    }
}
