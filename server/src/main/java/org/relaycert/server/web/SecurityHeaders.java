package org.relaycert.server.web;

import io.netty.handler.codec.http.HttpHeaders;

/**
 * Headers every response carries. Nothing here is active content, so the policy forbids all of it;
 * HSTS only where the certificate can be valid (a self-signed relay would lock browsers out).
 */
final class SecurityHeaders {
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    static final String HSTS = "max-age=31536000";

    private final boolean hsts;

    SecurityHeaders(boolean hsts) {
        this.hsts = hsts;
    }

    void apply(HttpHeaders headers) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        if (hsts) {
            headers.set("Strict-Transport-Security", HSTS);
        }
    }
}
