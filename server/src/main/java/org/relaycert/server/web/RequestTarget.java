package org.relaycert.server.web;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The request-target of an HTTP request line, parsed (RFC 9112 section 3.2):
 * <pre>
 * request-target = origin-form / absolute-form / authority-form / asterisk-form
 * origin-form    = absolute-path [ "?" query ]
 * absolute-form  = absolute-URI
 * </pre>
 * Only origin-form and absolute-form name a resource here; the other forms are for CONNECT and
 * server-wide OPTIONS, which this server does not offer.
 *
 * @param path  the percent-decoded path, always starting with {@code /}
 * @param query the decoded query parameters
 */
public record RequestTarget(String path, Map<String, List<String>> query) {

    /** Parses a request-target; empty if it is not a valid origin-form or absolute-form target. */
    public static Optional<RequestTarget> parse(String target) {
        if (target == null || target.isEmpty()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(target);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (uri.isOpaque() || uri.getRawPath() == null) {
            return Optional.empty();
        }
        boolean origin = !uri.isAbsolute() && uri.getRawAuthority() == null && target.startsWith("/");
        boolean absolute = uri.isAbsolute() && ("http".equalsIgnoreCase(uri.getScheme())
                || "https".equalsIgnoreCase(uri.getScheme())) && uri.getRawAuthority() != null;
        if (!origin && !absolute || uri.getRawFragment() != null) {
            return Optional.empty();
        }
        String path = uri.getPath().isEmpty() ? "/" : uri.getPath();
        if (!path.startsWith("/")) {
            return Optional.empty();
        }
        Map<String, List<String>> query = uri.getRawQuery() == null
                ? Map.of() : new QueryStringDecoder("/?" + uri.getRawQuery()).parameters();
        return Optional.of(new RequestTarget(path, query));
    }
}
