package org.relaycert.server.web;

import io.netty.handler.codec.http.HttpMethod;
import java.util.Set;
import org.relaycert.server.config.ChatmailParams;

/** {@code /info.html}: the limits users live with, rendered from the configuration as chatmail does. */
final class InfoRoute implements Route {
    private final String html;

    InfoRoute(WebServerConfig config) {
        ChatmailParams p = config.params();
        String d = Xml.escape(config.mailDomain());
        this.html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>" + d + " limits</title>\n</head>\n<body>\n"
                + "<h1>Limits on " + d + "</h1>\n<ul>\n"
                + "<li>Sending: up to " + p.maxUserSendPerMinute() + " messages per minute.</li>\n"
                + "<li>Mailbox size: " + megabytes(p.maxMailboxSize()) + "; largest message: "
                + megabytes(p.maxMessageSize()) + ".</li>\n"
                + "<li>Messages are deleted from the server after " + p.deleteMailsAfterDays()
                + " days, large messages after " + p.deleteLargeAfterDays() + " days.</li>\n"
                + "<li>Accounts unused for " + p.deleteInactiveUsersAfterDays() + " days are deleted.</li>\n"
                + "</ul>\n</body>\n</html>\n";
    }

    private static String megabytes(long bytes) {
        return bytes / (1024 * 1024) + " MB";
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
