package org.relaycert.server.web;

import io.netty.handler.codec.http.HttpMethod;
import java.util.Set;
import org.relaycert.server.config.ChatmailParams;

/**
 * {@code /privacy.html}: what the relay keeps and for how long, rendered from the configuration like
 * chatmail's privacy page (retention from {@code delete_mails_after}, contact from {@code privacy_mail}).
 */
final class PrivacyRoute implements Route {
    private final String html;

    PrivacyRoute(WebServerConfig config) {
        ChatmailParams p = config.params();
        String d = Xml.escape(config.mailDomain());
        String contact = p.privacyMail().map(Xml::escape)
                .map(m -> "<p>Contact for privacy questions: <a href=\"mailto:" + m + "\">" + m + "</a></p>\n")
                .orElse("");
        this.html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>" + d + " privacy policy</title>\n</head>\n<body>\n"
                + "<h1>Privacy policy of " + d + "</h1>\n<ul>\n"
                + "<li>Messages are deleted from the server after " + p.deleteMailsAfterDays()
                + " days, or earlier once all your devices fetched them.</li>\n"
                + "<li>Accounts unused for " + p.deleteInactiveUsersAfterDays() + " days are deleted with their data.</li>\n"
                + "<li>The relay sends out no unencrypted mail between users.</li>\n"
                + "<li>IP addresses are not stored or related to addresses.</li>\n"
                + "</ul>\n" + contact + "</body>\n</html>\n";
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
