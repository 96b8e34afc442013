package org.relaycert.conformance.probes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What Delta Chat core expects of each server METADATA entry it reads (relay-spec 2.7; core imap.rs, calls.rs). */
public final class ServerEntryFormats {
    public static final String COMMENT = "/shared/comment";
    static final String ADMIN = "/shared/admin";
    public static final String IROH_RELAY = "/shared/vendor/deltachat/irohrelay";
    public static final String TURN = "/shared/vendor/deltachat/turn";
    public static final String MAX_SMTP_RECIPIENTS = "/shared/vendor/deltachat/maxsmtprecipients";
    static final String APP_VERSIONS = "/shared/vendor/deltachat/appversions";
    public static final java.util.List<String> ALL = java.util.List.of(COMMENT, ADMIN, IROH_RELAY, TURN, MAX_SMTP_RECIPIENTS, APP_VERSIONS);

    /** hostname:port:timestamp:password (core parses it so and refreshes 12 h before the timestamp). */
    private static final Pattern TURN_VALUE = Pattern.compile("([^:\\s]+):(\\d{1,5}):(\\d+):(\\S+)");
    /** Long enough for chatmail's five days, short enough that a forgotten static credential shows. */
    static final Duration TURN_MAX_AHEAD = Duration.ofDays(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ServerEntryFormats() {
    }

    /** Asserts the format of {@code value} for {@code entry}; {@code relayNow} is the relay's clock. */
    public static void check(String entry, String value, Instant relayNow) throws Exception {
        switch (entry) {
            case COMMENT -> assertThat(value).as("comment").isNotBlank().doesNotContain("\r", "\n");
            case ADMIN -> assertThat(value).as("admin").matches("mailto:[^@\\s]+@[^@\\s]+");
            case IROH_RELAY -> {
                URI u = URI.create(value);
                assertThat(u.getScheme()).as("iroh relay URL %s", value).isEqualTo("https");
                assertThat(u.getHost()).as("iroh relay host in %s", value).isNotBlank();
            }
            case MAX_SMTP_RECIPIENTS -> assertThat(Integer.parseInt(value)).as("maxsmtprecipients (a group of 50 must fit)")
                    .isGreaterThanOrEqualTo(50);
            case TURN -> {
                Matcher m = TURN_VALUE.matcher(value);
                assertThat(m.matches()).as("TURN entry %s is host:port:timestamp:password", value).isTrue();
                assertThat(Integer.parseInt(m.group(2))).as("TURN port").isBetween(1, 65535);
                Instant expires = Instant.ofEpochSecond(Long.parseLong(m.group(3)));
                assertThat(expires).as("TURN credential expiry (relay time %s)", relayNow).isAfter(relayNow)
                        .isBefore(relayNow.plus(TURN_MAX_AHEAD));
            }
            case APP_VERSIONS -> {
                assertThat(value).as("appversions on one line").doesNotContain("\r", "\n");
                JsonNode clients = JSON.readTree(value).path("clients");
                assertThat(clients.isArray() && !clients.isEmpty()).as("appversions has a clients array: %s", value).isTrue();
                for (JsonNode c : clients) {
                    assertThat(c.path("clientId").isTextual()).as("clientId in %s", c).isTrue();
                    assertThat(c.path("sources").isArray()).as("sources in %s", c).isTrue();
                    for (JsonNode src : c.path("sources")) {
                        assertThat(src.path("sourceId").isTextual() && src.path("versionInteger").isIntegralNumber()
                                && src.path("versionString").isTextual() && src.path("downloadUrl").isTextual())
                                .as("source fields in %s", src).isTrue();
                    }
                }
            }
            default -> throw new IllegalArgumentException("no format known for " + entry);
        }
    }
}
