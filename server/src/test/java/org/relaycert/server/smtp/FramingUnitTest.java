package org.relaycert.server.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The "lines" and "data" stages under arbitrary segmentation, without sockets. */
class FramingUnitTest {

    /** Stands in for the session: records lines, answers at once, enters DATA on "DATA". */
    private static final class Recorder extends ChannelInboundHandlerAdapter {
        final List<Object> seen = new ArrayList<>();
        final LineFramer lines;
        final DataFramer data;

        Recorder(LineFramer lines, DataFramer data) {
            this.lines = lines;
            this.data = data;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            seen.add(msg instanceof DataFramer.Received r
                    ? (r.oversized() ? "OVERSIZED" : "MESSAGE:" + new String(bytes(r), StandardCharsets.UTF_8))
                    : msg);
            if ("DATA".equals(msg)) {
                data.begin();
            } else {
                lines.resume();
            }
        }
    }

    /** The received message's octets; its spool file goes. */
    private static byte[] bytes(DataFramer.Received r) {
        try {
            return r.message().bytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            r.message().discard();
        }
    }

    private static List<Object> feed(String input, int chunk, int maxLine, long maxSize) {
        LineFramer lines = new LineFramer(maxLine);
        DataFramer data = new DataFramer(lines, maxSize);
        Recorder recorder = new Recorder(lines, data);
        EmbeddedChannel ch = new EmbeddedChannel(lines, data, recorder);
        byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i += chunk) {
            ch.writeInbound(Unpooled.wrappedBuffer(bytes, i, Math.min(chunk, bytes.length - i)));
        }
        ch.finishAndReleaseAll();
        return recorder.seen;
    }

    private static final String SESSION = "MAIL FROM:<a@b>\r\nDATA\r\nSubject: x\r\n\r\n..dot\r\nline\n.\r\nNOOP\r\n";

    @Test
    void sameResultWhateverTheSegmentation() {
        List<Object> expected = List.of("MAIL FROM:<a@b>", "DATA", "MESSAGE:Subject: x\r\n\r\n.dot\r\nline\r\n",
                "NOOP");
        // After a bare LF, "." CRLF is text (SMTP smuggling); the next proper CRLF "." CRLF ends the message.
        for (int chunk : new int[] {1, 2, 3, 7, 64, 4096}) {
            assertThat(feed(SESSION + ".\r\n", chunk, 512, 1000)).as("chunk " + chunk).isEqualTo(List.of(
                    "MAIL FROM:<a@b>", "DATA", "MESSAGE:Subject: x\r\n\r\n.dot\r\nline\r\n\r\nNOOP\r\n"));
        }
        // With CRLF before the dot the message ends there.
        String proper = SESSION.replace("line\n", "line\r\n");
        for (int chunk : new int[] {1, 5, 4096}) {
            assertThat(feed(proper, chunk, 512, 1000)).as("chunk " + chunk).isEqualTo(expected);
        }
    }

    @Test
    void longTextLinesArriveInFragmentsButWhole() {
        String longLine = ".".repeat(LineFramer.DATA_FRAGMENT * 2 + 10);
        List<Object> seen = feed("DATA\r\n" + longLine + "\r\n.\r\n", 1000, 512, 100_000);
        // Only the leading dot of the line is removed, not those at fragment starts.
        assertThat(seen).containsExactly("DATA", "MESSAGE:" + longLine.substring(1) + "\r\n");
    }

    @Test
    void oversizedMessageIsReadToItsEnd() {
        List<Object> seen = feed("DATA\r\n" + "x".repeat(50) + "\r\n.\r\nNOOP\r\n", 3, 512, 20);
        assertThat(seen).containsExactly("DATA", "OVERSIZED", "NOOP");
    }

    @Test
    void overlongCommandLineIsReportedOnceAndSkipped() {
        List<Object> seen = feed("NOOP " + "x".repeat(2000) + "\r\nQUIT\r\n", 100, 512, 20);
        assertThat(seen).containsExactly(LineFramer.TOO_LONG, "QUIT");
    }
}
