package org.relaycert.server.imap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaycert.server.store.Folder;

/** The command sequence Delta Chat core runs against a chatmail relay, end to end on one connection. */
class DeltaChatSessionTest {
    static final String MAIL = "From: bob@relay.test\r\nTo: alice1234@relay.test\r\nChat-Version: 1.0\r\n"
            + "Message-ID: <dc1@relay.test>\r\nSubject: [...]\r\nContent-Type: multipart/encrypted; "
            + "protocol=\"application/pgp-encrypted\"; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: application/pgp-encrypted\r\n\r\n"
            + "Version: 1\r\n--b\r\nContent-Type: application/octet-stream\r\n\r\n-----BEGIN PGP MESSAGE-----\r\n\r\n"
            + "wcFMA\r\n-----END PGP MESSAGE-----\r\n--b--\r\n";

    @TempDir
    Path dir;
    ImapTestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new ImapTestServer(dir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void configureIdleDownloadMarkSeenAndDelete() throws Exception {
        Folder inbox = server.store.mailbox(ImapTestServer.USER).folder("INBOX");
        try (TestImapClient c = TestImapClient.implicitTls(server.implicit.localAddress(), server.clientTls)) {
            c.readLine();
            String login = TestImapClient.last(c.command("LOGIN \"" + ImapTestServer.USER + "\" \"" + ImapTestServer.PASSWORD + "\""));
            assertThat(login).contains("XCHATMAIL", "IDLE", "MOVE", "QUOTA", "UIDPLUS", "ID");
            assertThat(c.command("ID (\"name\" \"Delta Chat\")").getFirst()).isEqualTo("* ID (\"name\" \"relaycert\")");
            assertThat(c.command("LIST \"\" \"*\"")).first().isEqualTo("* LIST (\\HasNoChildren) \"/\" INBOX");
            List<String> select = c.command("SELECT \"INBOX\"");
            assertThat(select).contains("* 0 EXISTS", "* OK [UIDNEXT 1] Predicted next UID");
            assertThat(c.command("UID FETCH 1:* (UID)")).containsExactly("a5 OK Fetch completed.");

            c.write("i1 IDLE\r\n");
            assertThat(c.readLine()).startsWith("+ ");
            long uid = inbox.append(MAIL.getBytes(StandardCharsets.US_ASCII), Set.of(), ImapTestServer.NOW).uid();
            assertThat(c.readLine()).isEqualTo("* 1 EXISTS");
            c.write("DONE\r\n");
            assertThat(c.readLine()).isEqualTo("i1 OK Idle completed.");

            String prefetch = c.command("UID FETCH 1:* (UID INTERNALDATE RFC822.SIZE BODY.PEEK[HEADER.FIELDS "
                    + "(MESSAGE-ID DATE X-MICROSOFT-ORIGINAL-MESSAGE-ID FROM IN-REPLY-TO REFERENCES CHAT-VERSION "
                    + "AUTOCRYPT-SETUP-MESSAGE)])").getFirst();
            assertThat(prefetch).startsWith("* 1 FETCH (UID " + uid + " INTERNALDATE ").contains("Chat-Version: 1.0", "<dc1@relay.test>")
                    .doesNotContain("Subject");
            String body = c.command("UID FETCH " + uid + " (FLAGS BODY.PEEK[])").getFirst();
            assertThat(body).endsWith(MAIL + ")");
            assertThat(inbox.messages().getFirst().flags()).isEmpty();

            assertThat(c.command("UID STORE " + uid + " +FLAGS (\\Seen)")).hasSize(2);
            assertThat(c.command("UID STORE " + uid + " +FLAGS.SILENT (\\Deleted)")).hasSize(1);
            assertThat(c.command("UID EXPUNGE " + uid)).containsExactly("* 1 EXPUNGE", "a10 OK Expunge completed.");
            assertThat(c.command("GETQUOTAROOT \"INBOX\"")).hasSize(3);
            assertThat(inbox.messages()).isEmpty();
        }
    }
}
