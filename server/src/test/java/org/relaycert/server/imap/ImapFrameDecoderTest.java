package org.relaycert.server.imap;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.relaycert.server.imap.frame.CommandFrame;
import org.relaycert.server.imap.frame.ImapFrameDecoder;
import org.relaycert.server.imap.frame.RejectedFrame;

/** The "frames" stage alone: line cutting, literals and limits. */
class ImapFrameDecoderTest {
    private final EmbeddedChannel ch = new EmbeddedChannel(new ImapFrameDecoder(100, 50));

    private void send(String s) {
        ch.writeInbound(Unpooled.copiedBuffer(s, StandardCharsets.ISO_8859_1));
    }

    private String nextFrame() {
        Object o = ch.readInbound();
        assertThat(o).isInstanceOf(CommandFrame.class);
        return new String(((CommandFrame) o).bytes(), StandardCharsets.ISO_8859_1);
    }

    private String written() {
        ByteBuf b = ch.readOutbound();
        if (b == null) {
            return null;
        }
        try {
            return b.toString(StandardCharsets.US_ASCII);
        } finally {
            b.release();
        }
    }

    @Test
    void cutsLinesAndAcceptsBareLf() {
        send("a NOOP\r\nb CAPA");
        send("BILITY\nc");
        assertThat(nextFrame()).isEqualTo("a NOOP");
        assertThat(nextFrame()).isEqualTo("b CAPABILITY");
        assertThat((Object) ch.readInbound()).isNull();
    }

    @Test
    void synchronizingLiteralGetsAContinuationAndMayArriveInPieces() {
        send("a LOGIN {5}\r\n");
        assertThat(written()).isEqualTo("+ Ready for literal data\r\n");
        assertThat((Object) ch.readInbound()).isNull();
        send("al");
        send("ice {3}\r");
        send("\n");
        assertThat(written()).isEqualTo("+ Ready for literal data\r\n");
        send("p\r\n");
        send("w\r\n");
        assertThat(nextFrame()).isEqualTo("a LOGIN {5}\r\nalice {3}\r\np\r\nw");
    }

    @Test
    void literalPlusSendsNoContinuation() {
        send("a APPEND INBOX {4+}\r\nab\r\n\r\n");
        assertThat(nextFrame()).isEqualTo("a APPEND INBOX {4+}\r\nab\r\n");
        assertThat(written()).isNull();
    }

    @Test
    void oversizedSynchronizingLiteralIsRefusedWithoutWaiting() {
        send("t1 APPEND INBOX {51}\r\nt2 NOOP\r\n");
        assertThat((Object) ch.readInbound()).isEqualTo(new RejectedFrame("t1", "literal too large (max 50 octets)"));
        assertThat(nextFrame()).isEqualTo("t2 NOOP");
        assertThat(written()).isNull();
    }

    @Test
    void oversizedLiteralPlusIsRefusedAndItsOctetsSkipped() {
        send("t1 APPEND INBOX {60+}\r\n");
        assertThat((Object) ch.readInbound()).isEqualTo(new RejectedFrame("t1", "literal too large (max 50 octets)"));
        // 60 octets that look like commands, then the line goes on with a further literal.
        send("x NOOP\r\n".repeat(5));
        send("x NOOP\r\nx NOOP\r\nabcd {3+}\r\nxyz\r\nt2 NOOP\r\n");
        assertThat(nextFrame()).isEqualTo("t2 NOOP");
        assertThat((Object) ch.readInbound()).isNull();
    }

    @Test
    void overlongLineIsRefusedAndDiscarded() {
        send("t1 " + "A".repeat(150));
        send("B".repeat(50) + "\r\nt2 NOOP\r\n");
        Object rejected = ch.readInbound();
        assertThat(rejected).isEqualTo(new RejectedFrame("t1", "line too long"));
        assertThat(nextFrame()).isEqualTo("t2 NOOP");
    }

    @Test
    void zeroLengthLiteral() {
        send("a LOGIN {0}\r\n {0+}\r\n\r\n");
        assertThat(nextFrame()).isEqualTo("a LOGIN {0}\r\n {0+}\r\n");
    }
}
