package org.relaycert.server.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaycert.server.config.ConfigException;
import org.relaycert.server.config.ConfigLoader;
import org.relaycert.server.config.RelayConfig;

/** From chatmail.ini ([params] and [metadata]) to the server entries GETMETADATA "" serves, every key. */
class SharedEntriesConfigTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private SharedEntries entries(String ini) throws ConfigException {
        RelayConfig c = ConfigLoader.parse(ini, dir);
        return SharedEntries.chatmail(c.params(), c.relay().maxRecipients(), c.metadata(), CLOCK);
    }

    @Test
    void everyConfiguredKeyIsServed() throws Exception {
        Files.writeString(dir.resolve("appversions.json"), "{\n  \"clients\": [\n    {\"clientId\": \"x\", \"sources\": []}\n  ]\n}\n");
        SharedEntries e = entries("""
                [params]
                mail_domain = c.test
                privacy_mail = privacy@c.test
                iroh_relay = https://iroh.example.org
                [relay]
                max_recipients = 500
                [metadata]
                comment = a relay for tests
                turn_secret = Jefe
                app_versions = appversions.json
                """);
        assertThat(e.get(SharedEntries.ADMIN)).hasValue("mailto:privacy@c.test");
        assertThat(e.get(SharedEntries.IROH_RELAY)).hasValue("https://iroh.example.org");
        assertThat(e.get(SharedEntries.MAX_SMTP_RECIPIENTS)).hasValue("500");
        assertThat(e.get(SharedEntries.COMMENT)).hasValue("a relay for tests");
        assertThat(e.get(SharedEntries.APP_VERSIONS)).hasValue("{\"clients\":[{\"clientId\":\"x\",\"sources\":[]}]}");
        long expiry = NOW.plus(TurnCredentials.VALIDITY).getEpochSecond();
        assertThat(e.get(SharedEntries.TURN)).hasValueSatisfying(v -> assertThat(v).startsWith("c.test:3478:" + expiry + ":"));
        assertThat(e.all()).hasSize(6);
    }

    @Test
    void defaultsServeTheRecipientLimitAndChatmailsShippedAppVersionsButNoIrohRelay() throws Exception {
        SharedEntries e = entries("[params]\nmail_domain = c.test\n");
        // nothing answers at https://c.test/relay, so no iroh relay is advertised (chatmail would run one there)
        assertThat(e.all()).containsOnlyKeys(SharedEntries.MAX_SMTP_RECIPIENTS, SharedEntries.APP_VERSIONS);
        assertThat(e.get(SharedEntries.MAX_SMTP_RECIPIENTS)).hasValue("1000");
        // byte for byte what chatmaild's metadata service sends: json.dumps(..., separators=(",", ":"))
        assertThat(e.get(SharedEntries.APP_VERSIONS)).hasValue("{\"clients\":[{\"clientId\":\"deltachat\",\"sources\":"
                + "[{\"sourceId\":\"gplay\",\"versionInteger\":754,\"versionString\":\"2.57.0\",\"downloadUrl\":"
                + "\"https://github.com/deltachat/deltachat-android/releases/download/v2.57.0/deltachat-gplay-release-2.57.0.apk\"}]}]}");
    }

    @Test
    void aNamedIrohRelayIsAdvertised() throws Exception {
        assertThat(entries("[params]\nmail_domain = c.test\niroh_relay = https://iroh.c.test\n").get(SharedEntries.IROH_RELAY))
                .hasValue("https://iroh.c.test");
    }

    @Test
    void emptyIrohRelayAdvertisesNone() throws Exception {
        assertThat(entries("[params]\nmail_domain = c.test\niroh_relay =\n").get(SharedEntries.IROH_RELAY)).isEmpty();
    }

    @Test
    void turnServerMayBeNamed() throws Exception {
        SharedEntries e = entries("[params]\nmail_domain = c.test\n[metadata]\nturn_server = turn.c.test:5349\nturn_secret = s\n");
        assertThat(e.get(SharedEntries.TURN)).hasValueSatisfying(v -> assertThat(v).startsWith("turn.c.test:5349:"));
    }

    @Test
    void turnPasswordIsTheRestApiHmac() {
        // RFC 2202 HMAC-SHA1 test case 2, base64
        assertThat(new TurnCredentials("h:1", "Jefe", CLOCK).password("what do ya want for nothing?"))
                .isEqualTo("7/zfauXrL6LSdBbV8YTfnCWafHk=");
    }

    @Test
    void badMetadataSectionsAreRefusedWithTheirKey() {
        assertThatThrownBy(() -> entries("[params]\nmail_domain = c.test\n[metadata]\nturn = x\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("[metadata] turn");
        assertThatThrownBy(() -> entries("[params]\nmail_domain = c.test\n[metadata]\nturn_server = t.c.test:3478\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("turn_secret");
        assertThatThrownBy(() -> entries("[params]\nmail_domain = c.test\n[metadata]\napp_versions = missing.json\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("app_versions");
    }

    @Test
    void aVariantMayReplaceOneEntry() {
        SharedEntries e = new SharedEntries(java.util.Map.of(SharedEntries.COMMENT, "a")).with(SharedEntries.COMMENT, "b");
        assertThat(e.get("/SHARED/COMMENT")).hasValue("b");
        assertThat(e.with(SharedEntries.COMMENT, null).all()).isEmpty();
    }
}
