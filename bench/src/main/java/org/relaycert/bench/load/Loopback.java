package org.relaycert.bench.load;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.relaycert.wire.LineSession;
import org.relaycert.wire.Peer;
import org.relaycert.wire.TrustAll;

/** Sockets to the relay under test on loopback; it presents a self-signed certificate, which is trusted blindly. */
final class Loopback {
    static final String HOST = "127.0.0.1";
    static final SSLContext TRUST_ALL = TrustAll.context();

    private Loopback() {
    }

    /** An implicit-TLS connection (ports 465 and 993), Nagle off so a short command leaves at once. */
    static SSLSocket tls(int port) throws IOException {
        return tls(HOST, port);
    }

    /** The same to another loopback address (a relay of the federated pair, the Postfix + Dovecot stack). */
    static SSLSocket tls(String host, int port) throws IOException {
        Peer peer = Peer.of(host, port);
        Socket plain = peer.connect(Duration.ofSeconds(10));
        plain.setSoTimeout(30_000);
        return LineSession.handshake(plain, peer, TRUST_ALL, null);
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
}
