package org.relaycert.server.imap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaycert.server.store.Folder;

/** Folder and message commands against a real store over an implicit-TLS socket. */
class ImapMailboxTest {
    static final String MESSAGE = "From: bob@relay.test\r\nTo: alice1234@relay.test\r\nSubject: hello there\r\n"
            + "Message-ID: <m1@relay.test>\r\nDate: Tue, 24 Nov 2026 10:00:00 +0000\r\n\r\nfirst body line\r\n";

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

    Folder inbox() throws Exception {
        return server.store.mailbox(ImapTestServer.USER).folder("INBOX");
    }

    long deliver(String content, String... flags) throws Exception {
        return inbox().append(content.getBytes(StandardCharsets.UTF_8), Set.of(flags), Instant.parse("2026-11-24T10:00:05Z")).uid();
    }

    @Test
    void listShowsFoldersWithSpecialUseAndChildren() throws Exception {
        try (TestImapClient c = server.loggedIn()) {
            assertThat(TestImapClient.last(c.command("CREATE Sent"))).startsWith("a2 OK");
            assertThat(TestImapClient.last(c.command("CREATE DeltaChat"))).startsWith("a3 OK");
            assertThat(TestImapClient.last(c.command("CREATE DeltaChat/sub"))).startsWith("a4 OK");
            assertThat(TestImapClient.last(c.command("CREATE Sent"))).startsWith("a5 NO [ALREADYEXISTS]");
            List<String> all = c.command("LIST \"\" \"*\"");
            assertThat(all).contains("* LIST (\\HasNoChildren) \"/\" INBOX", "* LIST (\\HasNoChildren \\Sent) \"/\" Sent",
                    "* LIST (\\HasChildren) \"/\" DeltaChat", "* LIST (\\HasNoChildren) \"/\" DeltaChat/sub");
            List<String> top = c.command("LIST \"\" %");
            assertThat(top).hasSize(4).noneMatch(l -> l.contains("DeltaChat/sub"));
            assertThat(c.command("LIST \"\" \"\"")).first().isEqualTo("* LIST (\\Noselect) \"/\" \"\"");
            assertThat(c.command("LSUB \"\" \"*\"")).anyMatch(l -> l.startsWith("* LSUB"));
            assertThat(TestImapClient.last(c.command("SUBSCRIBE DeltaChat"))).startsWith("a10 OK");
            assertThat(TestImapClient.last(c.command("RENAME DeltaChat/sub DeltaChat/other"))).startsWith("a11 OK");
            assertThat(TestImapClient.last(c.command("DELETE DeltaChat/other"))).startsWith("a12 OK");
            assertThat(TestImapClient.last(c.command("DELETE Nope"))).startsWith("a13 NO [NONEXISTENT]");
            assertThat(c.command("LIST \"\" \"DeltaChat/*\"")).hasSize(1);
        }
    }

    @Test
    void selectReportsCountsAndUidsExamineIsReadOnly() throws Exception {
        deliver(MESSAGE, "\\Seen");
        deliver(MESSAGE);
        try (TestImapClient c = server.loggedIn()) {
            List<String> sel = c.command("SELECT INBOX");
            assertThat(sel).contains("* 2 EXISTS", "* 0 RECENT", "* OK [UNSEEN 2] First unseen.",
                    "* OK [UIDVALIDITY " + inbox().uidValidity() + "] UIDs valid", "* OK [UIDNEXT 3] Predicted next UID",
                    "* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted.");
            assertThat(sel.getFirst()).startsWith("* FLAGS (");
            assertThat(TestImapClient.last(sel)).isEqualTo("a2 OK [READ-WRITE] Select completed.");
            assertThat(TestImapClient.last(c.command("EXAMINE inbox"))).isEqualTo("a3 OK [READ-ONLY] Examine completed.");
            assertThat(TestImapClient.last(c.command("STORE 1 +FLAGS (\\Flagged)"))).startsWith("a4 NO [READ-ONLY]");
            assertThat(TestImapClient.last(c.command("SELECT Missing"))).startsWith("a5 NO [NONEXISTENT]");
            assertThat(TestImapClient.last(c.command("FETCH 1 FLAGS"))).startsWith("a6 BAD");
        }
    }

