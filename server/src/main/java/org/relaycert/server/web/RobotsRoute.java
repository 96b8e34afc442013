package org.relaycert.server.web;

import io.netty.handler.codec.http.HttpMethod;
import java.util.Set;

/** {@code /robots.txt}: chatmail keeps every crawler out. */
final class RobotsRoute implements Route {
    static final String BODY = "User-agent: *\nDisallow: /\n";

    @Override
    public Set<HttpMethod> methods() {
        return Set.of(HttpMethod.GET);
    }

    @Override
    public WebResponse respond(WebRequest request) {
        return WebResponse.ok(WebResponse.TEXT, BODY);
    }
}
