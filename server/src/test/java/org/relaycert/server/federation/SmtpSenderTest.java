package org.relaycert.server.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaycert.server.delivery.Reply;
import org.relaycert.server.dkim.DkimKey;
import org.relaycert.server.tls.TlsMaterial;

/** The SMTP client towards other relays: spec 2.2's TLS exceptions and how busy or temporary replies come back. */
class SmtpSenderTest {
    private static final String RCPT = "bob@peer.example";
    private static final byte[] MESSAGE = "Subject: hi\r\n\r\n.leading dot\r\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    static Path dir;
    /** A self-signed certificate no outbound trust store knows, as on {@code _}-named and IP-literal relays. */
    static SSLContext selfSigned;
    private final SmtpSender sender = new SmtpSender("relay.example", new OutboundTrust(Optional.empty()));

    @BeforeAll
    static void certificate() throws Exception {
        TlsMaterial m = TlsMaterial.selfSigned(dir, "_peer.example", List.of());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        Certificate[] chain;
        try (InputStream in = Files.newInputStream(m.certificateChain())) {
            chain = CertificateFactory.getInstance("X.509").generateCertificates(in).toArray(Certificate[]::new);
        }
        ks.setKeyEntry("relay", DkimKey.read(m.privateKey()).privateKey(), new char[0], chain);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, new char[0]);
        selfSigned = SSLContext.getInstance("TLS");
        selfSigned.init(kmf.getKeyManagers(), null, null);
    }

    private Attempt send(FakeMx mx, String host, DestinationTls tls) {
        return sender.send(host, InetAddress.getLoopbackAddress(), mx.port(), tls, "alice@relay.example", List.of(RCPT),
                MESSAGE);
    }

    @Test
    void underscoreAndLiteralDestinationsTakeAnyCertificateButStillUseTls() throws Exception {
        try (FakeMx mx = new FakeMx("220 peer ESMTP", "250 2.1.5 ok", selfSigned)) {
            Attempt a = send(mx, "_peer.example", DestinationTls.ANY_CERTIFICATE);
            assertThat(a.connected()).as("%s", a.connectFailure()).isTrue();
            assertThat(a.replies().get(RCPT).positive()).isTrue();
            assertThat(mx.data.get(10, TimeUnit.SECONDS)).contains("Subject: hi").contains("..leading dot");
        }
    }

    @Test
    void otherDestinationsRefuseAnUnverifiableCertificate() throws Exception {
        try (FakeMx mx = new FakeMx("220 peer ESMTP", "250 2.1.5 ok", selfSigned)) {
            Attempt a = send(mx, "peer.example", DestinationTls.VERIFIED);
            assertThat(a.connected()).isFalse();
            assertThat(a.connectFailure()).startsWith("TLS with peer.example failed");
            assertThat(mx.data).failsWithin(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void verifiedDestinationsWithoutStartTlsGetNothing() throws Exception {
        try (FakeMx mx = new FakeMx("220 peer ESMTP", "250 2.1.5 ok", null)) {
            Attempt a = send(mx, "peer.example", DestinationTls.VERIFIED);
            assertThat(a.connectFailure()).isEqualTo("no STARTTLS offered by peer.example");
        }
    }

    @Test
    void plaintextDestinationsAreDeliveredWithoutStartTls() throws Exception {
        try (FakeMx mx = new FakeMx("220 nauta ESMTP", "250 2.1.5 ok", null)) {
            Attempt a = send(mx, "nauta.cu", DestinationTls.PLAINTEXT);
            assertThat(a.replies().get(RCPT).positive()).isTrue();
            assertThat(mx.data.get(10, TimeUnit.SECONDS)).contains("Subject: hi");
        }
    }

    @Test
    void aBusyGreetingIsNoAnswerSoTheNextHostOrALaterRetryFollows() throws Exception {
        try (FakeMx mx = new FakeMx("421 4.3.2 Transport busy", "250 2.1.5 ok", null)) {
            Attempt a = send(mx, "nauta.cu", DestinationTls.PLAINTEXT);
            assertThat(a.connected()).isFalse();
            assertThat(a.connectFailure()).isEqualTo("greeting 421 4.3.2 Transport busy");
        }
    }

    @Test
    void aTemporaryRcptReplyComesBackAsADeferral() throws Exception {
        try (FakeMx mx = new FakeMx("220 peer ESMTP", "450 4.2.1 Mailbox busy, try later", null)) {
            Attempt a = send(mx, "nauta.cu", DestinationTls.PLAINTEXT);
            Reply r = a.replies().get(RCPT);
            assertThat(r.code()).isEqualTo(450);
            assertThat(r.transientFailure()).isTrue();
        }
    }
}