    @Test
    void statusCountsWithoutSelecting() throws Exception {
        deliver(MESSAGE, "\\Seen");
        deliver(MESSAGE);
        try (TestImapClient c = server.loggedIn()) {
            List<String> r = c.command("STATUS INBOX (MESSAGES UIDNEXT UIDVALIDITY UNSEEN RECENT)");
            assertThat(r.getFirst()).isEqualTo("* STATUS INBOX (MESSAGES 2 UIDNEXT 3 UIDVALIDITY " + inbox().uidValidity() + " UNSEEN 1 RECENT 0)");
            assertThat(TestImapClient.last(c.command("STATUS INBOX (BOGUS)"))).startsWith("a3 BAD");
        }
    }

    @Test
    void uidFetchAsDeltaChatDoesIt() throws Exception {
        long uid = deliver(MESSAGE);
        try (TestImapClient c = server.loggedIn()) {
            c.command("SELECT INBOX");
            List<String> headers = c.command("UID FETCH 1:* (UID RFC822.SIZE BODY.PEEK[HEADER.FIELDS (MESSAGE-ID FROM)])");
            assertThat(headers.getFirst()).startsWith("* 1 FETCH (UID " + uid + " RFC822.SIZE " + MESSAGE.length()
                    + " BODY[HEADER.FIELDS (MESSAGE-ID FROM)] {");
            assertThat(headers.getFirst()).contains("Message-ID: <m1@relay.test>", "From: bob@relay.test").doesNotContain("Subject");
            List<String> full = c.command("UID FETCH " + uid + " (FLAGS BODY.PEEK[])");
            assertThat(full.getFirst()).isEqualTo("* 1 FETCH (UID " + uid + " FLAGS () BODY[] {" + MESSAGE.length() + "}\r\n" + MESSAGE + ")");
            List<String> seen = c.command("FETCH 1 (BODY[TEXT])");
            assertThat(seen.getFirst()).contains("BODY[TEXT] {17}\r\nfirst body line\r\n", "FLAGS (\\Seen)");
            assertThat(inbox().messages().getFirst().flags()).containsExactly("\\Seen");
            List<String> partial = c.command("FETCH 1 (BODY.PEEK[]<6.3>)");
            assertThat(partial.getFirst()).isEqualTo("* 1 FETCH (BODY[]<6> {3}\r\nbob)");
            List<String> star = c.command("UID FETCH 999:* (UID)");
            assertThat(star.getFirst()).isEqualTo("* 1 FETCH (UID " + uid + ")");
            assertThat(TestImapClient.last(c.command("FETCH 1 (BODY.PEEK[HEADER.FIELDS ()])"))).startsWith("a8 BAD");
            assertThat(TestImapClient.last(c.command("FETCH x FLAGS"))).startsWith("a9 BAD");
            assertThat(TestImapClient.last(c.command("FETCH 2 FLAGS"))).isEqualTo("a10 BAD Invalid messageset.");
            assertThat(TestImapClient.last(c.command("UID FETCH 2 FLAGS"))).isEqualTo("a11 OK Fetch completed.");
        }
    }

    @Test
    void fetchStructureEnvelopeAndMacros() throws Exception {
        deliver(MESSAGE);
        try (TestImapClient c = server.loggedIn()) {
            c.command("SELECT INBOX");
            String all = c.command("FETCH 1 ALL").getFirst();
            assertThat(all).startsWith("* 1 FETCH (FLAGS () INTERNALDATE \"24-Nov-2026 10:00:05 +0000\" RFC822.SIZE "
                    + MESSAGE.length() + " ENVELOPE (\"Tue, 24 Nov 2026 10:00:00 +0000\" \"hello there\"");
            String fast = c.command("FETCH 1 FAST").getFirst();
            assertThat(fast).doesNotContain("ENVELOPE");
            String structure = c.command("FETCH 1 (BODYSTRUCTURE BODY)").getFirst();
            assertThat(structure).startsWith("* 1 FETCH (BODYSTRUCTURE (\"TEXT\" \"PLAIN\"").contains(" BODY (\"TEXT\" \"PLAIN\"");
            String rfc822 = c.command("FETCH 1 (RFC822.HEADER)").getFirst();
            assertThat(rfc822).startsWith("* 1 FETCH (RFC822.HEADER {").contains("Subject: hello there").doesNotContain("first body");
        }
    }

