package org.relaycert.server.imap.frame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Cuts the client byte stream into complete command lines with their literals inlined (RFC 3501 4.3,
 * RFC 7888):
 * <pre>
 * literal   = "{" number ["+"] "}" CRLF *CHAR8   ; "+" = LITERAL+, the client does not wait
 * </pre>
 * For a synchronizing literal the decoder itself sends {@code + Ready for literal data} once the
 * header line has arrived, then waits for the octets however many TCP segments they span. Oversized
 * lines and literals are discarded (including the octets of a non-synchronizing literal) and reported
 * as a {@link RejectedFrame} so the session answers BAD while the connection stays usable. The whole command
 * (its text and all its literals) is bounded too: many literals, each under the cap, cannot add up to more than
 * {@code maxCommandSize}; such a command is refused with {@code NO [TOOBIG]} (RFC 7889 section 4) and dropped the
 * same way.
 */
public final class ImapFrameDecoder extends ByteToMessageDecoder {
    private final int maxLineLength;
    private final long maxLiteralSize;
    private final long maxCommandSize;

    /** Bytes of the current frame gathered so far (text and literals). */
    private ByteBuf frame;
    /** Octets still owed by the literal being read; 0 when reading line text. */
    private long literalRemaining;
    /** Octets to throw away (an oversize LITERAL+), then drop the rest of the line. */
    private long discardRemaining;
    private boolean discardingLine;
    private boolean rejectionSent;
    private String rejectedTag;
    private String rejectedReason;
    private String rejectedResponse = RejectedFrame.BAD;
    /** Where the line text after the last literal starts in {@link #frame}. */
    private int segmentStart;

    /** Commands may be one largest literal plus this much (text, small literals such as flags and dates). */
    public static final long COMMAND_ALLOWANCE = 64 * 1024;

    public ImapFrameDecoder(int maxLineLength, long maxLiteralSize) {
        this(maxLineLength, maxLiteralSize, maxLiteralSize + COMMAND_ALLOWANCE);
    }

    public ImapFrameDecoder(int maxLineLength, long maxLiteralSize, long maxCommandSize) {
        this.maxLineLength = maxLineLength;
        this.maxLiteralSize = maxLiteralSize;
        this.maxCommandSize = maxCommandSize;
    }

