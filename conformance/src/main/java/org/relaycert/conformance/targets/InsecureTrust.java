package org.relaycert.conformance.targets;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import java.net.Socket;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/** Accepts any certificate: only for {@code chatmail.insecure=true}, as Delta Chat's acceptInvalidCertificates. */
final class InsecureTrust {
    private InsecureTrust() {
    }

    static SSLContext context() {
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
