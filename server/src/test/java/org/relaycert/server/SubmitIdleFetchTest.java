package org.relaycert.server;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jakarta Mail end to end on one relay: submit over 465, the recipient in IDLE hears of it, then fetches it. */
class SubmitIdleFetchTest {
    @TempDir
    Path data;

    @Test
    void idlingClientHearsOfSubmittedMessageAndFetchesIt() throws Exception {
        String alice = "alice0002@" + RunningRelay.DOMAIN;
        String bob = "bob000002@" + RunningRelay.DOMAIN;
        try (RunningRelay relay = RunningRelay.start(data);
             Store store = relay.imap(alice, "alice-password-2")) {
            relay.submit(bob, "bob-password-222", bob, "create bob", "x"); // bob exists after his first AUTH
            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            CountDownLatch added = new CountDownLatch(1);
            inbox.addMessageCountListener(new MessageCountAdapter() {
                @Override
                public void messagesAdded(MessageCountEvent e) {
                    added.countDown();
                }
            });
            CompletableFuture<Void> idling = CompletableFuture.runAsync(() -> {
                try {
                    while (added.getCount() > 0) {
                        inbox.idle(true);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // Submit only once the IDLE command is on the wire, so the EXISTS must come from IDLE itself.
            org.awaitility.Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> inboxIsIdling(inbox));
            relay.submit(bob, "bob-password-222", alice, "hello", "line one\r\n.leading dot\r\n");
            assertThat(added.await(10, TimeUnit.SECONDS)).as("EXISTS announced during IDLE").isTrue();
            idling.get(10, TimeUnit.SECONDS);
            Message m = inbox.getMessage(inbox.getMessageCount());
            assertThat(m.getSubject()).isEqualTo("hello");
            assertThat(((String) m.getContent()).replace("\r\n", "\n")).isEqualTo("line one\n.leading dot\n");
        }
    }

    /** Angus Mail exposes no "in IDLE" flag; its idle state shows as the folder's protocol being in use. */
    private static boolean inboxIsIdling(IMAPFolder inbox) {
        try {
            java.lang.reflect.Field f = IMAPFolder.class.getDeclaredField("idleState");
            f.setAccessible(true);
            return f.getInt(inbox) == 1; // IMAPFolder.IDLE
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
