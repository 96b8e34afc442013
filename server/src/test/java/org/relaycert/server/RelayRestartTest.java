package org.relaycert.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import java.nio.file.Path;
import java.util.Date;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A relay stopped and started again on the same data keeps accounts, messages, flags, UIDs and dates. */
class RelayRestartTest {
    private static final String ALICE = "alice0001@" + RunningRelay.DOMAIN;
    private static final String BOB = "bob000001@" + RunningRelay.DOMAIN;
    private static final String PW_A = "alice-password-1";
    private static final String PW_B = "bob-password-123";

    @TempDir
    Path data;

    @Test
    void everythingSurvivesARestart() throws Exception {
        long uidValidity;
        long[] uids = new long[3];
        Date[] dates = new Date[3];
        try (RunningRelay relay = RunningRelay.start(data)) {
            relay.imap(ALICE, PW_A).close(); // first login creates alice
            for (int i = 0; i < 3; i++) {
                relay.submit(BOB, PW_B, ALICE, "message " + i, "body " + i); // first AUTH creates bob
            }
            try (Store store = relay.imap(ALICE, PW_A)) {
                IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
                inbox.open(Folder.READ_WRITE);
                assertThat(inbox.getMessageCount()).isEqualTo(3);
                uidValidity = inbox.getUIDValidity();
                for (int i = 0; i < 3; i++) {
                    Message m = inbox.getMessage(i + 1);
                    uids[i] = inbox.getUID(m);
                    dates[i] = m.getReceivedDate();
                }
                inbox.getMessage(1).setFlag(Flags.Flag.SEEN, true);
                inbox.getMessage(2).setFlags(new Flags("$MDNSent"), true);
                inbox.getMessage(3).setFlag(Flags.Flag.DELETED, true);
                inbox.close(true); // expunges the third, the highest UID
            }
        }
        try (RunningRelay relay = RunningRelay.start(data)) {
            assertThatThrownBy(() -> relay.imap(ALICE, "wrong-password-1")).isInstanceOf(AuthenticationFailedException.class);
            try (Store store = relay.imap(ALICE, PW_A)) {
                IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
                inbox.open(Folder.READ_WRITE);
                assertThat(inbox.getUIDValidity()).as("UIDVALIDITY").isEqualTo(uidValidity);
                assertThat(inbox.getMessageCount()).isEqualTo(2);
                Message first = inbox.getMessageByUID(uids[0]);
                Message second = inbox.getMessageByUID(uids[1]);
                assertThat(first.getSubject()).isEqualTo("message 0");
                assertThat(first.isSet(Flags.Flag.SEEN)).isTrue();
                assertThat(second.getFlags().contains("$MDNSent")).isTrue();
                assertThat(second.isSet(Flags.Flag.SEEN)).isFalse();
                assertThat(first.getReceivedDate()).isEqualTo(dates[0]);
                assertThat(second.getReceivedDate()).isEqualTo(dates[1]);
                assertThat(inbox.getUIDNext()).as("UIDNEXT never goes back").isGreaterThan(uids[2]);
            }
            relay.submit(BOB, PW_B, ALICE, "after restart", "new");
            try (Store store = relay.imap(ALICE, PW_A)) {
                IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                Message last = inbox.getMessage(inbox.getMessageCount());
                assertThat(last.getSubject()).isEqualTo("after restart");
                assertThat(inbox.getUID(last)).as("new UID above the expunged one").isGreaterThan(uids[2]);
            }
        }
    }
}
