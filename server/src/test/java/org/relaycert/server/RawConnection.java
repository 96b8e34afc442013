package org.relaycert.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** A test client on one socket: raw bytes out, CRLF lines in, a 10 s read timeout so no test hangs. */
public final class RawConnection implements AutoCloseable {
    public final Socket socket;
    private final InputStream in;

    private RawConnection(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(10_000);
        this.in = socket.getInputStream();
    }

    public static RawConnection open(InetSocketAddress to) throws IOException {
        return from(InetAddress.getLoopbackAddress(), to);
    }

    /** Connects from {@code local} (any 127.0.0.0/8 address works on Linux loopback). */
    public static RawConnection from(InetAddress local, InetSocketAddress to) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(local, 0));
        s.connect(to, 10_000);
        return new RawConnection(s);
    }

    public static RawConnection tls(InetSocketAddress to, SSLContext trust) throws IOException {
        SSLSocket s = (SSLSocket) trust.getSocketFactory().createSocket(to.getAddress(), to.getPort());
        s.setSoTimeout(10_000);
        s.startHandshake();
        return new RawConnection(s);
    }

    public void send(String text) throws IOException {
        sendBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    public void sendBytes(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /** The next line without CRLF, or null at end of stream. */
    public String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                b.write(c);
            }
        }
        return c < 0 && b.size() == 0 ? null : b.toString(StandardCharsets.UTF_8);
    }

    /** Reads lines until one starts with {@code prefix}; null at end of stream. */
    public String lineStartingWith(String prefix) throws IOException {
        String l;
        while ((l = line()) != null && !l.startsWith(prefix)) {
            // skip untagged and continuation lines
        }
        return l;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
