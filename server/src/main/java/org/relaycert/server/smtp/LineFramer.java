package org.relaycert.server.smtp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Pipeline stage {@code "lines"}: splits the byte stream at LF.
 *
 * <p>In command mode it hands the session one command line (a {@link String} without the line end) and then
 * holds further input until the session has answered and calls {@link #resume()}. Holding is what keeps
 * pipelined commands (RFC 2920) answered in order even when a reply waits for the intake, and what lets
 * STARTTLS throw away input that was pipelined behind it (RFC 3207 section 5, the command-injection attack)
 * and DATA switch the very next byte to message framing. A command line longer than the limit
 * (including CRLF) yields {@link #TOO_LONG} and the rest of that line is skipped.
 *
 * <p>In data mode it passes each text line (with its line end) as a {@link ByteBuf} to {@link DataFramer},
 * or a fragment of {@value #DATA_FRAGMENT} octets when a line is longer, without holding.
 */
final class LineFramer extends ByteToMessageDecoder {
    /** Marker emitted for a command line over the limit. */
    static final Object TOO_LONG = new Object() {
        @Override
        public String toString() {
            return "LINE_TOO_LONG";
        }
    };
    static final int DATA_FRAGMENT = 8192;

    private final int maxLineLength;
    private ChannelHandlerContext ctx;
    private boolean dataMode;
    private boolean open = true;
    private boolean discarding;
    private boolean reading;
    private boolean paused;

    LineFramer(int maxLineLength) {
        this.maxLineLength = maxLineLength;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (dataMode) {
            int lf = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
            if (lf >= 0) {
                out.add(in.readRetainedSlice(lf - in.readerIndex() + 1));
            } else if (in.readableBytes() >= DATA_FRAGMENT) {
                out.add(in.readRetainedSlice(DATA_FRAGMENT));
            }
            return;
        }
        if (discarding) {
            int lf = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
            if (lf < 0) {
                in.skipBytes(in.readableBytes());
                return;
            }
            in.readerIndex(lf + 1);
            discarding = false;
        }
        if (!open || !in.isReadable()) {
            return;
        }
        int searchEnd = in.readerIndex() + Math.min(in.readableBytes(), maxLineLength);
        int lf = in.indexOf(in.readerIndex(), searchEnd, (byte) '\n');
        if (lf >= 0) {
            int end = lf > in.readerIndex() && in.getByte(lf - 1) == '\r' ? lf - 1 : lf;
            String line = in.toString(in.readerIndex(), end - in.readerIndex(), StandardCharsets.UTF_8);
            in.readerIndex(lf + 1);
            open = false;
            out.add(line);
        } else if (in.readableBytes() >= maxLineLength) {
            in.skipBytes(maxLineLength); // none of these is the LF; the rest of the line goes in discarding
            discarding = true;
            open = false;
            out.add(TOO_LONG);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        reading = true;
        try {
            super.channelRead(ctx, msg);
        } finally {
            reading = false;
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
        if (paused) {
            // The decoder would ask for more input because it produced nothing; while a reply is pending
            // we want the socket to push back instead.
            discardSomeReadBytes();
            ctx.fireChannelReadComplete();
        } else {
            super.channelReadComplete(ctx);
        }
    }

    /** The session waits for something slow: stop reading from the socket until {@link #resume()}. */
    void pause() {
        paused = true;
        ctx.channel().config().setAutoRead(false);
    }

    /** The session answered the last line: deliver the next one (already buffered or still to come). */
    void resume() {
        open = true;
        if (paused) {
            paused = false;
            ctx.channel().config().setAutoRead(true);
        }
        if (!reading && !ctx.isRemoved() && internalBuffer().isReadable()) {
            try {
                channelRead(ctx, Unpooled.EMPTY_BUFFER);
            } catch (Exception e) {
                ctx.fireExceptionCaught(e);
            }
        }
    }

    /** From the line after DATA on, pass text lines to the DATA framer. */
    void enterDataMode() {
        dataMode = true;
        resume();
    }

    /** After the end-of-data line: the next command line waits until the session has answered the message. */
    void enterCommandMode() {
        dataMode = false;
        open = false;
    }

    /** STARTTLS: whatever the client sent behind the command in plaintext must not reach the TLS session. */
    void discardBuffered() {
        ByteBuf buffered = internalBuffer();
        buffered.skipBytes(buffered.readableBytes());
        discarding = false;
    }
}
