package org.relaycert.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** Sockets to the relay under test on loopback; it presents a self-signed certificate, which is trusted blindly. */
final class Loopback {
    static final String HOST = "127.0.0.1";
    private static final SSLContext TRUST_ALL = trustAll();

    private Loopback() {
    }

    /** An implicit-TLS connection (ports 465 and 993), Nagle off so a short command leaves at once. */
    static SSLSocket tls(int port) throws IOException {
        return tls(HOST, port);
    }

    /** The same to another loopback address (a relay of the federated pair, the Postfix + Dovecot stack). */
    static SSLSocket tls(String host, int port) throws IOException {
        Socket plain = new Socket();
        plain.setTcpNoDelay(true);
        plain.connect(new InetSocketAddress(host, port), 10_000);
        plain.setSoTimeout(30_000);
        SSLSocket s = (SSLSocket) TRUST_ALL.getSocketFactory().createSocket(plain, host, port, true);
        s.startHandshake();
        return s;
    }

    /** Upgrades a connected plain socket to TLS (after STARTTLS), trusting the peer's certificate blindly. */
    static SSLSocket upgrade(Socket plain, String host, int port) throws IOException {
        SSLSocket s = (SSLSocket) TRUST_ALL.getSocketFactory().createSocket(plain, host, port, true);
        s.startHandshake();
        return s;
    }

    /** A port free right now (the relay binds it a moment later). */
    static int freePort() throws IOException {
        return freePort(HOST);
    }

    static int freePort(String host) throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName(host))) {
            return s.getLocalPort();
        }
    }

    private static SSLContext trustAll() {
        try {
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(null, new TrustManager[] {new X509TrustManager() {
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
            }}, new SecureRandom());
            return c;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
