package org.relaycert.server.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaycert.server.RawConnection;
import org.relaycert.server.Relay;
import org.relaycert.server.RelayExtensions;
import org.relaycert.server.Service;
import org.relaycert.server.TestRelayConfig;
import org.relaycert.server.TestTrust;

/** The relay's connection limits and new-account limits, over real sockets on a whole relay. */
class RelayLimitsTest {
    private static final String DOMAIN = "limits.test";
    private final MutableProbe probe = new MutableProbe();
    private final List<RawConnection> held = new ArrayList<>();
    private Relay relay;
    private SSLContext trust;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        relay = Relay.start(TestRelayConfig.domain(DOMAIN).dataDir(dir)
                .param("max_smtp_connections", 10).param("max_imap_connections", 3).parse(), Clock.systemUTC(),
                RelayExtensions.reference().withSystemProbe(probe).withMailPolicies(p -> List.of()));
        trust = TestTrust.trusting(relay.certificate());
    }

    @AfterEach
    void stop() throws Exception {
        for (RawConnection c : held) {
            c.close();
        }
        relay.close();
    }

    private RawConnection hold(RawConnection c) {
        held.add(c);
        return c;
    }

    @Test
    void oneClientAddressGetsAFifthOfTheSmtpConnections() throws Exception {
        InetSocketAddress mx = relay.address(Service.SMTP);
        RawConnection first = hold(RawConnection.open(mx));
        assertThat(first.line()).startsWith("220 ");
        assertThat(hold(RawConnection.open(mx)).line()).startsWith("220 ");

        RawConnection third = hold(RawConnection.open(mx));
        assertThat(third.line()).isEqualTo("421 4.7.0 " + DOMAIN + " Error: too many connections from 127.0.0.1");
        assertThat(third.line()).as("closed after the refusal").isNull();

        // another client address still has its share
        assertThat(hold(RawConnection.from(InetAddress.getByName("127.0.0.2"), mx)).line()).startsWith("220 ");

        first.send("QUIT\r\n");
        assertThat(first.line()).startsWith("221 ");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            try (RawConnection again = RawConnection.open(mx)) {
                assertThat(again.line()).startsWith("220 ");
            }
        });
    }

    @Test
    void imapConnectionsAreCountedAcrossBothPorts() throws Exception {
        InetSocketAddress imap = relay.address(Service.IMAP);
        assertThat(hold(RawConnection.open(imap)).line()).startsWith("* OK");
        assertThat(hold(RawConnection.open(imap)).line()).startsWith("* OK");
        assertThat(hold(RawConnection.tls(relay.address(Service.IMAPS), trust)).line()).startsWith("* OK");

        RawConnection fourth = hold(RawConnection.open(imap));
        assertThat(fourth.line()).isEqualTo("* BYE [UNAVAILABLE] Too many connections, try again later");
        assertThat(fourth.line()).isNull();
    }

    @Test
    void aFullDiskRefusesNewAccountsWhileExistingOnesKeepWorking() throws Exception {
        String existing = "existing1@" + DOMAIN;
        assertThat(login(existing, "a-long-password")).startsWith("a OK");

        probe.disk = OptionalLong.of(10L << 20); // 10 MiB free, below min_free_disk_space (1G)
        assertThat(login("newcomer1@" + DOMAIN, "a-long-password")).startsWith("a NO");
        assertThat(login(existing, "a-long-password")).as("existing account under the limit").startsWith("a OK");
        try (RawConnection smtps = RawConnection.tls(relay.address(Service.SMTPS), trust)) {
            assertThat(smtps.line()).startsWith("220 ");
            smtps.send("EHLO client.test\r\n");
            assertThat(smtps.lineStartingWith("250 ")).isNotNull();
            String token = java.util.Base64.getEncoder().encodeToString(("\0" + existing + "\0a-long-password").getBytes());
            smtps.send("AUTH PLAIN " + token + "\r\n");
            assertThat(smtps.line()).startsWith("235 ");
            smtps.send("MAIL FROM:<" + existing + ">\r\nRCPT TO:<" + existing + ">\r\nDATA\r\n");
            assertThat(smtps.line()).startsWith("250 ");
            assertThat(smtps.line()).startsWith("250 ");
            assertThat(smtps.line()).startsWith("354 ");
            smtps.send("Subject: still here\r\n\r\nhello\r\n.\r\n");
            assertThat(smtps.line()).as("existing users still send and receive").startsWith("250 ");
        }

        probe.disk = OptionalLong.of(10L << 30);
        assertThat(login("newcomer1@" + DOMAIN, "a-long-password")).as("creation resumes").startsWith("a OK");
    }

    @Test
    void literalsOverMaxMessageSizeAreRefusedUnreadAndTheSessionGoesOn() throws Exception {
        try (RawConnection c = RawConnection.tls(relay.address(Service.IMAPS), trust)) {
            assertThat(c.line()).startsWith("* OK");
            c.send("a LOGIN literal01@" + DOMAIN + " a-long-password\r\n");
            assertThat(c.lineStartingWith("a ")).startsWith("a OK");
            c.send("b APPEND INBOX {" + (31_457_280 + 1) + "}\r\n"); // max_message_size + 1, synchronizing
            assertThat(c.line()).as("refused at once, no continuation").matches("b (NO|BAD) .*");
            c.send("c APPEND INBOX {" + 31_457_280 + "}\r\n");
            assertThat(c.line()).as("exactly the limit is invited").startsWith("+ ");
        }
    }

    private String login(String user, String password) throws Exception {
        try (RawConnection c = RawConnection.tls(relay.address(Service.IMAPS), trust)) {
            assertThat(c.line()).startsWith("* OK");
            c.send("a LOGIN " + user + " " + password + "\r\n");
            return c.lineStartingWith("a ");
        }
    }
}
