package org.relaycert.server.imap;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaycert.server.imap.frame.CommandFrame;
import org.relaycert.server.imap.frame.ImapFrameDecoder;
import org.relaycert.server.imap.frame.RejectedFrame;

/**
 * The decoder's bound on one whole command: many literals, each under the literal cap, must not add up to more than
 * the command cap. Such a command is answered {@code NO [TOOBIG]} at once, its remaining octets are dropped, and the
 * next command on the connection is read as usual.
 */
class ImapCommandSizeTest {
    /** Lines up to 100 octets, literals up to 50, whole commands up to 200. */
    private final EmbeddedChannel ch = new EmbeddedChannel(new ImapFrameDecoder(100, 50, 200));

    private void send(String s) {
        ch.writeInbound(Unpooled.copiedBuffer(s, StandardCharsets.ISO_8859_1));
    }

    private String nextFrame() {
        Object o = ch.readInbound();
        assertThat(o).isInstanceOf(CommandFrame.class);
        return new String(((CommandFrame) o).bytes(), StandardCharsets.ISO_8859_1);
    }

    private int continuations() {
        int n = 0;
        for (ByteBuf b = ch.readOutbound(); b != null; b = ch.readOutbound()) {
            assertThat(b.toString(StandardCharsets.US_ASCII)).isEqualTo("+ Ready for literal data\r\n");
            b.release();
            n++;
        }
        return n;
    }

    @Test
    void manyLiteralPlusUnderTheLiteralCapAddUpToTooBig() {
        StringBuilder line = new StringBuilder("t1 APPEND INBOX");
        for (int i = 0; i < 10; i++) {
            line.append(" {40+}\r\n").append("x NOOP\r\n".repeat(5)); // 40 octets that look like commands
        }
        send(line + "\r\nt2 NOOP\r\n");
        RejectedFrame rejected = ch.readInbound();
        assertThat(rejected.tag()).isEqualTo("t1");
        assertThat(rejected.response()).isEqualTo("NO [TOOBIG]");
        assertThat(rejected.reason()).contains("max 200 octets");
        assertThat(nextFrame()).as("the command after the refused one").isEqualTo("t2 NOOP");
        assertThat((Object) ch.readInbound()).as("nothing of the refused command's octets is run").isNull();
        assertThat(continuations()).isZero();
    }

    @Test
    void synchronizingLiteralsStopAtTheOneThatWouldNotFit() {
        send("t1 X {40}\r\n");
        for (char c = 'a'; c < 'd'; c++) {
            send(String.valueOf(c).repeat(40) + " {40}\r\n");
        }
        assertThat(continuations()).as("four literals fit: 4 x 40 octets plus 32 of text").isEqualTo(4);
        assertThat((Object) ch.readInbound()).isNull();
        send("d".repeat(40) + " {40}\r\n");
        assertThat(continuations()).as("no continuation for the literal over the cap").isZero();
        RejectedFrame rejected = ch.readInbound();
        assertThat(rejected).isEqualTo(new RejectedFrame("t1", RejectedFrame.TOO_BIG,
                "Command too large (max 200 octets with its literals)"));
        // The client got no "+", so it does not send the octets; its next command is read normally.
        send("t2 NOOP\r\n");
        assertThat(nextFrame()).isEqualTo("t2 NOOP");
    }

    @Test
    void textOverTheCapEndingInASynchronizingLiteralEndsTheCommand() {
        EmbeddedChannel small = new EmbeddedChannel(new ImapFrameDecoder(100, 50, 60));
        small.writeInbound(Unpooled.copiedBuffer("t1 X {40}\r\n", StandardCharsets.US_ASCII));
        ((ByteBuf) small.readOutbound()).release();
        // The text after the literal crosses the cap, and the line asks for another synchronizing literal.
        small.writeInbound(Unpooled.copiedBuffer("x".repeat(40) + " " + "y".repeat(20) + " {5}\r\nt2 NOOP\r\n",
                StandardCharsets.US_ASCII));
        RejectedFrame rejected = small.readInbound();
        assertThat(rejected.tag()).isEqualTo("t1");
        assertThat(rejected.response()).isEqualTo(RejectedFrame.TOO_BIG);
        Object next = small.readInbound();
        assertThat(next).as("the client waits for a \"+\" that never comes; its next command is not eaten as octets")
                .isInstanceOf(CommandFrame.class);
        assertThat(new String(((CommandFrame) next).bytes(), StandardCharsets.US_ASCII)).isEqualTo("t2 NOOP");
        assertThat((Object) small.readOutbound()).isNull();
        small.finishAndReleaseAll();
    }

    @Test
    void overlongLineEndingInASynchronizingLiteralEndsTheCommand() {
        send("t1 " + "A".repeat(150) + " {5}\r\nt2 NOOP\r\n");
        assertThat((Object) ch.readInbound()).isEqualTo(new RejectedFrame("t1", "line too long"));
        assertThat(nextFrame()).isEqualTo("t2 NOOP");
        assertThat(continuations()).isZero();
    }

    @Test
    void longTextBetweenLiteralsCountsToo() {
        send("t1 X {50}\r\n" + "a".repeat(50) + " " + "b".repeat(90) + " {50}\r\n");
        assertThat(continuations()).isEqualTo(1);
        RejectedFrame rejected = ch.readInbound();
        assertThat(rejected.response()).isEqualTo(RejectedFrame.TOO_BIG);
        send("t2 NOOP\r\n");
        assertThat(nextFrame()).isEqualTo("t2 NOOP");
    }

    @Test
    void aCommandJustUnderTheCapPassesWhole() {
        String literal = "y".repeat(50);
        String command = "t1 X {50+}\r\n" + literal + " {50+}\r\n" + literal + " {50+}\r\n" + literal;
        assertThat(command.length()).isLessThanOrEqualTo(200);
        send(command + "\r\nt2 NOOP\r\n");
        assertThat(nextFrame()).isEqualTo(command);
        assertThat(nextFrame()).isEqualTo("t2 NOOP");
    }

    /** On the wire: the tagged answer is {@code NO [TOOBIG]}, and the connection goes on. */
    @Test
    void aServerAnswersTooBigAndTheConnectionGoesOn(@TempDir Path dir) throws Exception {
        try (ImapTestServer server = new ImapTestServer(dir)) {
            server.implicit.maxLiteral(1000);
            try (TestImapClient c = server.loggedIn()) {
                StringBuilder command = new StringBuilder("t1 APPEND INBOX");
                for (int i = 0; i < 70; i++) {
                    command.append(" {1000+}\r\n").append("z".repeat(1000)); // 70 kB, each literal under the cap
                }
                c.write(command + "\r\n");
                List<String> answer = c.until("t1");
                assertThat(TestImapClient.last(answer)).startsWith("t1 NO [TOOBIG] Command too large");
                assertThat(TestImapClient.last(c.command("NOOP"))).contains("OK");
                assertThat(server.store.mailbox(ImapTestServer.USER).folder("INBOX").messages()).isEmpty();
            }
        }
    }

    @Test
    void theDefaultCapIsOneLargestLiteralPlusAnAllowance() {
        EmbeddedChannel def = new EmbeddedChannel(new ImapFrameDecoder(100, 50));
        def.writeInbound(Unpooled.copiedBuffer("t1 X {50+}\r\n" + "z".repeat(50) + "\r\n", StandardCharsets.US_ASCII));
        assertThat((Object) def.readInbound()).isInstanceOf(CommandFrame.class);
        assertThat(ImapFrameDecoder.COMMAND_ALLOWANCE).isPositive();
        def.finishAndReleaseAll();
    }
}
