package org.relaycert.server.federation;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Client TLS towards other relays (spec 2.2): TLS 1.2 or newer, the certificate must be valid for the MX host
 * name (Postfix {@code smtp_tls_security_level = verify}), except for the destinations {@link DestinationTls}
 * exempts. Trusted: the JDK's CAs plus configured anchors.
 */
public final class OutboundTrust {
    private final SSLContext context;
    /** For destinations whose certificates chatmail does not check (spec 2.2): encryption without authentication. */
    private final SSLContext anyCertificate;

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
            anyCertificate = SSLContext.getInstance("TLS");
            anyCertificate.init(null, new TrustManager[] {new AcceptingTrustManager()}, null);
        } catch (Exception e) {
            throw new IllegalStateException("cannot build outbound TLS trust: " + e.getMessage(), e);
        }
    }

    /** Starts TLS on a connected socket, checking the certificate against {@code host}; returns after the handshake. */
    public SSLSocket wrap(Socket plain, String host) throws IOException {
        return wrap(plain, host, DestinationTls.VERIFIED);
    }

    /**
     * Starts TLS on a connected socket; with {@link DestinationTls#VERIFIED} the certificate must be valid for
     * {@code host}, with {@link DestinationTls#ANY_CERTIFICATE} any certificate is taken. SNI names {@code host}
     * where it is a host name (not for an address or a name SNI cannot carry, such as one with {@code _}).
     */
    public SSLSocket wrap(Socket plain, String host, DestinationTls mode) throws IOException {
        if (mode == DestinationTls.PLAINTEXT) {
            throw new IllegalArgumentException("no TLS for a plaintext destination");
        }
        boolean verify = mode == DestinationTls.VERIFIED;
        SSLContext ctx = verify ? context : anyCertificate;
        SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(plain, host, plain.getPort(), true);
        SSLParameters p = s.getSSLParameters();
        if (verify) {
            p.setEndpointIdentificationAlgorithm("HTTPS");
        }
        sniName(host).ifPresent(n -> p.setServerNames(List.of(n)));
        p.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        s.setSSLParameters(p);
        s.setUseClientMode(true);
        s.startHandshake();
        return s;
    }

    private static Optional<SNIHostName> sniName(String host) {
        if (host.startsWith("[") || host.indexOf(':') >= 0 || host.matches("[0-9.]+")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SNIHostName(host));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Takes every server certificate: only for {@link DestinationTls#ANY_CERTIFICATE} destinations. */
    private static final class AcceptingTrustManager implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // chatmail accepts any certificate from these destinations (spec 2.2)
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
