package org.relaycert.conformance.probes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.relaycert.conformance.client.ClientSockets;
import org.relaycert.conformance.targets.Endpoint;

/** A TLS connection offering one ALPN name, as Delta Chat does on port 443; reports what the server said first. */
public final class AlpnProbe {
    private AlpnProbe() {
    }

    public record Answer(String negotiated, String firstLine) {
    }

    public static Answer firstLine(Endpoint e, SSLContext trust, String alpn) throws IOException {
        try (SSLSocket s = ClientSockets.layer(ClientSockets.connect(e, Duration.ofSeconds(10)), e, trust)) {
            SSLParameters p = s.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            p.setApplicationProtocols(new String[] {alpn});
            s.setSSLParameters(p);
            ClientSockets.handshake(s, e);
            s.setSoTimeout(3_000); // a mail server greets at once; an HTTPS server waits for a request
            String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return new Answer(s.getApplicationProtocol(), line);
        } catch (java.net.SocketTimeoutException timeout) {
            return new Answer("?", null); // an HTTPS server waits for a request: no greeting
        } catch (javax.net.ssl.SSLHandshakeException refused) {
            if (String.valueOf(refused.getMessage()).contains("no_application_protocol")) {
                // the server answered the offer with RFC 7301's alert: it carries no such protocol on this port
                return new Answer("refused (no_application_protocol alert)", null);
            }
            throw refused;
        }
    }
}
