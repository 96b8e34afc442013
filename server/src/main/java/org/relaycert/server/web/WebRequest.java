package org.relaycert.server.web;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;

/**
 * One request as a route sees it: {@code method} is GET for a HEAD request (the router drops the body).
 *
 * @param path  the decoded path of the request target
 * @param query decoded query parameters
 * @param body  the request body, possibly empty
 * @param client the peer's address, for rate limits only: never log or store it
 * @param spooledBody the body in a spool file, for a route with a {@link Route#spool() spool} (then
 *                    {@code body} is empty); the router discards it after the route
 */
public record WebRequest(HttpMethod method, String path, Map<String, List<String>> query, HttpHeaders headers,
        byte[] body, InetAddress client, java.util.Optional<org.relaycert.server.delivery.SpooledMessage> spooledBody) {

    /** A request with its body in memory. */
    public WebRequest(HttpMethod method, String path, Map<String, List<String>> query, HttpHeaders headers,
            byte[] body, InetAddress client) {
        this(method, path, query, headers, body, client, java.util.Optional.empty());
    }
}
