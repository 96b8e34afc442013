package org.relaycert.server.imap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** A raw IMAP client for tests: writes exact bytes, reads lines (with literals appended) one by one. */
final class TestImapClient implements AutoCloseable {
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final SSLContext tls;
    private int tagCounter;

    private TestImapClient(Socket socket, SSLContext tls) throws IOException {
        this.tls = tls;
        use(socket);
    }

    static TestImapClient plain(InetSocketAddress address, SSLContext tls) throws IOException {
        Socket s = new Socket();
        s.connect(address, 5000);
        return new TestImapClient(s, tls);
    }

    static TestImapClient implicitTls(InetSocketAddress address, SSLContext tls) throws IOException {
        SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket();
        s.connect(address, 5000);
        s.startHandshake();
        return new TestImapClient(s, tls);
    }

    private void use(Socket s) throws IOException {
        this.socket = s;
        s.setSoTimeout(10_000);
        this.in = s.getInputStream();
        this.out = s.getOutputStream();
    }

    /** Wraps the plain socket in TLS (after a STARTTLS OK). */
    void upgradeToTls() throws IOException {
        SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(socket, "localhost", socket.getPort(), true);
        s.setUseClientMode(true);
        s.startHandshake();
        use(s);
    }

    boolean isTls() {
        return socket instanceof SSLSocket;
    }

    String tlsProtocol() {
        return ((SSLSocket) socket).getSession().getProtocol();
    }

    void write(String raw) throws IOException {
        write(raw.getBytes(StandardCharsets.UTF_8));
    }

    void write(byte[] raw) throws IOException {
        out.write(raw);
        out.flush();
    }

    /** One response line; a trailing literal {n} is read and appended (with its CRLF) with the rest of the line. */
    String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            String part = rawLine();
            line.append(part);
            int open = part.lastIndexOf('{');
            if (part.endsWith("}") && open >= 0 && part.substring(open + 1, part.length() - 1).matches("\\d+")) {
                int n = Integer.parseInt(part.substring(open + 1, part.length() - 1));
                byte[] data = in.readNBytes(n);
                if (data.length < n) {
                    throw new IOException("connection closed inside a literal");
                }
                line.append("\r\n").append(new String(data, StandardCharsets.UTF_8));
                continue;
            }
            return line.toString();
        }
    }

    private String rawLine() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                byte[] bytes = b.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.UTF_8);
            }
            b.write(c);
        }
        throw new IOException("connection closed; partial line: " + b.toString(StandardCharsets.UTF_8));
    }

    /** True when the server closed the connection (next read hits EOF). */
    boolean closedByServer() throws IOException {
        try {
            return in.read() == -1;
        } catch (IOException e) {
            return true;
        }
    }

    /** Sends {@code tag command} and returns every line up to and including the tagged one. */
    List<String> command(String command) throws IOException {
        String tag = "a" + (++tagCounter);
        write(tag + " " + command + "\r\n");
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
    public void close() throws IOException {
        socket.close();
    }
}
