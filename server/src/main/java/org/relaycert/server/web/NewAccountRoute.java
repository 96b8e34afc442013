package org.relaycert.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Set;
import org.relaycert.server.account.AccountService;
import org.relaycert.server.account.NewAccount;

/**
 * {@code /new} (and chatmail's legacy {@code /cgi-bin/newemail.py}): fresh random credentials as
 * {@code {"email": .., "password": ..}}, plus {@code dclogin_url} on self-signed relays. Nothing is
 * stored; the first login creates the account. Delta Chat POSTs here after scanning
 * {@code DCACCOUNT:https://<domain>/new}; a browser's GET is sent to that URI instead, except on
 * self-signed relays whose landing page fetches the JSON itself. Requests that produce credentials
 * are rate-limited per client address (503 with a JSON {@code reason}).
 */
final class NewAccountRoute implements Route {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AccountService accounts;
    private final WebServerConfig config;
    private final NewAccountRateLimit limit;

    NewAccountRoute(AccountService accounts, WebServerConfig config, NewAccountRateLimit limit) {
        this.accounts = accounts;
        this.config = config;
        this.limit = limit;
    }

    @Override
    public Set<HttpMethod> methods() {
        return Set.of(HttpMethod.POST, HttpMethod.GET);
    }

    @Override
    public WebResponse respond(WebRequest request) throws Exception {
        if (request.method().equals(HttpMethod.GET) && !config.selfSigned()) {
            return WebResponse.redirect(HttpResponseStatus.MOVED_PERMANENTLY, dcaccountUri(config.mailDomain()));
        }
        if (!limit.tryAcquire(request.client())) {
            // Delta Chat shows "reason" from a non-2xx answer to the user.
            ObjectNode refusal = JSON.createObjectNode().put("reason", "Too many requests, try again in a few seconds.");
            return new WebResponse(HttpResponseStatus.SERVICE_UNAVAILABLE, WebResponse.JSON,
                    JSON.writeValueAsBytes(refusal), java.util.Map.of("Retry-After", "1"));
        }
        NewAccount account = accounts.generate();
        ObjectNode body = JSON.createObjectNode();
        body.put("email", account.email());
        body.put("password", account.password());
        if (config.selfSigned()) {
            body.put("dclogin_url",
                    DcloginUrl.of(account, config.dialHost(), config.imapsPort(), config.smtpsPort()));
        }
        // Credentials must never sit in a cache.
        return WebResponse.ok(WebResponse.JSON, JSON.writeValueAsString(body))
                .withHeader("Cache-Control", "no-store");
    }

    static String dcaccountUri(String domain) {
        return "dcaccount:https://" + domain + "/new";
    }
}
