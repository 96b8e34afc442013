package org.relaycert.server.push;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.relaycert.server.config.ChatmailParams;
import org.relaycert.server.config.MetadataSettings;

/**
 * The server entries ({@code GETMETADATA ""}) a chatmail relay serves to Delta Chat (relay-spec 2.7):
 * {@code /shared/admin} when privacy_mail is set, the iroh relay when {@code iroh_relay} names one, the
 * SMTP recipient limit that also tells core the relay supports push, and the TURN, app-version and comment
 * entries where configured ({@code [metadata]}). TURN credentials are made when read, as they expire.
 * Names are matched without regard to case, as RFC 5464 entry names are.
 */
public final class SharedEntries {
    public static final String ADMIN = "/shared/admin";
    public static final String COMMENT = "/shared/comment";
    public static final String IROH_RELAY = "/shared/vendor/deltachat/irohrelay";
    public static final String TURN = "/shared/vendor/deltachat/turn";
    public static final String MAX_SMTP_RECIPIENTS = "/shared/vendor/deltachat/maxsmtprecipients";
    public static final String APP_VERSIONS = "/shared/vendor/deltachat/appversions";

    private final Map<String, Supplier<String>> values;

    public SharedEntries(Map<String, String> values) {
        this(fixed(values));
    }

    private SharedEntries(LinkedHashMap<String, Supplier<String>> values) {
        Map<String, Supplier<String>> lower = new LinkedHashMap<>();
        values.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        this.values = java.util.Collections.unmodifiableMap(lower);
    }

    private static LinkedHashMap<String, Supplier<String>> fixed(Map<String, String> values) {
        LinkedHashMap<String, Supplier<String>> m = new LinkedHashMap<>();
        values.forEach((k, v) -> m.put(k, () -> v));
        return m;
    }

    /** chatmail's entries for this relay; {@code turn}, {@code appVersions} and {@code comment} only where configured. */
    public static SharedEntries chatmail(ChatmailParams params, int maxRecipients, Optional<String> turn,
                                         Optional<String> appVersions, Optional<String> comment) {
        LinkedHashMap<String, Supplier<String>> v = base(params, maxRecipients);
        turn.ifPresent(t -> v.put(TURN, () -> t));
        appVersions.ifPresent(a -> v.put(APP_VERSIONS, () -> a));
        comment.ifPresent(c -> v.put(COMMENT, () -> c));
        return new SharedEntries(v);
    }

    /** chatmail's entries with the {@code [metadata]} section's; TURN credentials renewed on each read. */
    public static SharedEntries chatmail(ChatmailParams params, int maxRecipients, MetadataSettings metadata, Clock clock) {
        LinkedHashMap<String, Supplier<String>> v = base(params, maxRecipients);
        metadata.turnSecret().ifPresent(secret -> {
            TurnCredentials turn = new TurnCredentials(metadata.turnServer().orElseThrow(), secret, clock);
            v.put(TURN, turn::current);
        });
        metadata.appVersions().ifPresent(a -> v.put(APP_VERSIONS, () -> a));
        metadata.comment().ifPresent(c -> v.put(COMMENT, () -> c));
        return new SharedEntries(v);
    }

    private static LinkedHashMap<String, Supplier<String>> base(ChatmailParams params, int maxRecipients) {
        LinkedHashMap<String, Supplier<String>> v = new LinkedHashMap<>();
        params.privacyMail().ifPresent(m -> v.put(ADMIN, () -> "mailto:" + m));
        // chatmail advertises its own iroh relay when iroh_relay is unset; this relay runs none, so it advertises
        // one only when the operator names it (chatmaild config.py: a value disables the local service)
        String iroh = params.irohRelay().map(String::strip).orElse("");
        if (!iroh.isEmpty()) {
            v.put(IROH_RELAY, () -> iroh);
        }
        v.put(MAX_SMTP_RECIPIENTS, () -> String.valueOf(maxRecipients));
        return v;
    }

    /** These entries with {@code entry} set to a fixed value (or removed, when null). */
    public SharedEntries with(String entry, String value) {
        LinkedHashMap<String, Supplier<String>> v = new LinkedHashMap<>(values);
        if (value == null) {
            v.remove(entry.toLowerCase(Locale.ROOT));
        } else {
            v.put(entry, () -> value);
        }
        return new SharedEntries(v);
    }

    public Optional<String> get(String entry) {
        return Optional.ofNullable(values.get(entry.toLowerCase(Locale.ROOT))).map(Supplier::get);
    }

    /** Every entry this relay serves, by lower-case name, with its value as of now. */
    public Map<String, String> all() {
        Map<String, String> now = new LinkedHashMap<>();
        values.forEach((k, v) -> now.put(k, v.get()));
        return now;
    }
}
