package org.relaycert.wire;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A TLS client context that accepts any certificate and any host name: for relays under test on loopback with a
 * self-signed certificate, and for the suite's {@code chatmail.insecure=true} (as Delta Chat's
 * acceptInvalidCertificates). Never for a connection whose peer must be authenticated.
 */
public final class TrustAll {
    private TrustAll() {
    }

    /** A new context (its own TLS session cache: keep one per run or target if sessions may be resumed). */
    public static SSLContext context() {
        try {
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(null, new TrustManager[] {new X509ExtendedTrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                // The extended variants keep JSSE from adding its own host-name check on top.
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType, Socket s) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType, Socket s) {
                }

                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine e) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine e) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return c;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
