package org.relaycert.server.imap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GETMETADATA / SETMETADATA as Delta Chat uses them, over an in-memory backing. */
class ImapMetadataTest {
    @TempDir
    Path dir;
    ImapTestServer server;
    final Map<String, String> entries = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws Exception {
        server = new ImapTestServer(dir);
        entries.put("|/shared/vendor/deltachat/irohrelay", "https://relay.test");
        ImapMetadata backing = new ImapMetadata() {
            @Override
            public Optional<String> get(String address, String mailbox, String entry) {
                String shared = entries.get("|" + entry);
                return shared != null ? Optional.of(shared) : Optional.ofNullable(entries.get(address + "|" + mailbox + "|" + entry));
            }

            @Override
            public boolean set(String address, String mailbox, String entry, String value) {
                if (!mailbox.equals("INBOX") || !entry.equals("/private/devicetoken")) {
                    return false;
                }
                if (value == null) {
                    entries.remove(address + "|" + mailbox + "|" + entry);
                } else {
                    entries.put(address + "|" + mailbox + "|" + entry, value);
                }
                return true;
            }
        };
        server.implicit.metadata(backing);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sharedEntriesAndDeviceToken() throws Exception {
        try (TestImapClient c = server.loggedIn()) {
            assertThat(c.command("CAPABILITY").getFirst()).contains(" METADATA");
            assertThat(c.command("GETMETADATA \"\" (/shared/vendor/deltachat/irohrelay /shared/admin)")).containsExactly(
                    "* METADATA \"\" (/shared/vendor/deltachat/irohrelay {18}\r\nhttps://relay.test /shared/admin NIL)",
                    "a3 OK Getmetadata completed.");
            assertThat(c.command("SETMETADATA INBOX (/private/devicetoken \"tok-123\")")).containsExactly("a4 OK Setmetadata completed.");
            assertThat(entries).containsEntry(ImapTestServer.USER + "|INBOX|/private/devicetoken", "tok-123");
            assertThat(c.command("GETMETADATA inbox /private/devicetoken").getFirst())
                    .isEqualTo("* METADATA INBOX (/private/devicetoken {7}\r\ntok-123)");
            assertThat(TestImapClient.last(c.command("SETMETADATA \"\" (/shared/admin \"x\")"))).startsWith("a6 NO [PERMISSIONDENIED]");
            assertThat(TestImapClient.last(c.command("SETMETADATA INBOX (/private/devicetoken NIL)"))).startsWith("a7 OK");
            assertThat(entries).doesNotContainKey(ImapTestServer.USER + "|INBOX|/private/devicetoken");
            assertThat(TestImapClient.last(c.command("GETMETADATA \"\" /bogus"))).startsWith("a8 BAD");
        }
    }

    @Test
    void setMetadataTakesASpaceBeforeTheClosingParenthesisAsDovecotDoes() throws Exception {
        try (TestImapClient c = server.loggedIn()) {
            assertThat(c.command("SETMETADATA INBOX (/private/devicetoken \"1111\" )")).containsExactly("a2 OK Setmetadata completed.");
            assertThat(entries).containsEntry(ImapTestServer.USER + "|INBOX|/private/devicetoken", "1111");
            // an empty list and a name without its value stay syntax errors
            assertThat(TestImapClient.last(c.command("SETMETADATA INBOX ( )"))).startsWith("a3 BAD");
            assertThat(TestImapClient.last(c.command("SETMETADATA INBOX (/private/devicetoken )"))).startsWith("a4 BAD");
        }
    }

    @Test
    void valuesAreLiteralsEvenWhenTheyCouldBeQuoted() throws Exception {
        try (TestImapClient c = server.loggedIn()) {
            c.command("SETMETADATA INBOX (/private/devicetoken {5+}\r\nt\"o k)");
            assertThat(c.command("GETMETADATA INBOX /private/devicetoken").getFirst())
                    .isEqualTo("* METADATA INBOX (/private/devicetoken {5}\r\nt\"o k)");
        }
    }

    @Test
    void withoutBackingThereIsNoMetadata() throws Exception {
        try (TestImapClient c = TestImapClient.plain(server.starttls.localAddress(), server.clientTls)) {
            c.readLine();
            c.command("STARTTLS");
            c.upgradeToTls();
            c.command("LOGIN " + ImapTestServer.USER + " " + ImapTestServer.PASSWORD);
            assertThat(c.command("CAPABILITY").getFirst()).doesNotContain("METADATA");
            assertThat(TestImapClient.last(c.command("GETMETADATA \"\" /shared/admin"))).startsWith("a4 BAD");
        }
    }
}
