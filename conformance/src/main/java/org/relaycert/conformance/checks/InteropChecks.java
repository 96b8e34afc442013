package org.relaycert.conformance.checks;

import org.relaycert.conformance.interop.AttachmentDownload;
import org.relaycert.conformance.interop.GroupInvite;
import org.relaycert.conformance.interop.ReadReceipt;
import org.relaycert.conformance.interop.SecondDevice;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.relaycert.conformance.ConformanceCheck;
import org.relaycert.conformance.Evidence;
import org.relaycert.conformance.RequirementId;
import org.relaycert.conformance.interop.ClientFailures;
import org.relaycert.conformance.interop.ClientSession;
import org.relaycert.conformance.interop.CrossRelayPreflight;
import org.relaycert.conformance.interop.RealClient;
import org.relaycert.conformance.targets.Credentials;
import org.relaycert.conformance.targets.RelayUnderTest;
import org.relaycert.conformance.targets.Target;
import org.relaycert.fixtures.deltachat.DeltaChatAccount;
import org.relaycert.fixtures.deltachat.MessageSnapshot;

/**
 * Interop: the real Delta Chat client (deltachat-rpc-server) uses the target as its users would, and every
 * message arrives end-to-end encrypted ({@code showPadlock}). Cross-relay checks first ask the sender's
 * relay whether it takes the other domain's recipients at all; without federation they are not observable.
 */
@ExtendWith(ClientFailures.class)
@ConformanceCheck
class InteropChecks {
    /** Local delivery takes well under a second; this bounds how long a broken relay keeps a check waiting. */
    static final Duration ARRIVAL = Duration.ofSeconds(15);

    /** One text from a to b in a's chat; b's copy is returned after checking text and padlock. */
    static MessageSnapshot sendAndReceive(DeltaChatAccount from, int chat, DeltaChatAccount to, String label, Evidence ev) {
        String text = label + " " + UUID.randomUUID();
        long start = System.nanoTime();
        from.sendText(chat, text);
        MessageSnapshot got = to.awaitIncomingMessage(m -> !m.isInfo(), ARRIVAL);
        ev.figure("client_delivery_ms", (System.nanoTime() - start) / 1e6);
        ev.line(label + ": received text=" + got.text() + " showPadlock=" + got.showPadlock() + " error=" + got.error());
        assertThat(got.text()).as("%s: text as sent", label).isEqualTo(text);
        assertThat(got.showPadlock()).as("%s: end-to-end encrypted and signed (showPadlock)", label).isTrue();
        return got;
    }

    private static void oneToOne(Target t, RelayUnderTest relayA, RelayUnderTest relayB, Evidence ev) throws Exception {
        Credentials a = relayA.account();
        Credentials b = relayB.account();
        if (relayA != relayB) {
            CrossRelayPreflight.requireAccepted(t, relayA, a, List.of(b.address()), ev);
            CrossRelayPreflight.requireAccepted(t, relayB, b, List.of(a.address()), ev);
        }
        try (ClientSession s = RealClient.session()) {
            DeltaChatAccount alice = s.account(t, relayA, a, ev);
            DeltaChatAccount bob = s.account(t, relayB, b, ev);
            DeltaChatAccount.ChatPair chats = DeltaChatAccount.exchangeVcards(alice, bob);
            sendAndReceive(alice, chats.chatOfA(), bob, "a->b", ev);
            sendAndReceive(bob, chats.chatOfB(), alice, "b->a", ev);
        }
    }

    private static void secureJoin(Target t, RelayUnderTest relayA, RelayUnderTest relayB, Evidence ev) throws Exception {
        Credentials a = relayA.account();
        Credentials b = relayB.account();
        if (relayA != relayB) {
            CrossRelayPreflight.requireAccepted(t, relayA, a, List.of(b.address()), ev);
            CrossRelayPreflight.requireAccepted(t, relayB, b, List.of(a.address()), ev);
        }
        try (ClientSession s = RealClient.session()) {
            DeltaChatAccount inviter = s.account(t, relayA, a, ev);
            DeltaChatAccount joiner = s.account(t, relayB, b, ev);
            int chatOfJoiner = DeltaChatAccount.secureJoin(inviter, joiner, ARRIVAL);
            ev.line("Secure-Join handshake completed on both sides (progress 1000)");
            MessageSnapshot atInviter = sendAndReceive(joiner, chatOfJoiner, inviter, "joiner->inviter", ev);
            sendAndReceive(inviter, atInviter.chatId(), joiner, "inviter->joiner", ev);
        }
    }

    @Test
    @RequirementId("IOP-01")
    void oneToOneOnOneRelay(Target t, Evidence ev) throws Exception {
        oneToOne(t, t.primary(), t.primary(), ev);
    }

