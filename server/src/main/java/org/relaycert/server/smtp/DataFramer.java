package org.relaycert.server.smtp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import org.relaycert.server.delivery.Spool;
import org.relaycert.server.delivery.SpooledMessage;

/**
 * Pipeline stage {@code "data"}: turns the text lines after {@code 354} into one message
 * (RFC 5321 section 4.1.1.4 and 4.5.2).
 *
 * <ul>
 *   <li>The message ends only at {@code CRLF "." CRLF}: a {@code "."} line that follows a bare LF does not end
 *       it (SMTP smuggling), and bare LF line ends are stored as CRLF.</li>
 *   <li>A leading {@code "."} is removed from every other line (dot-unstuffing), so {@code ".."} arrives
 *       as {@code "."}.</li>
 *   <li>Octets are counted after unstuffing; past the limit the message is read to its end and dropped,
 *       and {@link Received#oversized()} is set.</li>
 *   <li>The text goes to a {@link Spool} as it arrives: a message that fits the spool writer's 64 KiB buffer
 *       stays there (no file), a larger one goes on to a spool file, so a message costs the heap that buffer
 *       only; if the file cannot be written the message is read to its end and {@link Received#failed()} is
 *       set.</li>
 * </ul>
 * Outside DATA it passes everything through untouched.
 */
final class DataFramer extends ChannelInboundHandlerAdapter {

    /**
     * The end of one DATA: the message with CRLF line ends, without the final dot, in a spool file the receiver
     * discards when done (null when oversized or failed).
     */
    record Received(SpooledMessage message, boolean oversized, boolean failed) {
    }

    private final LineFramer lines;
    private final long maxMessageSize;
    private boolean active;
    private boolean lineStart;
    private boolean afterCrLf;
    private boolean oversized;
    private boolean failed;
    private final Spool spool;
    private Spool.Writer message;

    DataFramer(LineFramer lines, long maxMessageSize) {
        this(lines, maxMessageSize, Spool.temporary());
    }

    DataFramer(LineFramer lines, long maxMessageSize, Spool spool) {
        this.lines = lines;
        this.maxMessageSize = maxMessageSize;
        this.spool = spool;
    }

    /** Called by the session right after it sent {@code 354}. */
    void begin() {
        active = true;
        lineStart = true;
        afterCrLf = true;
        oversized = false;
        failed = false;
        try {
            message = spool.create();
        } catch (IOException e) {
            failed = true;
        }
        lines.enterDataMode();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!active || !(msg instanceof ByteBuf text)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            if (accept(text)) {
                active = false;
                Received received = end();
                lines.enterCommandMode();
                ctx.fireChannelRead(received);
            }
        } finally {
            text.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        active = false; // a connection lost inside DATA delivers nothing
        drop();
        ctx.fireChannelInactive();
    }

    private Received end() {
        if (oversized || failed) {
            drop();
            return new Received(null, oversized, !oversized);
        }
        try {
            SpooledMessage done = message.finish();
            message = null;
            return new Received(done, false, false);
        } catch (IOException e) {
            drop();
            return new Received(null, false, true);
        }
    }

    private void drop() {
        if (message != null) {
            message.close();
            message = null;
        }
    }

    /** Takes one line or fragment; true at the end-of-data line. */
    private boolean accept(ByteBuf text) {
        int len = text.readableBytes();
        int start = text.readerIndex();
        boolean endsWithLf = len > 0 && text.getByte(start + len - 1) == '\n';
        boolean endsWithCrLf = endsWithLf && len >= 2 && text.getByte(start + len - 2) == '\r';
        if (lineStart && afterCrLf && len == 3 && text.getByte(start) == '.' && endsWithCrLf) {
            return true;
        }
        int from = start;
        if (lineStart && len > 0 && text.getByte(start) == '.') {
            from++;
        }
        int contentEnd = start + len - (endsWithCrLf ? 2 : endsWithLf ? 1 : 0);
        append(text, from, contentEnd - from);
        if (endsWithLf) {
            append(CRLF);
        }
        lineStart = endsWithLf;
        if (endsWithLf) {
            afterCrLf = endsWithCrLf;
        }
        return false;
    }

    private static final byte[] CRLF = {'\r', '\n'};

    private void append(ByteBuf text, int from, int count) {
        if (count <= 0 || !room(count)) {
            return;
        }
        try {
            message.write(text.nioBuffer(from, count));
        } catch (IOException e) {
            failed = true;
            drop();
        }
    }

    private void append(byte[] bytes) {
        if (!room(bytes.length)) {
            return;
        }
        try {
            message.write(bytes, 0, bytes.length);
        } catch (IOException e) {
            failed = true;
            drop();
        }
    }

    private boolean room(int count) {
        if (oversized || failed) {
            return false;
        }
        if (message.size() + (long) count > maxMessageSize) {
            oversized = true;
            drop();
            return false;
        }
        return true;
    }
}
