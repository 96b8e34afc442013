package org.relaycert.server.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaycert.server.TestRelayConfig;
import org.relaycert.server.account.AccountService;
import org.relaycert.server.account.CreationGate;
import org.relaycert.server.config.ChatmailParams;
import org.relaycert.server.policy.ForgedReturnPath;
import org.relaycert.server.store.MaildirStore;

/** Unknown local users accepted at RCPT and bounced afterwards; the envelope reset for forged return paths. */
class UnknownRecipientBounceTest {
    private static final String ALICE = "alice1234@relay.test";
    private static final String NOBODY = "nobody123@relay.test";
    private static final String PEER_USER = "bob123456@peer.test";

    record Notice(String returnPath, Map<String, Reply> failed) {
    }

    @TempDir
    Path dir;
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T03:00:00Z"), ZoneOffset.UTC);
    private final List<Notice> notices = new ArrayList<>();
    private ChatmailParams params;
    private MaildirStore store;
    private AccountService accounts;

    @BeforeEach
    void relay() throws Exception {
        params = TestRelayConfig.domain("relay.test").parse(dir).params();
        store = new MaildirStore(dir.resolve("mail"), clock);
        accounts = new AccountService(params, store, clock, CreationGate.OPEN);
        assertThat(accounts.authenticate(ALICE, "a-long-password")).isPresent();
    }

    private RelayMailIntake intake(BounceRules rules, long quota) {
        return new RelayMailIntake(params, accounts, new LocalDelivery(store, clock, quota), RemoteDelivery.NONE, List.of())
                .withBounces(rules, (to, message, failed) -> notices.add(new Notice(to, failed)), ForgedReturnPath.per(rules));
    }

    private RelayMailIntake chatmail() {
        return intake(BounceRules.chatmail(), params.maxMailboxSize());
    }

    private static Envelope port25(String mailFrom, List<String> rcpts) {
        return new Envelope(Origin.MX, Optional.empty(), new InetSocketAddress("127.0.0.1", 2525), true, "peer.test",
                mailFrom, rcpts);
    }

