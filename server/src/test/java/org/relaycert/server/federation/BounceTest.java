package org.relaycert.server.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaycert.server.delivery.Reply;
import org.relaycert.server.dkim.DkimKey;
import org.relaycert.server.dkim.DkimSigner;
import org.relaycert.server.dkim.DkimVerifier;

/** The DSN a relay sends: RFC 3464 structure, and a signature that verifies after it was made. */
class BounceTest {
    private static final String ORIGINAL = "From: bob123456@peer.test\r\nTo: nobody123@relay.test\r\nSubject: [...]\r\n"
            + "In-Reply-To: <token@test>\r\nMIME-Version: 1.0\r\n\r\nbody\r\n";

    @Test
    void dsnIsAReportAndItsSignatureVerifies(@TempDir Path dir) throws Exception {
        QueuedMessage original = new QueuedMessage("id1", "bob123456@peer.test", List.of("nobody123@relay.test"),
                Instant.parse("2026-11-26T03:00:00Z"), 0, ORIGINAL.getBytes(StandardCharsets.UTF_8));
        byte[] dsn = Bounce.of("relay.test", original,
                Map.of("nobody123@relay.test", Reply.of(550, "5.1.1", "<nobody123@relay.test> User doesn't exist")),
                Instant.parse("2026-11-26T03:00:01Z"));
        String text = new String(dsn, StandardCharsets.UTF_8);
        assertThat(text).contains("report-type=delivery-status").contains("Content-Type: message/delivery-status")
                .contains("Final-Recipient: rfc822; nobody123@relay.test").contains("Action: failed")
                .contains("Status: 5.1.1").contains("Auto-Submitted: auto-replied").contains("In-Reply-To: <token@test>");
        DkimKey key = DkimKey.loadOrCreate(dir.resolve("k.private"));
        byte[] signed = new DkimSigner("relay.test", "opendkim", key.privateKey(), Clock.systemUTC()).sign(dsn);
        Map<String, String> dns = Map.of("opendkim._domainkey.relay.test", key.txtRecord());
        assertThat(new DkimVerifier(name -> Optional.ofNullable(dns.get(name))).verify(signed)).singleElement()
                .satisfies(r -> assertThat(r.valid()).as(r.reason()).isTrue());
    }
}