    @Test
    @RequirementId("IOP-02")
    void oneToOneAcrossRelays(Target t, Evidence ev) throws Exception {
        oneToOne(t, t.primary(), CrossRelayPreflight.secondRelay(t), ev);
    }

    @Test
    @RequirementId("IOP-03")
    void secureJoinOnOneRelay(Target t, Evidence ev) throws Exception {
        secureJoin(t, t.primary(), t.primary(), ev);
    }

    @Test
    @RequirementId("IOP-04")
    void secureJoinAcrossRelays(Target t, Evidence ev) throws Exception {
        secureJoin(t, t.primary(), CrossRelayPreflight.secondRelay(t), ev);
    }

    @Test
    @RequirementId("IOP-05")
    void groupOfFiveAcrossRelays(Target t, Evidence ev) throws Exception {
        CrossRelayPreflight.secondRelay(t);
        List<RelayUnderTest> relays = t.relays().subList(0, Math.min(3, t.relays().size()));
        RelayUnderTest home = relays.get(0);
        List<RelayUnderTest> memberRelays = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            memberRelays.add(relays.get((i + 1) % relays.size()));
        }
        Credentials creator = home.account();
        List<Credentials> members = new ArrayList<>();
        for (RelayUnderTest r : memberRelays) {
            members.add(r.account());
        }
        List<String> all = Stream.concat(Stream.of(creator), members.stream()).map(Credentials::address).toList();
        CrossRelayPreflight.requireAccepted(t, home, creator, all.subList(1, all.size()), ev);
        for (RelayUnderTest r : relays.subList(1, relays.size())) {
            List<String> elsewhere = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if ((i == 0 ? home : memberRelays.get(i - 1)) != r) {
                    elsewhere.add(all.get(i));
                }
            }
            CrossRelayPreflight.requireAccepted(t, r, members.get(memberRelays.indexOf(r)), elsewhere, ev);
        }
        ev.line("group spread over " + relays.stream().map(RelayUnderTest::domain).toList());
        try (ClientSession s = RealClient.session()) {
            DeltaChatAccount owner = s.account(t, home, creator, ev);
            List<DeltaChatAccount> clients = new ArrayList<>();
            for (int i = 0; i < members.size(); i++) {
                clients.add(s.account(t, memberRelays.get(i), members.get(i), ev));
            }
            int group = owner.createGroup("relaycert group " + UUID.randomUUID().toString().substring(0, 8));
            for (DeltaChatAccount m : clients) {
                DeltaChatAccount.exchangeVcards(owner, m);
                owner.addContactToChat(group, owner.lookupContact(m.getConfig("addr")));
            }
            String hello = "hello group " + UUID.randomUUID();
            owner.sendText(group, hello);
            List<MessageSnapshot> received = new ArrayList<>();
            for (DeltaChatAccount m : clients) {
                MessageSnapshot got = m.awaitIncomingMessage(x -> !x.isInfo(), ARRIVAL);
                ev.line("member " + m.getConfig("addr") + ": text=" + got.text() + " showPadlock=" + got.showPadlock());
                assertThat(got.text()).as("group message at %s", m.getConfig("addr")).isEqualTo(hello);
                assertThat(got.showPadlock()).as("group message at %s encrypted", m.getConfig("addr")).isTrue();
                received.add(got);
            }
            // a member on the other relay answers: it encrypts to keys it learnt only from the group message (gossip)
            String reply = "reply " + UUID.randomUUID();
            clients.get(0).sendText(received.get(0).chatId(), reply);
            for (DeltaChatAccount other : Stream.concat(Stream.of(owner), clients.stream().skip(1)).toList()) {
                MessageSnapshot got = other.awaitIncomingMessage(x -> !x.isInfo(), ARRIVAL);
                ev.line("reply at " + other.getConfig("addr") + ": text=" + got.text() + " showPadlock=" + got.showPadlock());
                assertThat(got.text()).as("member's reply at %s", other.getConfig("addr")).isEqualTo(reply);
                assertThat(got.showPadlock()).as("member's reply at %s encrypted", other.getConfig("addr")).isTrue();
            }
        }
    }

    @Test
    @RequirementId("IOP-06")
    void largeAttachmentArrivesWhole(Target t, Evidence ev) throws Exception {
        byte[] content = new byte[150 * 1024];
        new Random(1406).nextBytes(content);
        Path dir = Files.createTempDirectory("relaycert-attachment-");
        Path file = Files.write(dir.resolve("payload.bin"), content);
        try (ClientSession s = RealClient.session()) {
            DeltaChatAccount alice = s.account(t, t.primary(), ev);
            DeltaChatAccount bob = s.account(t, t.primary(), ev);
            DeltaChatAccount.ChatPair chats = DeltaChatAccount.exchangeVcards(alice, bob);
            int sent = alice.sendFile(chats.chatOfA(), "attachment", file);
            MessageSnapshot delivered = alice.awaitDelivered(sent, ARRIVAL);
            ev.line("sender: state=" + delivered.state() + " error=" + delivered.error());
            MessageSnapshot first = bob.awaitIncomingMessage(m -> !m.isInfo(), ARRIVAL);
            MessageSnapshot whole = AttachmentDownload.awaitComplete(bob, first.id(), content.length, ARRIVAL);
            String path = whole.raw().path("file").asText("");
            ev.line("receiver: downloadState=" + whole.raw().path("downloadState").asText()
                    + " fileBytes=" + whole.raw().path("fileBytes").asLong() + " showPadlock=" + whole.showPadlock());
            assertThat(path).as("received message has a file").isNotBlank();
            assertThat(Files.readAllBytes(Path.of(path))).as("attachment bytes as sent (%d bytes)", content.length)
                    .isEqualTo(content);
            assertThat(whole.showPadlock()).as("attachment message encrypted").isTrue();
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    @Test
    @RequirementId("IOP-07")
    void secondDeviceGetsSelfCopy(Target t, Evidence ev) throws Exception {
        Path backups = Files.createTempDirectory("relaycert-backup-");
        try (ClientSession s = RealClient.session()) {
            DeltaChatAccount first = s.account(t, t.primary(), ev);
            DeltaChatAccount bob = s.account(t, t.primary(), ev);
            first.setConfig("bcc_self", "1");
            DeltaChatAccount.ChatPair chats = DeltaChatAccount.exchangeVcards(first, bob);
            DeltaChatAccount second = SecondDevice.of(s, first, backups, ev);
            String text = "from my first device " + UUID.randomUUID();
            first.sendText(chats.chatOfA(), text);
            MessageSnapshot copy = second.awaitAnyMessage(m -> text.equals(m.text()), ARRIVAL);
            ev.line("second device: fromId=" + copy.fromId() + " showPadlock=" + copy.showPadlock());
            assertThat(copy.fromId()).as("the copy is the account's own outgoing message").isEqualTo(DeltaChatAccount.SELF_CONTACT_ID);
            assertThat(copy.showPadlock()).as("the copy is encrypted").isTrue();
            MessageSnapshot atBob = bob.awaitIncomingMessage(m -> text.equals(m.text()), ARRIVAL);
            assertThat(atBob.showPadlock()).as("the recipient's copy is encrypted").isTrue();
        } finally {
            try (var files = Files.list(backups)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(backups);
        }
    }

    @Test
    @RequirementId("IOP-08")
    void secureJoinGroupAcrossRelays(Target t, Evidence ev) throws Exception {
        RelayUnderTest home = t.primary();
        RelayUnderTest away = CrossRelayPreflight.secondRelay(t);
        Credentials a = home.account();
        Credentials b = away.account();
        CrossRelayPreflight.requireAccepted(t, home, a, List.of(b.address()), ev);
        CrossRelayPreflight.requireAccepted(t, away, b, List.of(a.address()), ev);
        try (ClientSession s = RealClient.session()) {
            DeltaChatAccount inviter = s.account(t, home, a, ev);
            DeltaChatAccount joiner = s.account(t, away, b, ev);
            int group = inviter.createGroup("relaycert invite " + UUID.randomUUID().toString().substring(0, 8));
            GroupInvite.Joined joined = GroupInvite.join(inviter, group, joiner, ARRIVAL, ev);
            MessageSnapshot atJoiner = sendAndReceive(inviter, group, joiner, "inviter->group", ev);
            assertThat(atJoiner.chatId()).as("the inviter's group message lands in the group the joiner joined")
                    .isEqualTo(joined.chatOfJoiner());
            sendAndReceive(joiner, atJoiner.chatId(), inviter, "joiner->group", ev);
        }
    }

    @Test
    @RequirementId("IOP-09")
    void readReceiptsAcrossRelays(Target t, Evidence ev) throws Exception {
        RelayUnderTest home = t.primary();
        RelayUnderTest away = CrossRelayPreflight.secondRelay(t);
        Credentials a = home.account();
        Credentials b = away.account();
        CrossRelayPreflight.requireAccepted(t, home, a, List.of(b.address()), ev);
        CrossRelayPreflight.requireAccepted(t, away, b, List.of(a.address()), ev);
        try (ClientSession s = RealClient.session()) {
            DeltaChatAccount sender = s.account(t, home, a, ev);
            DeltaChatAccount reader = s.account(t, away, b, ev);
            ReadReceipt.Result result = ReadReceipt.roundTrip(sender, reader, ARRIVAL, ev);
            assertThat(result.atSender().state()).as("sender's message state after the receipt (28 = read)")
                    .isEqualTo(MessageSnapshot.STATE_READ);
            assertThat(result.errors()).as("Error/MsgFailed events on either side while the receipt travelled")
                    .isEmpty();
        }
    }
}
