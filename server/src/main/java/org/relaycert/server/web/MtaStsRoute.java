package org.relaycert.server.web;

import io.netty.handler.codec.http.HttpMethod;
import java.util.Set;

/**
 * The MTA-STS policy (RFC 8461 section 3.2), as chatmail publishes it:
 * <pre>
 * sts-policy-record = sts-policy-field *WSP *(sts-policy-term sts-policy-field *WSP) [sts-policy-term]
 * sts-policy-term   = LF / CRLF
 * </pre>
 * with {@code version: STSv1}, {@code mode: enforce}, the relay itself as the only MX and a
 * {@code max_age} of four weeks.
 */
final class MtaStsRoute implements Route {
    static final long MAX_AGE_SECONDS = 2_419_200;

    private final String policy;

    MtaStsRoute(String mailDomain) {
        this.policy = "version: STSv1\r\nmode: enforce\r\nmx: " + mailDomain + "\r\nmax_age: " + MAX_AGE_SECONDS + "\r\n";
    }

    @Override
    public Set<HttpMethod> methods() {
        return Set.of(HttpMethod.GET);
    }

    @Override
    public WebResponse respond(WebRequest request) {
        return WebResponse.ok(WebResponse.TEXT, policy);
    }
}
