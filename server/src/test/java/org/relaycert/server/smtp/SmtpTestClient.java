package org.relaycert.server.smtp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.relaycert.wire.LineSession;
import org.relaycert.wire.Peer;
import org.relaycert.wire.SmtpReply;
import org.relaycert.wire.SmtpSession;
import org.relaycert.wire.Transcript;
import org.relaycert.wire.TrustAll;

/** The wire SMTP session for these tests: replies as text (lines joined with LF), TLSv1.3 unless told otherwise. */
final class SmtpTestClient implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final SmtpSession session;

    private SmtpTestClient(Peer peer, Socket socket) throws IOException {
        socket.setSoTimeout((int) TIMEOUT.toMillis());
        session = SmtpSession.over(peer, socket, new Transcript());
    }

    private static Peer peer(InetSocketAddress address) {
        return Peer.of(SmtpTestServer.HOST, address);
    }

    static SmtpTestClient connect(InetSocketAddress address) throws IOException {
        return new SmtpTestClient(peer(address), new Socket(address.getAddress(), address.getPort()));
    }

    /** Implicit TLS (port 465 style) with only {@code protocols} enabled. */
    static SmtpTestClient connectTls(InetSocketAddress address, String... protocols) throws IOException {
        Socket plain = new Socket(address.getAddress(), address.getPort());
        plain.setSoTimeout((int) TIMEOUT.toMillis());
        return new SmtpTestClient(peer(address), LineSession.handshake(plain, peer(address), TrustAll.context(), protocols(protocols)));
    }

    private static String[] protocols(String... protocols) {
        return protocols.length == 0 ? new String[] {"TLSv1.3"} : protocols;
    }

    /** Upgrades the connection after a 220 to STARTTLS. */
    void startTls(String... protocols) throws IOException {
        session.upgrade(TrustAll.context(), protocols(protocols));
    }

    String protocol() {
        return session.tlsProtocol();
    }

    /** Sends a line with CRLF. */
    void send(String line) throws IOException {
        session.send(line);
    }

    /** Sends raw text in one write. */
    void write(String raw) throws IOException {
        session.sendRaw(raw.getBytes(StandardCharsets.UTF_8), "<raw>");
    }

    String command(String line) throws IOException {
        send(line);
        return reply();
    }

    /** One reply; a multi-line reply comes back as its lines joined with LF. Null at end of stream. */
    String reply() throws IOException {
        SmtpReply r = session.readReply();
        return r.code() == 0 && r.lines().equals(java.util.List.of("(connection closed)")) ? null : r.text();
    }

    /** True when the server has closed the connection (end of stream). */
    boolean closedByServer() throws IOException {
        try {
            return session.endOfStream();
        } catch (java.net.SocketException e) {
            return true; // reset
        }
    }

    /** EHLO, STARTTLS, EHLO again. */
    void ehloAndStartTls(String... protocols) throws IOException {
        command("EHLO client.example");
        String ready = command("STARTTLS");
        if (!ready.startsWith("220")) {
            throw new IOException("STARTTLS refused: " + ready);
        }
        startTls(protocols);
        command("EHLO client.example");
    }

    static String plain(String login, String password) {
        return Base64.getEncoder().encodeToString(("\0" + login + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        session.close();
    }
}
