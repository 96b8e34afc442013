package org.relaycert.server.federation;

import java.util.Locale;

/**
 * How outbound delivery secures the connection to one destination domain (spec 2.2, filtermail-transport's
 * worker and chatmail's {@code smtp_tls_policy_map}): a certificate valid for the MX host, except
 * <ul>
 *   <li>{@code nauta.cu}: plaintext SMTP, no STARTTLS (its servers offer none);</li>
 *   <li>domains starting with {@code _} and IP-literal domains ({@code [192.0.2.1]}): TLS, but any certificate
 *       (such relays are self-signed by design; chatmail's getting-started guide names both).</li>
 * </ul>
 */
public enum DestinationTls {
    /** STARTTLS (or HTTPS) with a certificate valid for the MX host name. */
    VERIFIED,
    /** STARTTLS (or HTTPS), certificate not checked. */
    ANY_CERTIFICATE,
    /** Plain SMTP; no {@code /mxdeliv} either, which would need TLS. */
    PLAINTEXT;

    /** The one domain chatmail delivers to in plaintext. */
    public static final String PLAINTEXT_DOMAIN = "nauta.cu";

    /** The rule for {@code domain} under the relay's {@code smtp_tls_security_level} ({@code rule}). */
    public static DestinationTls of(String domain, FederationRules.OutboundTls rule) {
        if (rule == FederationRules.OutboundTls.NONE) {
            return PLAINTEXT;
        }
        String d = domain.toLowerCase(Locale.ROOT);
        if (d.equals(PLAINTEXT_DOMAIN)) {
            return PLAINTEXT;
        }
        if (rule == FederationRules.OutboundTls.ENCRYPT || d.startsWith("_") || IpLiteral.parse(d).isPresent()) {
            return ANY_CERTIFICATE;
        }
        return VERIFIED;
    }
}