    private static byte[] from(String from) {
        return ("From: " + from + "\r\nTo: " + NOBODY + "\r\nSubject: [...]\r\n\r\nhello\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private Reply send(RelayMailIntake intake, Envelope e, byte[] message) throws RejectedException {
        intake.sender(e, message.length);
        for (String r : e.recipients()) {
            intake.recipient(e, r);
        }
        return intake.message(e, message);
    }

    @Test
    void unknownUserIsAcceptedAtRcptLikeAKnownOne() throws Exception {
        Envelope e = port25(PEER_USER, List.of());
        assertThat(chatmail().recipient(e, NOBODY)).isEqualTo(NOBODY);
        assertThat(chatmail().recipient(e, ALICE)).isEqualTo(ALICE);
    }

    @Test
    void unknownUserBouncesToTheSenderWhileKnownRecipientsGetTheirCopy() throws Exception {
        Reply r = send(chatmail(), port25(PEER_USER, List.of(ALICE, NOBODY)), from(PEER_USER));
        assertThat(r.code()).isEqualTo(250);
        assertThat(store.mailbox(ALICE).folder("INBOX").messages()).hasSize(1);
        assertThat(store.exists(NOBODY)).as("no mailbox made for an unknown user").isFalse();
        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.returnPath()).isEqualTo(PEER_USER);
            assertThat(n.failed()).containsOnlyKeys(NOBODY);
            assertThat(n.failed().get(NOBODY).line()).startsWith("550 5.1.1");
        });
    }

    @Test
    void forgedReturnPathIsResetSoNoBounceGoesToIt() throws Exception {
        Reply r = send(chatmail(), port25(PEER_USER, List.of(NOBODY)), from("mallory12@elsewhere.test"));
        assertThat(r.code()).as("a From that differs from MAIL FROM is not refused").isEqualTo(250);
        assertThat(notices).isEmpty();
    }

    @Test
    void fromMatchingTheEnvelopeInAnyCaseKeepsTheReturnPath() throws Exception {
        send(chatmail(), port25(PEER_USER, List.of(NOBODY)), from("Bob <BOB123456@Peer.Test>"));
        assertThat(notices).singleElement().extracting(Notice::returnPath).isEqualTo(PEER_USER);
    }

    @Test
    void keptReturnPathBouncesToAForgedSender() throws Exception {
        send(intake(BounceRules.chatmail().withResetForgedReturnPath(false), params.maxMailboxSize()),
                port25(PEER_USER, List.of(NOBODY)), from("mallory12@elsewhere.test"));
        assertThat(notices).singleElement().extracting(Notice::returnPath).isEqualTo(PEER_USER);
    }

    @Test
    void nullSenderNeverBounces() throws Exception {
        assertThat(send(chatmail(), port25("", List.of(NOBODY)), from("MAILER-DAEMON@peer.test")).code()).isEqualTo(250);
        assertThat(notices).isEmpty();
    }

    @Test
    void fullMailboxBouncesWithDovecotsWords() throws Exception {
        Reply r = send(intake(BounceRules.chatmail(), 10), port25(PEER_USER, List.of(ALICE)), from(PEER_USER));
        assertThat(r.code()).isEqualTo(250);
        assertThat(notices).singleElement().satisfies(n -> assertThat(n.failed().get(ALICE).line())
                .isEqualTo("552 5.2.2 Quota exceeded (mailbox for user is full)"));
    }

    @Test
    void refusingAtRcptIsPostfixsDefault() {
        RelayMailIntake postfix = intake(BounceRules.chatmail().withUnknownRecipients(BounceRules.UnknownRecipients.REFUSE_AT_RCPT),
                params.maxMailboxSize());
        assertThatThrownBy(() -> postfix.recipient(port25(PEER_USER, List.of()), NOBODY))
                .isInstanceOfSatisfying(RejectedException.class, x -> assertThat(x.reply().line()).startsWith("550 5.1.1"));
    }

    @Test
    void withoutABouncePathUnknownUsersAreRefusedAtRcpt() {
        RelayMailIntake noBounces = new RelayMailIntake(params, accounts, new LocalDelivery(store, clock, 1 << 20),
                RemoteDelivery.NONE, List.of());
        assertThatThrownBy(() -> noBounces.recipient(port25(PEER_USER, List.of()), NOBODY))
                .isInstanceOfSatisfying(RejectedException.class, x -> assertThat(x.reply().code()).isEqualTo(550));
    }

    @Test
    void discardingDropsSilently() throws Exception {
        RelayMailIntake discard = intake(BounceRules.chatmail().withUnknownRecipients(BounceRules.UnknownRecipients.DISCARD),
                params.maxMailboxSize());
        assertThat(send(discard, port25(PEER_USER, List.of(NOBODY)), from(PEER_USER)).code()).isEqualTo(250);
        assertThat(notices).isEmpty();
        assertThat(store.exists(NOBODY)).isFalse();
    }

    @Test
    void routingSyntaxInALocalAddressIsRefusedAsRelaying() {
        for (String routed : List.of("victim%elsewhere.test@relay.test", "elsewhere.test!victim@relay.test",
                "\"victim@elsewhere.test\"@relay.test")) {
            assertThatThrownBy(() -> chatmail().recipient(port25(PEER_USER, List.of()), routed)).as(routed)
                    .isInstanceOfSatisfying(RejectedException.class, x -> assertThat(x.reply().line()).startsWith("554 5.7.1"));
        }
    }

    @Test
    void localPartsNoMailboxCanHaveAreSyntaxErrors() throws Exception {
        assertThat(chatmail().recipient(port25(PEER_USER, List.of()), "postmaster@relay.test"))
                .as("a name too long for an account is still taken (and bounced)").isEqualTo("postmaster@relay.test");
        for (String bad : List.of("../../x@relay.test", "a\u0001b@relay.test", "a/b@relay.test", "a+b@relay.test")) {
            assertThatThrownBy(() -> chatmail().recipient(port25(PEER_USER, List.of()), bad)).as(bad)
                    .isInstanceOfSatisfying(RejectedException.class, x -> assertThat(x.reply().line()).startsWith("501 5.1.3"));
        }
    }
}
