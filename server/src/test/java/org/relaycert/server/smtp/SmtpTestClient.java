package org.relaycert.server.smtp;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** A raw SMTP client over a plain or TLS socket, reading replies line by line. */
final class SmtpTestClient implements AutoCloseable {
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    private SmtpTestClient(Socket socket) throws IOException {
        use(socket);
    }

    private void use(Socket s) throws IOException {
        socket = s;
        socket.setSoTimeout(10_000);
        in = new BufferedInputStream(s.getInputStream());
        out = s.getOutputStream();
    }

    static SmtpTestClient connect(InetSocketAddress address) throws IOException {
        return new SmtpTestClient(new Socket(address.getAddress(), address.getPort()));
    }

    /** Implicit TLS (port 465 style) with only {@code protocols} enabled. */
    static SmtpTestClient connectTls(InetSocketAddress address, String... protocols) throws IOException {
        Socket plain = new Socket(address.getAddress(), address.getPort());
        return new SmtpTestClient(handshake(plain, protocols));
    }

    /** Upgrades the connection after a 220 to STARTTLS. */
    void startTls(String... protocols) throws IOException {
        use(handshake(socket, protocols));
    }

    String protocol() {
        return ((SSLSocket) socket).getSession().getProtocol();
    }

    private static SSLSocket handshake(Socket plain, String... protocols) throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustAll()}, null);
            SSLSocket tls = (SSLSocket) context.getSocketFactory()
                    .createSocket(plain, SmtpTestServer.HOST, plain.getPort(), true);
            tls.setUseClientMode(true);
            tls.setEnabledProtocols(protocols.length == 0 ? new String[] {"TLSv1.3"} : protocols);
            tls.setSoTimeout(10_000);
            tls.startHandshake();
            return tls;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    /** Sends a line with CRLF. */
    void send(String line) throws IOException {
        write(line + "\r\n");
    }

    /** Sends raw text in one write. */
    void write(String raw) throws IOException {
        out.write(raw.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    String command(String line) throws IOException {
        send(line);
        return reply();
    }

    /** One reply; a multi-line reply comes back as its lines joined with LF. Null at end of stream. */
    String reply() throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = readLine();
            if (line == null) {
                return lines.isEmpty() ? null : String.join("\n", lines);
            }
            lines.add(line);
            if (line.length() < 4 || line.charAt(3) != '-') {
                return String.join("\n", lines);
            }
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.UTF_8);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.UTF_8);
    }

    /** True when the server has closed the connection (end of stream). */
    boolean closedByServer() throws IOException {
        try {
            return in.read() == -1;
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
    public void close() throws IOException {
        socket.close();
    }

    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
