package org.relaycert.wire;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A raw CRLF line session over TCP, optionally TLS from the start or upgraded later, recording a
 * {@link Transcript}. Every read has a timeout, so a hanging peer gives a failure, never a stuck run.
 * A plain connection is read byte by byte, so nothing the peer sends before a TLS upgrade is swallowed by a
 * buffer; a TLS one (which is never upgraded again) is read through a buffer.
 */
public class LineSession implements AutoCloseable {
    private static final int MAX_LINE = 64 * 1024;

    protected final Transcript transcript;
    private final Peer peer;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    /** A session on {@code socket}, already connected (and shaken hands, for implicit TLS) to {@code peer}. */
    public LineSession(Peer peer, Socket socket, Transcript transcript) throws IOException {
        this.peer = peer;
        this.transcript = transcript;
        attach(socket);
    }

    /** A connection to {@code peer}: TLS from the start when {@code tls} is non-null; {@code protocols} null: the defaults. */
    public static Socket connect(Peer peer, SSLContext tls, String[] protocols, Duration timeout) throws IOException {
        Socket plain = peer.connect(timeout);
        return tls == null ? plain : handshake(plain, peer, tls, protocols);
    }

    /** TLS over a connected {@code plain} socket, shaken hands as {@link #connect} does; {@code protocols} null: the defaults. */
    public static SSLSocket handshake(Socket plain, Peer peer, SSLContext tls, String[] protocols) throws IOException {
        SSLSocket s = peer.layer(plain, tls);
        if (protocols != null) {
            s.setEnabledProtocols(protocols);
        }
        if (peer.checksHostName()) {
            SSLParameters params = s.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS"); // verify the host name, as mail clients must
            s.setSSLParameters(params);
        }
        peer.handshake(s);
        return s;
    }

    private void attach(Socket s) throws IOException {
        this.socket = s;
        this.in = s instanceof SSLSocket ? new BufferedInputStream(s.getInputStream()) : s.getInputStream();
        this.out = s.getOutputStream();
    }

    /** Upgrades the connection in place (after a STARTTLS reply). */
    public SSLSocket upgrade(SSLContext tls, String... protocols) throws IOException {
        SSLSocket s = handshake(socket, peer, tls, protocols.length == 0 ? null : protocols);
        transcript.note("TLS " + s.getSession().getProtocol() + " " + s.getSession().getCipherSuite());
        attach(s);
        return s;
    }

    public boolean isTls() {
        return socket instanceof SSLSocket;
    }

    /** The negotiated TLS protocol ({@code TLSv1.3}), or null on a plain connection. */
    public String tlsProtocol() {
        return socket instanceof SSLSocket s ? s.getSession().getProtocol() : null;
    }

    public void send(String line) throws IOException {
        transcript.client(line);
        write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Sends raw bytes (several pipelined commands, a message body) without recording each line. */
    public void sendRaw(byte[] bytes, String note) throws IOException {
        transcript.note(note);
        write(bytes);
    }

    private void write(byte[] bytes) throws IOException {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw peer.failure("write to", socket, e);
        }
    }

    /** One line without its CRLF; null if the server closed the connection. */
    public String readLine() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int prev = -1;
        while (true) {
            int b;
            try {
                b = in.read();
            } catch (SocketTimeoutException e) {
                transcript.note("timeout waiting for the server");
                throw peer.failure("read from", socket, e);
            } catch (IOException e) {
                throw peer.failure("read from", socket, e);
            }
            if (b < 0) {
                if (buf.size() == 0) {
                    transcript.note("connection closed by server");
                    return null;
                }
                break;
            }
            if (b == '\n' && prev == '\r') {
                break;
            }
            if (prev == '\r') {
                buf.write('\r');
            }
            if (b != '\r') {
                buf.write(b);
            }
            prev = b;
            if (buf.size() > MAX_LINE) {
                throw new IOException("server line longer than " + MAX_LINE + " bytes");
            }
        }
        String line = buf.toString(StandardCharsets.UTF_8);
        transcript.server(line);
        return line;
    }

    /** Reads exactly {@code n} bytes (an IMAP literal). */
    public byte[] readBytes(int n) throws IOException {
        byte[] data;
        try {
            data = in.readNBytes(n);
        } catch (IOException e) {
            throw peer.failure("read from", socket, e);
        }
        if (data.length < n) {
            throw new IOException("connection closed inside a literal");
        }
        transcript.note("<" + n + " bytes>");
        return data;
    }

    /** Whether the next read finds the end of the stream (one byte is consumed if not); read failures propagate. */
    public boolean endOfStream() throws IOException {
        return in.read() < 0;
    }

    /** The raw output, for a message too large to build in memory (not recorded; flush it before the next read). */
    public OutputStream output() {
        return out;
    }

    /** The address this client connects from, as the server sees it on loopback or a direct route. */
    public InetAddress localAddress() {
        return socket.getLocalAddress();
    }

    /** The read timeout, changed for the rest of the session. */
    public void readTimeout(Duration timeout) throws IOException {
        socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
    }

    /**
     * Whatever the server sends within {@code wait} while the client says nothing (empty if nothing came, or the
     * server closed): right after a STARTTLS reply a TLS server never speaks first, so any byte here is plaintext.
     */
    public byte[] unsolicited(Duration wait) throws IOException {
        int before = socket.getSoTimeout();
        socket.setSoTimeout((int) Math.max(1, wait.toMillis()));
        try {
            byte[] buf = new byte[4096];
            int n = in.read(buf);
            byte[] got = n <= 0 ? new byte[0] : Arrays.copyOf(buf, n);
            if (got.length > 0) {
                transcript.note("unsolicited plaintext: " + new String(got, StandardCharsets.ISO_8859_1).strip());
            }
            return got;
        } catch (SocketTimeoutException e) {
            return new byte[0];
        } finally {
            socket.setSoTimeout(before);
        }
    }

    public Transcript transcript() {
        return transcript;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }
}