    /** Drops everything received but not yet decoded (pipelined input after STARTTLS, RFC 3501 6.2.1). */
    public void discardBufferedInput() {
        if (frame != null) {
            clearFrame();
        }
        literalRemaining = 0;
        discardRemaining = 0;
        discardingLine = false;
        rejectionSent = false;
        ByteBuf buf = internalBuffer();
        if (buf != null) {
            buf.skipBytes(buf.readableBytes());
        }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (frame == null) {
            frame = Unpooled.buffer(256);
        }
        while (in.isReadable()) {
            if (discardRemaining > 0) {
                int n = (int) Math.min(discardRemaining, in.readableBytes());
                in.skipBytes(n);
                discardRemaining -= n;
                continue;
            }
            if (literalRemaining > 0) {
                int n = (int) Math.min(literalRemaining, in.readableBytes());
                frame.writeBytes(in, n);
                literalRemaining -= n;
                if (literalRemaining == 0) {
                    segmentStart = frame.writerIndex();
                }
                continue;
            }
            int eol = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
            if (eol < 0) {
                if (!discardingLine && frame.writerIndex() - segmentStart + in.readableBytes() > maxLineLength) {
                    frame.writeBytes(in, in.readerIndex(), Math.min(65, in.readableBytes()));
                    startDiscarding("line too long");
                } else if (!discardingLine && frame.writerIndex() + in.readableBytes() > maxCommandSize) {
                    startDiscarding(RejectedFrame.TOO_BIG, commandTooLarge());
                }
                if (discardingLine) {
                    in.skipBytes(in.readableBytes());
                } else {
                    frame.writeBytes(in);
                }
                return;
            }
            int textStart = segmentStart;
            if (discardingLine) {
                String tail = in.toString(in.readerIndex(), eol - in.readerIndex(), StandardCharsets.ISO_8859_1);
                in.readerIndex(eol + 1);
                String text = tail.endsWith("\r") ? tail.substring(0, tail.length() - 1) : tail;
                long size = literalSize(text);
                if (size >= 0 && text.endsWith("+}")) {
                    // A further LITERAL+ inside a line we are dropping: its octets come regardless; skip them too.
                    discardRemaining = size;
                    continue;
                }
                // End of the line, or a synchronizing literal: the client waits for "+", which never comes, so the
                // command ends here.
                if (!rejectionSent) {
                    out.add(new RejectedFrame(rejectedTag, rejectedResponse, rejectedReason));
                }
                discardingLine = false;
                rejectionSent = false;
                clearFrame();
                continue;
            }
            if (frame.writerIndex() - segmentStart + eol - in.readerIndex() > maxLineLength) {
                frame.writeBytes(in, in.readerIndex(), Math.min(65, eol - in.readerIndex()));
                startDiscarding("line too long");
                continue;
            }
            if (frame.writerIndex() + eol - in.readerIndex() > maxCommandSize) {
                startDiscarding(RejectedFrame.TOO_BIG, commandTooLarge());
                continue;
            }
            frame.writeBytes(in, eol - in.readerIndex());
            in.skipBytes(1);
            if (frame.writerIndex() > textStart && frame.getByte(frame.writerIndex() - 1) == '\r') {
                frame.writerIndex(frame.writerIndex() - 1);
            }
            String lineTail = frame.toString(textStart, frame.writerIndex() - textStart, StandardCharsets.ISO_8859_1);
            long size = literalSize(lineTail);
            if (size < 0) {
                byte[] bytes = new byte[frame.readableBytes()];
                frame.readBytes(bytes);
                clearFrame();
                out.add(new CommandFrame(bytes));
                continue;
            }
            boolean synchronizing = !lineTail.endsWith("+}");
            if (size > maxLiteralSize || frame.writerIndex() + 2 + size > maxCommandSize) {
                if (size > maxLiteralSize) {
                    startDiscarding("literal too large (max " + maxLiteralSize + " octets)");
                } else {
                    startDiscarding(RejectedFrame.TOO_BIG, commandTooLarge());
                }
                if (synchronizing) {
                    // The client waits for "+" and will not send the octets: the command ends here.
                    out.add(new RejectedFrame(rejectedTag, rejectedResponse, rejectedReason));
                    discardingLine = false;
                    clearFrame();
                } else {
                    // Answer at once; the octets (and the rest of the line) are then dropped silently.
                    out.add(new RejectedFrame(rejectedTag, rejectedResponse, rejectedReason));
                    rejectionSent = true;
                    discardRemaining = size;
                }
                continue;
            }
            frame.writeBytes(new byte[] {'\r', '\n'});
            literalRemaining = size;
            segmentStart = frame.writerIndex();
            if (synchronizing) {
                ctx.writeAndFlush(Unpooled.copiedBuffer("+ Ready for literal data\r\n", StandardCharsets.US_ASCII));
            }
        }
    }

    private void clearFrame() {
        if (frame.capacity() > SMALL_FRAME) {
            frame.release();
            frame = Unpooled.buffer(256); // a large APPEND's buffer is not kept for the connection's lifetime
        } else {
            frame.clear();
        }
        segmentStart = 0;
    }

    /** Frame buffers larger than this are dropped after use. */
    private static final int SMALL_FRAME = 64 * 1024;

    private String commandTooLarge() {
        return "Command too large (max " + maxCommandSize + " octets with its literals)";
    }

    private void startDiscarding(String reason) {
        startDiscarding(RejectedFrame.BAD, reason);
    }

    private void startDiscarding(String response, String reason) {
        discardingLine = true;
        rejectedResponse = response;
        rejectedReason = reason;
        String text = frame.toString(StandardCharsets.ISO_8859_1);
        int sp = text.indexOf(' ');
        String tag = sp > 0 ? text.substring(0, sp) : text;
        rejectedTag = tag.isEmpty() || tag.length() > 64 ? "*" : tag;
        clearFrame();
    }

    /** The size in a trailing {@code {n}} or {@code {n+}}, or -1 when the line ends otherwise. */
    static long literalSize(String line) {
        if (!line.endsWith("}")) {
            return -1;
        }
        int open = line.lastIndexOf('{');
        if (open < 0) {
            return -1;
        }
        String digits = line.substring(open + 1, line.length() - 1);
        if (digits.endsWith("+")) {
            digits = digits.substring(0, digits.length() - 1);
        }
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Long.parseLong(digits);
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        if (frame != null) {
            frame.release();
            frame = null;
        }
    }
}
