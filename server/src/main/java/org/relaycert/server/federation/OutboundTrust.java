package org.relaycert.server.federation;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Client TLS towards other relays (spec 2.2): TLS 1.2 or newer, the certificate must be valid for the MX host
 * name (Postfix {@code smtp_tls_security_level = verify}). Trusted: the JDK's CAs plus configured anchors.
 */
public final class OutboundTrust {
    private final SSLContext context;

    public OutboundTrust(Optional<Path> extraAnchors) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            Path cacerts = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
            if (Files.exists(cacerts)) {
                try (InputStream in = Files.newInputStream(cacerts)) {
                    store.load(in, null);
                }
            } else {
                store.load(null, null);
            }
            if (extraAnchors.isPresent()) {
                try (InputStream in = Files.newInputStream(extraAnchors.get())) {
                    int i = 0;
                    for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                        store.setCertificateEntry("relaycert-anchor-" + i++, c);
                    }
                }
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
        } catch (Exception e) {
            throw new IllegalStateException("cannot build outbound TLS trust: " + e.getMessage(), e);
        }
    }

    /** Starts TLS on a connected socket, checking the certificate against {@code host}; returns after the handshake. */
    public SSLSocket wrap(Socket plain, String host) throws IOException {
        SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket(plain, host, plain.getPort(), true);
        SSLParameters p = s.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        p.setServerNames(List.of(new SNIHostName(host)));
        p.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        s.setSSLParameters(p);
        s.setUseClientMode(true);
        s.startHandshake();
        return s;
    }
}
