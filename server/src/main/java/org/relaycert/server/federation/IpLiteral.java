package org.relaycert.server.federation;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An address literal as the domain of a mail address (RFC 5321 section 4.1.3):
 * <pre>
 *   address-literal      = "[" ( IPv4-address-literal / IPv6-address-literal ) "]"
 *   IPv4-address-literal = Snum 3("."  Snum)
 *   IPv6-address-literal = "IPv6:" IPv6-addr
 * </pre>
 * Mail for such a domain goes straight to that address, without an MX look-up (spec 8.3). Parsing never
 * touches DNS.
 */
public final class IpLiteral {
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private IpLiteral() {
    }

    /** The address {@code domain} names, if it is an address literal. */
    public static Optional<InetAddress> parse(String domain) {
        if (domain.length() < 3 || domain.charAt(0) != '[' || domain.charAt(domain.length() - 1) != ']') {
            return Optional.empty();
        }
        String inner = domain.substring(1, domain.length() - 1);
        try {
            if (IPV4.matcher(inner).matches()) {
                String[] parts = inner.split("\\.");
                byte[] b = new byte[4];
                for (int i = 0; i < 4; i++) {
                    b[i] = (byte) Integer.parseInt(parts[i]);
                }
                return Optional.of(InetAddress.getByAddress(b));
            }
            if (inner.regionMatches(true, 0, "IPv6:", 0, 5)) {
                String v6 = inner.substring(5);
                // in brackets, getByName parses an IPv6 literal and never resolves: invalid ones throw
                if (v6.contains(":") && IPV6.matcher(v6).matches()) {
                    return Optional.of(InetAddress.getByName("[" + v6 + "]"));
                }
            }
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
