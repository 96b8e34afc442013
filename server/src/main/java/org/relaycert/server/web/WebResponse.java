package org.relaycert.server.web;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A complete response as a value: status, media type, body and extra headers. The router adds
 * length, security headers and connection handling.
 */
public record WebResponse(HttpResponseStatus status, String contentType, byte[] body, Map<String, String> headers) {
    public static final String TEXT = "text/plain; charset=utf-8";
    public static final String HTML = "text/html; charset=utf-8";
    public static final String JSON = "application/json";
    public static final String XML = "application/xml; charset=utf-8";

    public WebResponse {
        headers = Map.copyOf(headers);
    }

    public static WebResponse of(HttpResponseStatus status, String contentType, String body) {
        return new WebResponse(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static WebResponse ok(String contentType, String body) {
        return of(HttpResponseStatus.OK, contentType, body);
    }

    /** A short plain-text answer, used for errors: the status line's reason as the body. */
    public static WebResponse plain(HttpResponseStatus status) {
        return of(status, TEXT, status.code() + " " + status.reasonPhrase() + "\n");
    }

    public static WebResponse redirect(HttpResponseStatus status, String location) {
        return plain(status).withHeader("Location", location);
    }

    public WebResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new WebResponse(status, contentType, body, more);
    }
}
