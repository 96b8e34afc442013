package org.relaycert.server.dkim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaycert.server.delivery.Envelope;
import org.relaycert.server.delivery.Origin;
import org.relaycert.server.delivery.RejectedException;

class DkimRoundTripTest {
    private static final String MSG = "From: Alice <alice@a.test>\r\nTo: bob@b.test\r\nSubject: hi\r\n"
            + "Date: Wed, 25 Nov 2026 10:00:00 +0000\r\nMessage-ID: <1@a.test>\r\n\r\nhello  \r\n.dot\r\n";

    private static Envelope mx() {
        return new Envelope(Origin.MX, Optional.empty(), new InetSocketAddress("127.0.0.1", 1), true, "a.test",
                "alice@a.test", List.of("bob@b.test"));
    }

    @Test
    void signedMessageVerifiesAndAlterationsBreakIt(@TempDir Path dir) throws Exception {
        DkimKey key = DkimKey.loadOrCreate(dir.resolve("k.private"));
        assertThat(DkimKey.read(dir.resolve("k.private")).publicKey()).isEqualTo(key.publicKey());
        byte[] signed = new DkimSigner("a.test", "opendkim", key.privateKey(), Clock.systemUTC())
                .sign(MSG.getBytes(StandardCharsets.UTF_8));
        Map<String, String> dns = Map.of("opendkim._domainkey.a.test", key.txtRecord());
        DkimVerifier verifier = new DkimVerifier(name -> Optional.ofNullable(dns.get(name)));

        assertThat(verifier.verify(signed)).singleElement()
                .satisfies(r -> assertThat(r.valid()).as(r.reason()).isTrue())
                .satisfies(r -> assertThat(r.domain()).isEqualTo("a.test"));
        String text = new String(signed, StandardCharsets.UTF_8);
        assertThat(text).startsWith("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/simple; d=a.test; s=opendkim;");

        byte[] body = text.replace("hello", "hullo").getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.verify(body).get(0).reason()).isEqualTo("body hash mismatch");
        byte[] subject = text.replace("Subject: hi", "Subject: ho").getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.verify(subject).get(0).valid()).isFalse();
        // oversigned: a second Subject added on top breaks the signature
        byte[] extra = ("Subject: added\r\n" + text).getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.verify(extra).get(0).valid()).isFalse();
        // relaxed header canonicalization tolerates refolding
        byte[] refolded = text.replace("Subject: hi", "Subject:   hi ").getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.verify(refolded).get(0).valid()).isTrue();
    }

    @Test
    void inboundPolicyWantsAnAlignedValidSignatureAndCleanupStripsIt(@TempDir Path dir) throws Exception {
        DkimKey key = DkimKey.loadOrCreate(dir.resolve("k.private"));
        DkimKey other = DkimKey.loadOrCreate(dir.resolve("o.private"));
        Map<String, String> dns = Map.of("opendkim._domainkey.a.test", key.txtRecord(),
                "opendkim._domainkey.c.test", other.txtRecord());
        InboundDkimPolicy policy = new InboundDkimPolicy(new DkimVerifier(name -> Optional.ofNullable(dns.get(name))));
        byte[] plain = MSG.getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> policy.message(mx(), plain)).isInstanceOfSatisfying(RejectedException.class,
                e -> assertThat(e.reply().line()).isEqualTo("554 5.7.1 No DKIM signature found"));
        byte[] good = new DkimSigner("a.test", "opendkim", key.privateKey(), Clock.systemUTC()).sign(plain);
        assertThat(policy.message(mx(), good)).isEqualTo(good);
        byte[] foreign = new DkimSigner("c.test", "opendkim", other.privateKey(), Clock.systemUTC()).sign(plain);
        assertThatThrownBy(() -> policy.message(mx(), foreign)).isInstanceOfSatisfying(RejectedException.class,
                e -> assertThat(e.reply().line()).isEqualTo("554 5.7.1 No valid DKIM signature found"));
        byte[] wrongKey = new DkimSigner("a.test", "opendkim", other.privateKey(), Clock.systemUTC()).sign(plain);
        assertThatThrownBy(() -> policy.message(mx(), wrongKey)).isInstanceOf(RejectedException.class);

        byte[] withResults = ("Authentication-Results: x; dkim=pass\r\n" + new String(good, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        String cleaned = new String(new TraceHeaderCleanup().localCopy(mx(),
                org.relaycert.server.delivery.SpooledMessage.of(withResults)).bytes(), StandardCharsets.UTF_8);
        assertThat(cleaned).doesNotContainIgnoringCase("DKIM-Signature").doesNotContain("Authentication-Results")
                .isEqualTo(MSG);
    }

    @Test
    void fromDomainIgnoresCommentsAsInPostfixBounces() {
        assertThat(InboundDkimPolicy.fromDomain("MAILER-DAEMON@relay.test (Mail Delivery System)")).hasValue("relay.test");
        assertThat(InboundDkimPolicy.fromDomain("\"Alice (home)\" <alice@a.test>")).hasValue("a.test");
    }
}
