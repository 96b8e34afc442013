package org.relaycert.conformance.probes;

import java.io.IOException;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.relaycert.conformance.client.ClientSockets;
import org.relaycert.conformance.targets.Endpoint;

/** A bare TLS handshake on an implicit-TLS port, speaking no protocol afterwards. */
public final class BareTlsHandshake implements AutoCloseable {
    private final SSLSocket socket;

    private BareTlsHandshake(SSLSocket socket) {
        this.socket = socket;
    }

    public static BareTlsHandshake open(Endpoint e, SSLContext trust, String protocol) throws IOException {
        SSLSocket s = ClientSockets.layer(ClientSockets.connect(e, Duration.ofSeconds(10)), e, trust);
        s.setEnabledProtocols(new String[] {protocol});
        SSLParameters p = s.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        s.setSSLParameters(p);
        ClientSockets.handshake(s, e);
        return new BareTlsHandshake(s);
    }

    public String protocol() {
        return socket.getSession().getProtocol();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
