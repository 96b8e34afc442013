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
 */
public record WebRequest(HttpMethod method, String path, Map<String, List<String>> query, HttpHeaders headers,
        byte[] body, InetAddress client) {
}
