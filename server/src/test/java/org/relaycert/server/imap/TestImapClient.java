package org.relaycert.server.imap;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.relaycert.wire.ImapSession;
import org.relaycert.wire.Peer;
import org.relaycert.wire.Transcript;

/** The wire IMAP session for these tests: writes exact bytes, reads lines (with literals appended) one by one. */
final class TestImapClient implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final ImapSession session;
    private final SSLContext tls;

    private TestImapClient(InetSocketAddress address, Socket socket, SSLContext tls) throws IOException {
        this.tls = tls;
        socket.setSoTimeout((int) TIMEOUT.toMillis());
        // "localhost": the name an upgraded connection sends as SNI
        this.session = ImapSession.over(Peer.of("localhost", address), socket, new Transcript());
    }

    static TestImapClient plain(InetSocketAddress address, SSLContext tls) throws IOException {
        Socket s = new Socket();
        s.connect(address, 5000);
        return new TestImapClient(address, s, tls);
    }

    /** Implicit TLS from an unconnected TLS socket: no SNI, no name checked. */
    static TestImapClient implicitTls(InetSocketAddress address, SSLContext tls) throws IOException {
        SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket();
        s.connect(address, 5000);
        s.startHandshake();
        return new TestImapClient(address, s, tls);
    }

    /** Wraps the plain socket in TLS (after a STARTTLS OK). */
    void upgradeToTls() throws IOException {
        session.upgrade(tls);
    }

    boolean isTls() {
        return session.isTls();
    }

    String tlsProtocol() {
        return session.tlsProtocol();
    }

    void write(String raw) throws IOException {
        write(raw.getBytes(StandardCharsets.UTF_8));
    }

    void write(byte[] raw) throws IOException {
        session.sendRaw(raw, "<" + raw.length + " bytes>");
    }

    /** One response line; a trailing literal {n} is read and appended (with its CRLF) with the rest of the line. */
    String readLine() throws IOException {
        String line = session.readResponseLine();
        if (line == null) {
            throw new IOException("connection closed");
        }
        return line;
    }

    /** True when the server closed the connection (next read hits EOF). */
    boolean closedByServer() throws IOException {
        try {
            return session.endOfStream();
        } catch (IOException e) {
            return true;
        }
    }

    /** Sends {@code tag command} and returns every line up to and including the tagged one. */
    List<String> command(String command) throws IOException {
        String tag = session.nextTag();
        session.send(tag + " " + command);
        return until(tag);
    }

    /** Reads lines until one starts with {@code tag + " "}. */
    List<String> until(String tag) throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = readLine();
            lines.add(line);
            if (line.startsWith(tag + " ")) {
                return lines;
            }
        }
    }

    static String last(List<String> lines) {
        return lines.getLast();
    }

    @Override
    public void close() {
        session.close();
    }
}
