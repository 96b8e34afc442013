package org.relaycert.server.imap;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.relaycert.server.FuzzBudget;
import org.relaycert.server.FuzzExecutions;
import org.relaycert.server.imap.frame.CommandFrame;
import org.relaycert.server.imap.frame.ImapFrameDecoder;
import org.relaycert.server.imap.frame.RejectedFrame;
import org.relaycert.server.imap.parse.CommandParser;
import org.relaycert.server.imap.parse.SyntaxException;

/**
 * Coverage-guided fuzzing of the IMAP front half: the frame decoder (lines, synchronizing and LITERAL+
 * literals, their limits, any segmentation) and the command parser behind it. Every frame must parse to a
 * command or fail with a {@link SyntaxException} (answered BAD); anything else thrown, a frame over the
 * limits, or a continuation request that is not {@code + Ready for literal data} is a finding.
 */
@ExtendWith(FuzzExecutions.class)
class ImapCommandFuzzTest {
    private static final LongAdder FRAMES_AND_COMMANDS_RUNS =
            FuzzExecutions.counter(ImapCommandFuzzTest.class, "framesAndCommands");
    private static final LongAdder PARSER_RUNS =
            FuzzExecutions.counter(ImapCommandFuzzTest.class, "parser");
    private static final int MAX_LINE = 512;
    private static final int MAX_LITERAL = 1024;

    @FuzzTest(maxDuration = FuzzBudget.ON_DEMAND)
    void framesAndCommands(FuzzedDataProvider data) {
        FRAMES_AND_COMMANDS_RUNS.increment();
        int chunk = data.consumeInt(1, 64);
        byte[] input = data.consumeRemainingAsBytes();
        EmbeddedChannel ch = new EmbeddedChannel(new ImapFrameDecoder(MAX_LINE, MAX_LITERAL));
        try {
            for (int i = 0; i < input.length; i += chunk) {
                ch.writeInbound(Unpooled.wrappedBuffer(input, i, Math.min(chunk, input.length - i)));
                drain(ch);
            }
            ch.finish();
            drain(ch);
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    /** One line straight into the parser, literals and all, without the decoder's limits. */
    @FuzzTest(maxDuration = FuzzBudget.ON_DEMAND)
    void parser(byte[] line) {
        PARSER_RUNS.increment();
        parse(line);
    }

    private static void drain(EmbeddedChannel ch) {
        for (Object frame = ch.readInbound(); frame != null; frame = ch.readInbound()) {
            if (frame instanceof CommandFrame command) {
                // a frame holds the line and its literals; their sum is bounded by the limits
                if (command.bytes().length > 64L * (MAX_LINE + MAX_LITERAL)) {
                    throw new AssertionError("frame of " + command.bytes().length + " octets passed the limits");
                }
                CommandParser.tagOf(command.bytes());
                parse(command.bytes());
            } else if (!(frame instanceof RejectedFrame)) {
                throw new AssertionError("unexpected frame " + frame);
            }
        }
        for (ByteBuf out = ch.readOutbound(); out != null; out = ch.readOutbound()) {
            String written = out.toString(StandardCharsets.US_ASCII);
            out.release();
            if (!written.equals("+ Ready for literal data\r\n")) {
                throw new AssertionError("the decoder wrote " + written);
            }
        }
    }

    private static void parse(byte[] line) {
        try {
            CommandParser.parse(line);
        } catch (SyntaxException expected) {
            // answered with a tagged BAD by the session
        }
    }
}
