package org.relaycert.server.web;

import io.netty.handler.codec.http.HttpMethod;
import java.util.Set;

/**
 * The behaviour behind one path. Routes run on the event loop unless they say they {@link #blocking block};
 * the router then runs them on the web server's worker pool. A route allowing GET also answers HEAD.
 */
public interface Route {

    /** Methods this route answers; anything else gets 405 with an {@code Allow} header. */
    Set<HttpMethod> methods();

    WebResponse respond(WebRequest request) throws Exception;

    /**
     * True when {@link #respond} may block (disk writes with fsync, DNS, mail policies): the router then calls
     * it on a worker thread and answers from there, so the event loop keeps serving other connections.
     */
    default boolean blocking() {
        return false;
    }

    /**
     * Where a POST body goes when this route takes large ones (a message): it then arrives as
     * {@link WebRequest#spooledBody()}, not in memory. Empty (in memory) by default.
     */
    default java.util.Optional<org.relaycert.server.delivery.Spool> spool() {
        return java.util.Optional.empty();
    }
}
