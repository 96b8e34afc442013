package org.relaycert.conformance.external;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.relaycert.wire.ImapResponse;
import org.relaycert.wire.ImapSession;
import org.relaycert.wire.SmtpReply;
import org.relaycert.wire.SmtpSession;
import org.relaycert.conformance.targets.Credentials;
import org.relaycert.conformance.targets.ExternalTarget;
import org.relaycert.fixtures.mail.MessageFactory;
import org.relaycert.conformance.settings.Settings;

/**
 * The suite's encrypted test mail is what chatmail's real filter lets through: submitted to the chatmail relay of
 * {@code ../shared/peer} (upstream filtermail, Postfix, Dovecot), it is taken and delivered; the same message with
 * the armor header PGPainless writes by default ({@code Version:}) is refused with 523, so the filter is really
 * judging. Skips when that relay is not running (CI starts it before {@code ./mvnw verify}).
 */
class SuiteMailThroughChatmailFilterIT {
    private static final String DOMAIN = "chat-a.test";
    private static final String ADDRESS = "127.0.0.10";
    private static ExternalTarget peer;

    @BeforeAll
    static void peerRelay() {
        Assumptions.assumeTrue(listening(ADDRESS, 465) && listening(ADDRESS, 993),
                "the chatmail relay of ../shared/peer is not running on " + ADDRESS + " (peer.sh start)");
        Map<String, String> settings = Map.of("chatmail.target", DOMAIN, "chatmail.host", ADDRESS,
                "chatmail.insecure", "true", "chatmail.bind", "127.0.0.2");
        peer = new ExternalTarget(new Settings(settings));
    }

    @Test
    void chatMessageIsTakenAndDelivered() throws Exception {
        Credentials a = peer.primary().account();
        Credentials b = peer.primary().account();
        String message = MessageFactory.encrypted(a.address(), List.of(b.address()));
        assertThat(submit(a, b, message).code()).as("the suite's encrypted message at chatmail's filter").isEqualTo(250);
        assertThat(awaitInbox(b, messageId(message))).as("delivered to " + b.address()).isTrue();
    }

    @Test
    void largeMessageWithStreamedSeipdIsTaken() throws Exception {
        Credentials a = peer.primary().account();
        Credentials b = peer.primary().account();
        String message = MessageFactory.encryptedOfSize(a.address(), b.address(), 300_000);
        assertThat(submit(a, b, message).code()).as("300 kB encrypted (partial-length SEIPD)").isEqualTo(250);
    }

    @Test
    void theSameMessageWithAVersionArmorHeaderIsRefused() throws Exception {
        Credentials a = peer.primary().account();
        Credentials b = peer.primary().account();
        String message = MessageFactory.encrypted(a.address(), List.of(b.address()))
                .replace("-----BEGIN PGP MESSAGE-----\r\n", "-----BEGIN PGP MESSAGE-----\r\nVersion: PGPainless\r\n");
        SmtpReply r = submit(a, b, message);
        assertThat(r.code()).as("armor with Version: (what the suite sent before): %s", r).isEqualTo(523);
    }

    private static SmtpReply submit(Credentials from, Credentials to, String message) throws IOException {
        try (SmtpSession s = SmtpSession.open(peer.primary().smtps(), peer.trust())) {
            s.ehlo("relaycert.test");
            assertThat(s.authPlain(from.address(), from.password()).positive()).as("AUTH as " + from.address()).isTrue();
            SmtpReply r = s.sendMail(from.address(), List.of(to.address()), message.getBytes(StandardCharsets.UTF_8));
            s.quit();
            return r;
        }
    }

    private static boolean awaitInbox(Credentials c, String messageId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        try (ImapSession s = ImapSession.open(peer.primary().imaps(), peer.trust())) {
            assertThat(s.login(c.address(), c.password()).ok()).as("login " + c.address()).isTrue();
            while (System.nanoTime() < deadline) {
                ImapResponse select = s.command("SELECT INBOX");
                if (select.untagged().stream().noneMatch(l -> l.matches("\\* 0 EXISTS"))
                        && s.command("FETCH 1:* BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]").untagged().stream()
                        .anyMatch(l -> l.contains(messageId))) {
                    return true;
                }
                Thread.sleep(200);
            }
            return false;
        }
    }

    private static String messageId(String message) {
        int at = message.indexOf("Message-ID: <") + "Message-ID: <".length();
        return message.substring(at, message.indexOf('>', at));
    }

    private static boolean listening(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
