package org.relaycert.server.expiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaycert.server.store.Folder;
import org.relaycert.server.store.MaildirStore;
import org.relaycert.server.store.MessageInfo;

class ExpirySweepTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Retention CHATMAIL = new Retention(Duration.ofDays(20), Duration.ofDays(7), 200_000,
            Duration.ofDays(90));
    @TempDir
    Path dir;
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    private MaildirStore storeWithUser(String address, Duration sinceLogin) throws Exception {
        MaildirStore store = new MaildirStore(dir, clock);
        store.mailbox(address);
        Path pw = store.userDirectory(address).resolve("password");
        Files.writeString(pw, "hash");
        Files.setLastModifiedTime(pw, FileTime.from(NOW.minus(sinceLogin)));
        return store;
    }

    private static byte[] message(int size) {
        byte[] b = new byte[size];
        java.util.Arrays.fill(b, (byte) 'x');
        byte[] head = "Subject: t\r\n\r\n".getBytes();
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }

    @Test
    void oldMailGoesByInternalDate() throws Exception {
        MaildirStore store = storeWithUser("a@x.test", Duration.ofDays(1));
        Folder inbox = store.mailbox("a@x.test").folder("INBOX");
        for (int days = 1; days <= 45; days++) {
            inbox.append(message(100), Set.of(), NOW.minus(Duration.ofDays(days)).plusSeconds(60));
        }
        Folder sub = store.mailbox("a@x.test").create("DeltaChat");
        sub.append(message(100), Set.of(), NOW.minus(Duration.ofDays(30)));
        SweepResult r = new ExpirySweep(store, clock, CHATMAIL, ExpiryRules.chatmail(), "password").sweep();
        assertThat(inbox.messages()).hasSize(20).allSatisfy(m ->
                assertThat(m.internalDate()).isAfter(NOW.minus(Duration.ofDays(20))));
        assertThat(sub.messages()).isEmpty();
        assertThat(r.messagesRemoved()).isEqualTo(26);
    }

    @Test
    void arrivalAgeIgnoresAnAppendedDate() throws Exception {
        MaildirStore store = storeWithUser("a@x.test", Duration.ofDays(1));
        Folder inbox = store.mailbox("a@x.test").folder("INBOX");
        inbox.append(message(100), Set.of(), NOW.minus(Duration.ofDays(45)));
        new ExpirySweep(store, clock, CHATMAIL, new ExpiryRules(MessageAge.ARRIVAL), "password").sweep();
        assertThat(inbox.messages()).hasSize(1);
        new ExpirySweep(store, clock, CHATMAIL, ExpiryRules.chatmail(), "password").sweep();
        assertThat(inbox.messages()).isEmpty();
    }

    @Test
    void largeSeenMailGoesEarlier() throws Exception {
        MaildirStore store = storeWithUser("a@x.test", Duration.ofDays(1));
        Folder inbox = store.mailbox("a@x.test").folder("INBOX");
        Instant tenDays = NOW.minus(Duration.ofDays(10));
        MessageInfo largeSeen = inbox.append(message(250_000), Set.of("\\Seen"), tenDays);
        MessageInfo largeUnseen = inbox.append(message(250_000), Set.of(), tenDays);
        MessageInfo smallSeen = inbox.append(message(1000), Set.of("\\Seen"), tenDays);
        MessageInfo largeFresh = inbox.append(message(250_000), Set.of("\\Seen"), NOW.minus(Duration.ofDays(2)));
        SweepResult r = new ExpirySweep(store, clock, CHATMAIL, ExpiryRules.chatmail(), "password").sweep();
        assertThat(inbox.messages()).extracting(MessageInfo::uid)
                .containsExactly(largeUnseen.uid(), smallSeen.uid(), largeFresh.uid()).doesNotContain(largeSeen.uid());
        assertThat(r.largeMessagesRemoved()).isEqualTo(1);
    }

    @Test
    void inactiveUsersAreRemovedWithTheirMail() throws Exception {
        MaildirStore store = storeWithUser("old@x.test", Duration.ofDays(91));
        store.mailbox("old@x.test").folder("INBOX").append(message(100), Set.of(), NOW);
        Path recent = store.userDirectory("new@x.test");
        store.mailbox("new@x.test");
        Files.writeString(recent.resolve("password"), "hash");
        store.mailbox("empty@x.test"); // no password file, no mail: a half-created account
        ExpirySweep sweep = new ExpirySweep(store, clock, CHATMAIL, ExpiryRules.chatmail(), "password");
        SweepResult r = sweep.sweep();
        assertThat(store.exists("old@x.test")).isFalse();
        assertThat(store.exists("empty@x.test")).as("kept once: it may be an account being created").isTrue();
        assertThat(store.exists("new@x.test")).isTrue();
        assertThat(r.usersRemoved()).isEqualTo(1);
        assertThat(sweep.sweep().usersRemoved()).isEqualTo(1);
        assertThat(store.exists("empty@x.test")).as("still empty at the next sweep").isFalse();
    }
}
