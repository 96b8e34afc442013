package org.relaycert.server.account;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.relaycert.server.config.ChatmailParams;

/**
 * chatmail's rules for addresses that may be created (doveauth.py): exactly one {@code @}, our domain,
 * localpart length within bounds and {@code [a-z0-9._-]} only. Logins are lower-cased first,
 * as Dovecot's {@code auth_username_format = %Lu} does.
 */
public final class AddressRules {
    private static final Pattern LOCALPART = Pattern.compile("[a-z0-9._-]+");
    /** What Dovecot lets through as a login name at all. */
    private static final Pattern LOGIN = Pattern.compile("[a-zA-Z0-9._@\\[\\]-]+");

    private final ChatmailParams params;

    public AddressRules(ChatmailParams params) {
        this.params = params;
    }

    /** The canonical (lower-case) form of a login name, or empty if it could never be one of ours. */
    public Optional<String> canonical(String login) {
        if (login == null || login.length() > 320 || !LOGIN.matcher(login).matches()) {
            return Optional.empty();
        }
        String lower = login.toLowerCase(Locale.ROOT);
        int at = lower.indexOf('@');
        if (at <= 0 || at != lower.lastIndexOf('@') || !lower.substring(at + 1).equals(domainPart())) {
            return Optional.empty();
        }
        return Optional.of(lower);
    }

    /** Whether a canonical address may be created: the localpart rules on top of {@link #canonical}. */
    public Optional<String> creationRefusal(String address, String password) {
        String local = address.substring(0, address.indexOf('@'));
        if (local.length() < params.usernameMinLength() || local.length() > params.usernameMaxLength()) {
            return Optional.of("localpart length " + local.length() + " outside ["
                    + params.usernameMinLength() + ", " + params.usernameMaxLength() + "]");
        }
        if (!LOCALPART.matcher(local).matches()) {
            return Optional.of("localpart has characters outside [a-z0-9._-]");
        }
        if (password.length() < params.passwordMinLength()) {
            return Optional.of("password shorter than " + params.passwordMinLength());
        }
        return Optional.empty();
    }

    /** The part after {@code @} in our addresses: the domain, or {@code [a.b.c.d]} for IP-only relays. */
    public String domainPart() {
        return params.selfSignedDomain() && !params.mailDomain().startsWith("_")
                ? "[" + params.mailDomain() + "]" : params.mailDomain();
    }

    public boolean isLocal(String address) {
        int at = address.lastIndexOf('@');
        return at > 0 && address.substring(at + 1).toLowerCase(Locale.ROOT).equals(domainPart());
    }
}
