package org.relaycert.server.web;

import io.netty.handler.codec.http.HttpMethod;
import java.util.Set;

/**
 * The landing page: names the relay and tells how to get an account. Static HTML without scripts
 * (the content security policy forbids them); self-signed relays explain the {@code POST /new} route
 * instead of chatmail's script that renders a {@code dclogin:} QR code.
 */
final class IndexRoute implements Route {
    private final String html;

    IndexRoute(WebServerConfig config) {
        String d = Xml.escape(config.mailDomain());
        // The form Delta Chat documents and chatmail prints in its QR code.
        String invite = "DCACCOUNT:https://" + d + "/new";
        String howTo = config.selfSigned()
                ? "<p>This relay uses a self-signed certificate. Get credentials with <code>POST https://" + d
                        + "/new</code> and open the <code>dclogin_url</code> of the answer in Delta Chat.</p>\n"
                : "<p>To get an account, open this link in Delta Chat (or scan it as a QR code):<br>\n"
                        + "<a href=\"" + invite + "\">" + invite + "</a></p>\n";
        this.html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>" + d + " chatmail relay</title>\n</head>\n<body>\n"
                + "<h1>" + d + "</h1>\n"
                + "<p>" + d + " is a chatmail relay: e-mail servers for end-to-end encrypted chat with "
                + "<a href=\"https://delta.chat\">Delta Chat</a>. Unencrypted mail is not accepted.</p>\n"
                + howTo
                + "<p>Accounts are created on first login; unused accounts and old messages are deleted.</p>\n"
                + "</body>\n</html>\n";
    }

    @Override
    public Set<HttpMethod> methods() {
        return Set.of(HttpMethod.GET);
    }

    @Override
    public WebResponse respond(WebRequest request) {
        return WebResponse.ok(WebResponse.HTML, html);
    }
}
