package org.relaycert.server.web;

import io.netty.handler.codec.http.HttpMethod;
import java.util.Set;

/**
 * Mozilla/Thunderbird autoconfig ({@code config-v1.1.xml}) as chatmail serves it: IMAP on 993 (SSL),
 * 143 (STARTTLS) and SMTP on 465 (SSL), 587 (STARTTLS), plus the ALPN port (SSL) for both when there is
 * one; cleartext password over TLS, the full address as user name. Delta Chat tries the listed servers
 * in order.
 */
final class AutoconfigRoute implements Route {
    private final String xml;

    AutoconfigRoute(WebServerConfig c) {
        String host = Xml.escape(c.mailDomain());
        StringBuilder sb = new StringBuilder()
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<clientConfig version=\"1.1\">\n")
                .append("  <emailProvider id=\"").append(host).append("\">\n")
                .append("    <domain>").append(host).append("</domain>\n")
                .append("    <displayName>").append(host).append(" chatmail</displayName>\n")
                .append("    <displayShortName>").append(host).append("</displayShortName>\n");
        server(sb, "incomingServer", "imap", host, c.imapsPort(), "SSL");
        server(sb, "incomingServer", "imap", host, c.imapPort(), "STARTTLS");
        if (c.alpnPort() > 0) {
            server(sb, "incomingServer", "imap", host, c.alpnPort(), "SSL");
        }
        server(sb, "outgoingServer", "smtp", host, c.smtpsPort(), "SSL");
        server(sb, "outgoingServer", "smtp", host, c.submissionPort(), "STARTTLS");
        if (c.alpnPort() > 0) {
            server(sb, "outgoingServer", "smtp", host, c.alpnPort(), "SSL");
        }
        this.xml = sb.append("  </emailProvider>\n</clientConfig>\n").toString();
    }

    private static void server(StringBuilder sb, String element, String type, String host, int port, String socket) {
        sb.append("    <").append(element).append(" type=\"").append(type).append("\">\n")
                .append("      <hostname>").append(host).append("</hostname>\n")
                .append("      <port>").append(port).append("</port>\n")
                .append("      <socketType>").append(socket).append("</socketType>\n")
                .append("      <authentication>password-cleartext</authentication>\n")
                .append("      <username>%EMAILADDRESS%</username>\n")
                .append("    </").append(element).append(">\n");
    }

    @Override
    public Set<HttpMethod> methods() {
        return Set.of(HttpMethod.GET);
    }

    @Override
    public WebResponse respond(WebRequest request) {
        return WebResponse.ok(WebResponse.XML, xml);
    }
}
