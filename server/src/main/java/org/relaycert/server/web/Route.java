package org.relaycert.server.web;

import io.netty.handler.codec.http.HttpMethod;
import java.util.Set;

/**
 * The behaviour behind one path. Routes run on the event loop: they must not block (hand slow work
 * to an executor in a route of their own). A route allowing GET also answers HEAD.
 */
public interface Route {

    /** Methods this route answers; anything else gets 405 with an {@code Allow} header. */
    Set<HttpMethod> methods();

    WebResponse respond(WebRequest request) throws Exception;
}
