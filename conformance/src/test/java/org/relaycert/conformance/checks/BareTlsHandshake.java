package org.relaycert.conformance.checks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.relaycert.conformance.targets.Endpoint;

/** A bare TLS handshake on an implicit-TLS port, speaking no protocol afterwards. */
final class BareTlsHandshake implements AutoCloseable {
    private final SSLSocket socket;

    private BareTlsHandshake(SSLSocket socket) {
        this.socket = socket;
    }

    static BareTlsHandshake open(Endpoint e, SSLContext trust, String protocol) throws IOException {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(e.connectAddress(), e.port()), 10_000);
        plain.setSoTimeout(10_000);
        SSLSocket s = (SSLSocket) trust.getSocketFactory().createSocket(plain, e.host(), e.port(), true);
        s.setEnabledProtocols(new String[] {protocol});
        SSLParameters p = s.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        s.setSSLParameters(p);
        s.startHandshake();
        return new BareTlsHandshake(s);
    }

    String protocol() {
        return socket.getSession().getProtocol();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
