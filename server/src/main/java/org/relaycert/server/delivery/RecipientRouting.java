package org.relaycert.server.delivery;

import java.util.Locale;

/**
 * How a recipient address that names this relay's domain is resolved to its final destination. chatmail's
 * local parts are {@code [a-z0-9._-]} only, so nothing is resolved ({@link #LITERAL}). Relays of the
 * sendmail era resolved routing syntax inside the local part ({@link #LEGACY}); the relay-access decision is
 * made on the address as received, so such resolution is the classic way open relays happened.
 */
@FunctionalInterface
public interface RecipientRouting {
    /** The destination of {@code address} (lower-cased, {@code local@domain}). */
    String resolve(String address);

    /** chatmail: an address is its own destination. */
    RecipientRouting LITERAL = address -> address;

    /**
     * sendmail-era routing: the percent hack ({@code user%remote@here}), UUCP bang paths
     * ({@code remote!user@here}) and a quoted local part holding a whole address ({@code "user@remote"@here},
     * Postfix {@code resolve_dequoted_address}).
     */
    RecipientRouting LEGACY = address -> {
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return address;
        }
        String local = address.substring(0, at);
        if (local.length() > 1 && local.startsWith("\"") && local.endsWith("\"")) {
            local = local.substring(1, local.length() - 1);
            if (local.contains("@")) {
                return local.toLowerCase(Locale.ROOT);
            }
        }
        int percent = local.lastIndexOf('%');
        if (percent > 0) {
            return local.substring(0, percent) + "@" + local.substring(percent + 1);
        }
        int bang = local.indexOf('!');
        if (bang > 0) {
            return local.substring(bang + 1) + "@" + local.substring(0, bang);
        }
        return address;
    };
}