    @Test
    void storeFlagsAddRemoveReplaceAndSilent() throws Exception {
        long uid = deliver(MESSAGE);
        try (TestImapClient c = server.loggedIn()) {
            c.command("SELECT INBOX");
            assertThat(c.command("STORE 1 +FLAGS (\\Seen $MDNSent)")).containsExactly(
                    "* 1 FETCH (FLAGS (\\Seen $MDNSent))", "a3 OK Store completed.");
            assertThat(c.command("UID STORE " + uid + " -FLAGS \\seen")).containsExactly(
                    "* 1 FETCH (UID " + uid + " FLAGS ($MDNSent))", "a4 OK Store completed.");
            assertThat(c.command("STORE 1 FLAGS.SILENT (\\Deleted)")).containsExactly("a5 OK Store completed.");
            assertThat(inbox().messages().getFirst().flags()).containsExactly("\\Deleted");
            assertThat(TestImapClient.last(c.command("STORE 1 XFLAGS (\\Seen)"))).startsWith("a6 BAD");
        }
    }

    @Test
    void expungeCloseAndUidExpunge() throws Exception {
        deliver(MESSAGE, "\\Deleted");
        long keep = deliver(MESSAGE);
        long third = deliver(MESSAGE, "\\Deleted");
        try (TestImapClient c = server.loggedIn()) {
            c.command("SELECT INBOX");
            assertThat(c.command("UID EXPUNGE " + third)).containsExactly("* 3 EXPUNGE", "a3 OK Expunge completed.");
            assertThat(c.command("EXPUNGE")).containsExactly("* 1 EXPUNGE", "a4 OK Expunge completed.");
            assertThat(inbox().messages()).extracting(m -> m.uid()).containsExactly(keep);
            c.command("STORE 1 +FLAGS.SILENT (\\Deleted)");
            assertThat(c.command("CLOSE")).containsExactly("a6 OK Close completed.");
            assertThat(inbox().messages()).isEmpty();
            assertThat(TestImapClient.last(c.command("EXPUNGE"))).startsWith("a7 BAD");
        }
    }

    @Test
    void copyAndMoveAnswerCopyUid() throws Exception {
        long a = deliver(MESSAGE, "\\Seen");
        long b = deliver(MESSAGE);
        try (TestImapClient c = server.loggedIn()) {
            c.command("CREATE DeltaChat");
            c.command("SELECT INBOX");
            Folder target = server.store.mailbox(ImapTestServer.USER).folder("DeltaChat");
            List<String> copy = c.command("COPY 1 DeltaChat");
            assertThat(TestImapClient.last(copy)).isEqualTo("a4 OK [COPYUID " + target.uidValidity() + " " + a + " 1] Copy completed.");
            List<String> move = c.command("UID MOVE " + a + ":" + b + " DeltaChat");
            assertThat(move).containsExactly("* OK [COPYUID " + target.uidValidity() + " " + a + ":" + b + " 2:3] Moved UIDs.",
                    "* 1 EXPUNGE", "* 1 EXPUNGE", "a5 OK Move completed.");
            assertThat(inbox().messages()).isEmpty();
            assertThat(target.messages()).hasSize(3);
            assertThat(target.messages().get(1).flags()).containsExactly("\\Seen");
            assertThat(TestImapClient.last(c.command("UID MOVE 1 Nowhere"))).startsWith("a6 NO [TRYCREATE]");
        }
    }

