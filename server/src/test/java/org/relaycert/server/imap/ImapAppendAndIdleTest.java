package org.relaycert.server.imap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaycert.server.store.Folder;
import org.relaycert.server.store.MessageInfo;

/** APPEND with synchronizing, non-synchronizing, split and oversized literals; IDLE and pending updates. */
class ImapAppendAndIdleTest {
    static final String MESSAGE = "From: bob@relay.test\r\nSubject: append\r\n\r\nbody\r\n";

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

    @Test
    void appendWithSynchronizingLiteralSplitAcrossSeveralWrites() throws Exception {
        try (TestImapClient c = server.loggedIn()) {
            c.write("p APPEND INBOX (\\Seen) \" 3-Nov-2026 09:08:07 +0100\" {" + MESSAGE.length() + "}\r\n");
            assertThat(c.readLine()).isEqualTo("+ Ready for literal data");
            byte[] bytes = MESSAGE.getBytes(StandardCharsets.US_ASCII);
            // Separate segments with pauses so the server sees the literal in pieces.
            for (int i = 0; i < bytes.length; i += 7) {
                c.write(java.util.Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + 7)));
                Thread.sleep(20);
            }
            c.write("\r\n");
            String done = c.readLine();
            assertThat(done).isEqualTo("p OK [APPENDUID " + inbox().uidValidity() + " 1] Append completed.");
            MessageInfo stored = inbox().messages().getFirst();
            assertThat(stored.flags()).containsExactly("\\Seen");
            assertThat(stored.internalDate()).isEqualTo(Instant.parse("2026-11-03T08:08:07Z"));
            assertThat(new String(inbox().read(1), StandardCharsets.US_ASCII)).isEqualTo(MESSAGE);
        }
    }

    @Test
    void appendWithLiteralPlusNeedsNoContinuationAndDefaultsToTheClock() throws Exception {
        try (TestImapClient c = server.loggedIn()) {
            c.write("q APPEND INBOX {" + MESSAGE.length() + "+}\r\n" + MESSAGE + "\r\n");
            assertThat(c.readLine()).startsWith("q OK [APPENDUID ");
            assertThat(inbox().messages().getFirst().internalDate()).isEqualTo(ImapTestServer.NOW);
        }
    }

    @Test
    void oversizedLiteralsAreRefusedAndTheConnectionStaysUsable() throws Exception {
        try (TestImapClient c = server.loggedIn()) {
            c.write("r APPEND INBOX {" + (ImapServerConfig.MAX_LITERAL + 1) + "}\r\n");
            assertThat(c.readLine()).startsWith("r BAD literal too large");
            assertThat(TestImapClient.last(c.command("NOOP"))).isEqualTo("a2 OK NOOP completed.");
            // A non-synchronizing one is refused at once; its octets would then be skipped, not run.
            c.write("t APPEND INBOX {10000000000+}\r\n");
            assertThat(c.readLine()).startsWith("t BAD literal too large");
            assertThat(inbox().messages()).isEmpty();
        }
    }

    @Test
    void appendErrors() throws Exception {
        try (TestImapClient c = server.loggedIn()) {
            assertThat(TestImapClient.last(c.command("APPEND Nowhere {1+}\r\nx"))).startsWith("a2 NO [TRYCREATE]");
            assertThat(TestImapClient.last(c.command("APPEND INBOX {0+}\r\n"))).startsWith("a3 NO");
            assertThat(TestImapClient.last(c.command("APPEND INBOX \"bad date\" {1+}\r\nx"))).startsWith("a4 BAD");
            assertThat(TestImapClient.last(c.command("APPEND INBOX"))).startsWith("a5 BAD");
        }
    }

    @Test
    void idleHearsAnAppendFromAnotherThreadAtOnce() throws Exception {
        try (TestImapClient c = server.loggedIn()) {
            c.command("SELECT INBOX");
            c.write("i IDLE\r\n");
            assertThat(c.readLine()).isEqualTo("+ idling");
            CompletableFuture<MessageInfo> delivered = CompletableFuture.supplyAsync(() -> {
                try {
                    return inbox().append(MESSAGE.getBytes(StandardCharsets.US_ASCII), Set.of(), ImapTestServer.NOW);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(c.readLine()).isEqualTo("* 1 EXISTS");
            long uid = delivered.get().uid();
            inbox().setFlags(uid, Set.of("\\Seen"));
            assertThat(c.readLine()).isEqualTo("* 1 FETCH (UID " + uid + " FLAGS (\\Seen))");
            inbox().expunge(List.of(uid));
            assertThat(c.readLine()).isEqualTo("* 1 EXPUNGE");
            c.write("DONE\r\n");
            assertThat(c.readLine()).isEqualTo("i OK Idle completed.");
            assertThat(TestImapClient.last(c.command("NOOP"))).isEqualTo("a3 OK NOOP completed.");
        }
    }

    @Test
    void outsideIdleUpdatesWaitForTheNextCommand() throws Exception {
        try (TestImapClient c = server.loggedIn(); TestImapClient other = server.loggedIn()) {
            c.command("SELECT INBOX");
            other.command("SELECT INBOX");
            assertThat(TestImapClient.last(other.command("APPEND INBOX {" + MESSAGE.length() + "+}\r\n" + MESSAGE)))
                    .startsWith("a3 OK [APPENDUID");
            assertThat(c.command("NOOP")).containsExactly("* 1 EXISTS", "a3 OK NOOP completed.");
            // The session that flagged it hears its own STORE once, the other one via the store.
            other.command("NOOP");
            assertThat(other.command("STORE 1 +FLAGS (\\Flagged)")).containsExactly("* 1 FETCH (FLAGS (\\Flagged))", "a5 OK Store completed.");
            assertThat(c.command("NOOP")).containsExactly("* 1 FETCH (UID 1 FLAGS (\\Flagged))", "a4 OK NOOP completed.");
        }
    }

    @Test
    void appendToTheSelectedFolderAnnouncesExistsBeforeTheTaggedOk() throws Exception {
        try (TestImapClient c = server.loggedIn()) {
            c.command("SELECT INBOX");
            List<String> r = c.command("APPEND INBOX {" + MESSAGE.length() + "+}\r\n" + MESSAGE);
            assertThat(r).hasSize(2);
            assertThat(r.getFirst()).isEqualTo("* 1 EXISTS");
        }
    }

    @Test
    void idleAnythingButDoneEndsIdleWithBad() throws Exception {
        try (TestImapClient c = server.loggedIn()) {
            c.write("i IDLE\r\n");
            c.readLine();
            c.write("NOPE\r\n");
            assertThat(c.readLine()).startsWith("i BAD");
        }
    }

    @Test
    void expungesWaitDuringFetchButNotDuringUidFetch() throws Exception {
        long first = inbox().append(MESSAGE.getBytes(StandardCharsets.US_ASCII), Set.of(), ImapTestServer.NOW).uid();
        long second = inbox().append(MESSAGE.getBytes(StandardCharsets.US_ASCII), Set.of(), ImapTestServer.NOW).uid();
        try (TestImapClient c = server.loggedIn()) {
            c.command("SELECT INBOX");
            inbox().expunge(List.of(first));
            // Sequence numbers must not shift under a non-UID FETCH: no EXPUNGE yet, the client's view still holds.
            assertThat(c.command("FETCH 1:* (UID)")).containsExactly("* 1 FETCH (UID " + first + ")",
                    "* 2 FETCH (UID " + second + ")", "a3 OK Fetch completed.");
            // Content of a vanished message cannot be served: it is left out rather than failing the command.
            assertThat(c.command("FETCH 1:* (BODY.PEEK[])")).hasSize(2).first().asString().startsWith("* 2 FETCH (BODY[] {");
            assertThat(c.command("UID FETCH 1:* (UID)")).containsExactly("* 1 FETCH (UID " + first + ")", "* 2 FETCH (UID " + second + ")",
                    "* 1 EXPUNGE", "a5 OK Fetch completed.");
            assertThat(c.command("FETCH 1 (UID)")).containsExactly("* 1 FETCH (UID " + second + ")", "a6 OK Fetch completed.");
        }
    }

    @Test
    void deletingTheSelectedFolderElsewhereEndsTheSession() throws Exception {
        server.store.mailbox(ImapTestServer.USER).create("Old");
        try (TestImapClient c = server.loggedIn()) {
            c.command("SELECT Old");
            c.write("i IDLE\r\n");
            c.readLine();
            server.store.mailbox(ImapTestServer.USER).delete("Old");
            assertThat(c.readLine()).isEqualTo("* BYE Selected mailbox was removed");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void silentConnectionsAreLoggedOutAfterTheIdleTimeout() throws Exception {
        var boss = new io.netty.channel.MultiThreadIoEventLoopGroup(1, io.netty.channel.nio.NioIoHandler.newFactory());
        var config = new ImapServerConfig(new java.net.InetSocketAddress("127.0.0.1", 0), false, null, "relay.test", 0,
                Set.of(), java.time.Duration.ofMillis(300));
        try (ImapServer quick = ImapServer.start(config, boss, boss, server.store, (l, p) -> java.util.Optional.empty());
                TestImapClient c = TestImapClient.plain(quick.localAddress(), server.clientTls)) {
            assertThat(c.readLine()).startsWith("* OK");
            assertThat(c.readLine()).isEqualTo("* BYE Disconnected for inactivity.");
            assertThat(c.closedByServer()).isTrue();
        } finally {
            boss.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
