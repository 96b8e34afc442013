package org.relaycert.server.imap;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An independent IMAP client (Angus Mail) against the server: IDLE, delivery via the store, fetch, flags, move. */
class JakartaMailImapTest {
    @TempDir
    Path dir;
    ImapTestServer server;
    IMAPStore store;

    @BeforeEach
    void start() throws Exception {
        server = new ImapTestServer(dir);
        Properties props = new Properties();
        props.put("mail.imaps.ssl.socketFactory", server.clientTls.getSocketFactory());
        props.put("mail.imaps.ssl.protocols", "TLSv1.3");
        props.put("mail.imaps.connectiontimeout", "5000");
        props.put("mail.imaps.timeout", "10000");
        store = (IMAPStore) Session.getInstance(props).getStore("imaps");
        store.connect("127.0.0.1", server.implicit.localAddress().getPort(), ImapTestServer.USER, ImapTestServer.PASSWORD);
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
        server.close();
    }

    @Test
    void idleHearsDeliveryThenTheMessageCanBeFetchedFlaggedAndMoved() throws Exception {
        assertThat(store.hasCapability("XCHATMAIL")).isTrue();
        assertThat(store.hasCapability("IDLE")).isTrue();
        IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE);
        CountDownLatch added = new CountDownLatch(1);
        inbox.addMessageCountListener(new MessageCountAdapter() {
            @Override
            public void messagesAdded(MessageCountEvent e) {
                added.countDown();
            }
        });
        AtomicReference<Exception> idleFailure = new AtomicReference<>();
        Thread idler = new Thread(() -> {
            try {
                inbox.idle(true);
            } catch (Exception e) {
                idleFailure.set(e);
            }
        }, "imap-idle");
        idler.start();

        String mail = "From: bob@relay.test\r\nTo: " + ImapTestServer.USER + "\r\nSubject: pushed\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\nhello from the store\r\n";
        server.store.mailbox(ImapTestServer.USER).folder("INBOX")
                .append(mail.getBytes(StandardCharsets.UTF_8), Set.of(), ImapTestServer.NOW);

        assertThat(added.await(10, TimeUnit.SECONDS)).isTrue();
        idler.join(10_000);
        assertThat(idler.isAlive()).isFalse();
        assertThat(idleFailure.get()).isNull();

        Message m = inbox.getMessage(1);
        assertThat(m.getSubject()).isEqualTo("pushed");
        assertThat(m.getContent().toString()).contains("hello from the store");
        assertThat(inbox.getUID(m)).isEqualTo(1L);
        m.setFlag(Flags.Flag.FLAGGED, true);
        assertThat(server.store.mailbox(ImapTestServer.USER).folder("INBOX").messages().getFirst().flags())
                .contains("\\Flagged", "\\Seen");

        Folder chats = store.getFolder("DeltaChat");
        assertThat(chats.create(Folder.HOLDS_MESSAGES)).isTrue();
        inbox.moveMessages(new Message[] {m}, chats);
        assertThat(m.isExpunged()).isTrue();
        assertThat(server.store.mailbox(ImapTestServer.USER).folder("INBOX").messages()).isEmpty();
        assertThat(chats.getMessageCount()).isEqualTo(1);
        inbox.close(false);
    }

    @Test
    void startTlsPortWorksForAClientThatRequiresStartTls() throws Exception {
        Properties props = new Properties();
        props.put("mail.imap.starttls.enable", "true");
        props.put("mail.imap.starttls.required", "true");
        props.put("mail.imap.ssl.socketFactory", server.clientTls.getSocketFactory());
        props.put("mail.imap.ssl.protocols", "TLSv1.3");
        props.put("mail.imap.timeout", "10000");
        IMAPStore plain = (IMAPStore) Session.getInstance(props).getStore("imap");
        plain.connect("127.0.0.1", server.starttls.localAddress().getPort(), ImapTestServer.USER, ImapTestServer.PASSWORD);
        try {
            assertThat(plain.hasCapability("XCHATMAIL")).isTrue();
            Folder inbox = plain.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessageCount()).isZero();
            inbox.close(false);
        } finally {
            plain.close();
        }
    }
}
