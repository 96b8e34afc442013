package org.relaycert.server.push;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.relaycert.server.config.ChatmailParams;

/**
 * The server entries ({@code GETMETADATA ""}) a chatmail relay serves to Delta Chat (relay-spec 2.7):
 * {@code /shared/admin} when privacy_mail is set, the iroh relay, the SMTP recipient limit that also tells
 * core the relay supports push, and the TURN, app-version and comment entries where configured.
 * Names are matched without regard to case, as RFC 5464 entry names are.
 */
public final class SharedEntries {
    public static final String ADMIN = "/shared/admin";
    public static final String COMMENT = "/shared/comment";
    public static final String IROH_RELAY = "/shared/vendor/deltachat/irohrelay";
    public static final String TURN = "/shared/vendor/deltachat/turn";
    public static final String MAX_SMTP_RECIPIENTS = "/shared/vendor/deltachat/maxsmtprecipients";
    public static final String APP_VERSIONS = "/shared/vendor/deltachat/appversions";

    private final Map<String, String> values;

    public SharedEntries(Map<String, String> values) {
        Map<String, String> lower = new LinkedHashMap<>();
        values.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        this.values = Map.copyOf(lower);
    }

    /** chatmail's entries for this relay; {@code turn}, {@code appVersions} and {@code comment} only where configured. */
    public static SharedEntries chatmail(ChatmailParams params, int maxRecipients, Optional<String> turn,
                                         Optional<String> appVersions, Optional<String> comment) {
        Map<String, String> v = new LinkedHashMap<>();
        params.privacyMail().ifPresent(m -> v.put(ADMIN, "mailto:" + m));
        v.put(IROH_RELAY, params.irohRelay().orElse("https://" + params.mailDomain()));
        v.put(MAX_SMTP_RECIPIENTS, String.valueOf(maxRecipients));
        turn.ifPresent(t -> v.put(TURN, t));
        appVersions.ifPresent(a -> v.put(APP_VERSIONS, a));
        comment.ifPresent(c -> v.put(COMMENT, c));
        return new SharedEntries(v);
    }

    public Optional<String> get(String entry) {
        return Optional.ofNullable(values.get(entry.toLowerCase(Locale.ROOT)));
    }

    /** Every entry this relay serves, by lower-case name. */
    public Map<String, String> all() {
        return values;
    }
}
