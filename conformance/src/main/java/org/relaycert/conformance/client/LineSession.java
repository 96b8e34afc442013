package org.relaycert.conformance.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.relaycert.conformance.targets.Endpoint;

/**
 * A raw CRLF line session over TCP, optionally TLS from the start or upgraded later, recording a
 * {@link Transcript}. Every read has a timeout, so a hanging target gives a failure, never a stuck run.
 */
public class LineSession implements AutoCloseable {
    private static final int MAX_LINE = 64 * 1024;

    protected final Transcript transcript;
    private final Endpoint endpoint;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    protected LineSession(Endpoint endpoint, Socket socket, Transcript transcript) throws IOException {
        this.endpoint = endpoint;
        this.transcript = transcript;
        attach(socket);
    }

    protected static Socket connect(Endpoint endpoint, SSLContext tls, String[] protocols, Duration timeout)
            throws IOException {
        Socket plain = ClientSockets.connect(endpoint, timeout);
        return tls == null ? plain : handshake(plain, endpoint, tls, protocols);
    }

    static SSLSocket handshake(Socket plain, Endpoint endpoint, SSLContext tls, String[] protocols) throws IOException {
        SSLSocket s = ClientSockets.layer(plain, endpoint, tls);
        if (protocols != null) {
            s.setEnabledProtocols(protocols);
        }
        javax.net.ssl.SSLParameters params = s.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS"); // verify the host name, as mail clients must
        s.setSSLParameters(params);
        ClientSockets.handshake(s, endpoint);
        return s;
    }

    private void attach(Socket s) throws IOException {
        this.socket = s;
        this.in = s.getInputStream();
        this.out = s.getOutputStream();
    }

    /** Upgrades the connection in place (after a STARTTLS reply). */
    public SSLSocket upgrade(SSLContext tls, String... protocols) throws IOException {
        SSLSocket s = handshake(socket, endpoint, tls, protocols.length == 0 ? null : protocols);
        transcript.note("TLS " + s.getSession().getProtocol() + " " + s.getSession().getCipherSuite());
        attach(s);
        return s;
    }

    public boolean isTls() {
        return socket instanceof SSLSocket;
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
            throw named("write to", e);
        }
    }

    /** A failure on the open connection, naming it as {@link ClientSockets} names a failed connect. */
    private IOException named(String what, IOException e) {
        return ClientSockets.named(what + " " + ClientSockets.describe(endpoint, socket.getInetAddress()), e);
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
                throw named("read from", e);
            } catch (IOException e) {
                throw named("read from", e);
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
            throw named("read from", e);
        }
        if (data.length < n) {
            throw new IOException("connection closed inside a literal");
        }
        transcript.note("<" + n + " bytes>");
        return data;
    }

    /** The address this client connects from, as the server sees it on loopback or a direct route. */
    public java.net.InetAddress localAddress() {
        return socket.getLocalAddress();
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
            byte[] got = n <= 0 ? new byte[0] : java.util.Arrays.copyOf(buf, n);
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