    @Test
    void searchCriteria() throws Exception {
        deliver(MESSAGE, "\\Seen");
        deliver(MESSAGE.replace("hello there", "other news").replace("first body", "second body"), "\\Flagged");
        long big = deliver(MESSAGE + "x".repeat(5000) + "\r\n");
        try (TestImapClient c = server.loggedIn()) {
            c.command("SELECT INBOX");
            assertThat(c.command("SEARCH ALL").getFirst()).isEqualTo("* SEARCH 1 2 3");
            assertThat(c.command("SEARCH UNSEEN").getFirst()).isEqualTo("* SEARCH 2 3");
            assertThat(c.command("UID SEARCH LARGER 1000").getFirst()).isEqualTo("* SEARCH " + big);
            assertThat(c.command("SEARCH SUBJECT \"other\"").getFirst()).isEqualTo("* SEARCH 2");
            assertThat(c.command("SEARCH BODY second").getFirst()).isEqualTo("* SEARCH 2");
            assertThat(c.command("SEARCH OR FLAGGED SEEN").getFirst()).isEqualTo("* SEARCH 1 2");
            assertThat(c.command("SEARCH NOT (FLAGGED) 2:*").getFirst()).isEqualTo("* SEARCH 3");
            assertThat(c.command("SEARCH HEADER Message-ID <m1@relay.test>").getFirst()).isEqualTo("* SEARCH 1 2 3");
            assertThat(c.command("SEARCH SINCE 24-Nov-2026 BEFORE 25-Nov-2026").getFirst()).isEqualTo("* SEARCH 1 2 3");
            assertThat(c.command("SEARCH ON 1-Jan-2020").getFirst()).isEqualTo("* SEARCH");
            assertThat(c.command("SEARCH CHARSET UTF-8 FROM bob").getFirst()).isEqualTo("* SEARCH 1 2 3");
            assertThat(c.command("SEARCH NEW").getFirst()).isEqualTo("* SEARCH");
            assertThat(TestImapClient.last(c.command("SEARCH FOO"))).startsWith("a15 BAD");
            assertThat(TestImapClient.last(c.command("SEARCH CHARSET KOI8-R ALL"))).startsWith("a16 NO [BADCHARSET (US-ASCII UTF-8)]");
        }
    }

    @Test
    void quotaReportsStorageInKib() throws Exception {
        deliver("x".repeat(3000));
        try (TestImapClient c = server.loggedIn()) {
            assertThat(c.command("GETQUOTAROOT INBOX")).containsExactly("* QUOTAROOT INBOX \"User quota\"",
                    "* QUOTA \"User quota\" (STORAGE 3 " + ImapTestServer.QUOTA / 1024 + ")", "a2 OK Getquotaroot completed.");
            assertThat(c.command("GETQUOTA \"User quota\"").getFirst()).startsWith("* QUOTA \"User quota\" (STORAGE 3 ");
            assertThat(TestImapClient.last(c.command("GETQUOTA other"))).startsWith("a4 NO");
        }
    }

    @Test
    void unselectKeepsDeletedMessages() throws Exception {
        deliver(MESSAGE, "\\Deleted");
        try (TestImapClient c = server.loggedIn()) {
            c.command("SELECT INBOX");
            assertThat(c.command("UNSELECT")).containsExactly("a3 OK Unselect completed.");
            assertThat(inbox().messages()).hasSize(1);
            assertThat(TestImapClient.last(c.command("UNSELECT"))).startsWith("a4 BAD");
        }
    }

    @Test
    void copyAndAppendBeyondTheQuotaAreRefused() throws Exception {
        String big = "Subject: big\r\n\r\n" + "y".repeat((int) (ImapTestServer.QUOTA * 6 / 10)) + "\r\n";
        deliver(big);
        try (TestImapClient c = server.loggedIn()) {
            c.command("SELECT INBOX");
            assertThat(TestImapClient.last(c.command("COPY 1 INBOX"))).startsWith("a3 NO [OVERQUOTA]");
            assertThat(TestImapClient.last(c.command("APPEND INBOX {" + big.length() + "+}\r\n" + big))).startsWith("a4 NO [OVERQUOTA]");
            assertThat(inbox().messages()).hasSize(1);
        }
    }
}
