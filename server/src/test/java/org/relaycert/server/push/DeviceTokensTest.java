package org.relaycert.server.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaycert.server.TestRelayConfig;

class DeviceTokensTest {
    private static final String USER = "bob@example.org";
    @TempDir
    Path dir;

    @Test
    void tokensAccumulateAndReadBackJoined() throws Exception {
        Files.createDirectories(dir.resolve(USER));
        RelayMetadata md = new RelayMetadata(new DeviceTokens(dir::resolve, Clock.systemUTC(), PushRules.chatmail()),
                new SharedEntries(java.util.Map.of()));
        assertThat(md.set(USER, "INBOX", "/private/devicetoken", "1111")).isTrue();
        assertThat(md.set(USER, "INBOX", "/private/devicetoken", "2222")).isTrue();
        assertThat(md.set(USER, "INBOX", "/private/devicetoken", "1111")).isTrue();
        assertThat(md.get(USER, "INBOX", "/private/devicetoken")).contains("1111 2222");
        assertThat(Files.readString(dir.resolve(USER).resolve("metadata.json"))).contains("devicetoken", "1111", "2222");
        assertThat(md.set(USER, "", "/shared/comment", "x")).as("server entries are read-only").isFalse();
        assertThat(md.set(USER, "INBOX", "/private/devicetoken", null)).isTrue();
        assertThat(md.get(USER, "INBOX", "/private/devicetoken")).isEmpty();
    }

    @Test
    void oneTokenPerUserReplaces() throws Exception {
        Files.createDirectories(dir.resolve(USER));
        DeviceTokens t = new DeviceTokens(dir::resolve, Clock.systemUTC(), PushRules.chatmail().withTokensPerUser(1));
        t.add(USER, "a");
        t.add(USER, "b");
        assertThat(t.tokens(USER)).containsExactly("b");
    }

    @Test
    void oldTokensAndLegacyListForm() throws Exception {
        Files.createDirectories(dir.resolve(USER));
        Files.writeString(dir.resolve(USER).resolve("metadata.json"), "{\"devicetoken\": [\"x\", \"y\"]}");
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        DeviceTokens t = new DeviceTokens(dir::resolve, Clock.fixed(now, ZoneOffset.UTC), PushRules.chatmail());
        assertThat(t.tokens(USER)).containsExactly("x", "y");
        t.add(USER, "z");
        DeviceTokens later = new DeviceTokens(dir::resolve, Clock.fixed(now.plus(Duration.ofDays(91)), ZoneOffset.UTC),
                PushRules.chatmail());
        assertThat(later.tokens(USER)).as("90 days without a SET").isEmpty();
    }

    @Test
    void sharedEntriesFromParams() throws Exception {
        var params = TestRelayConfig.domain("c.test").param("privacy_mail", "privacy@c.test").parse(dir).params();
        SharedEntries e = SharedEntries.chatmail(params, 1000, java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty());
        assertThat(e.get("/shared/admin")).contains("mailto:privacy@c.test");
        assertThat(e.get("/shared/vendor/deltachat/irohrelay")).as("no iroh relay runs here").isEmpty();
        assertThat(e.get("/shared/vendor/deltachat/MAXSMTPRECIPIENTS")).contains("1000");
        assertThat(e.get("/shared/vendor/deltachat/turn")).isEmpty();
    }

    @Test
    void senderOfAMessage() {
        assertThat(DeliveryTrigger.fromAddress("Subject: x\r\nFrom: Alice\r\n <Alice@Example.org>\r\n\r\nFrom: <b@c>"))
                .contains("alice@example.org");
        assertThat(DeliveryTrigger.fromAddress("From: bob@x.test\r\n\r\n")).contains("bob@x.test");
        assertThat(DeliveryTrigger.fromAddress("To: a@b\r\n\r\n")).isEmpty();
    }
}
