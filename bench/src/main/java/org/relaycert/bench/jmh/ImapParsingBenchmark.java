package org.relaycert.bench.jmh;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.relaycert.server.imap.frame.CommandFrame;
import org.relaycert.server.imap.frame.ImapFrameDecoder;
import org.relaycert.server.imap.parse.CommandParser;
import org.relaycert.server.imap.parse.SyntaxException;

/** The IMAP front end's hot paths: the frame decoder (lines and literals) and the command parser. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ImapParsingBenchmark {
    /** What Delta Chat sends most once idle mail arrives. */
    private static final byte[] FETCH = "a17 UID FETCH 1:* (UID RFC822.SIZE FLAGS BODY.PEEK[HEADER.FIELDS (MESSAGE-ID DATE FROM)])"
            .getBytes(StandardCharsets.US_ASCII);
    private byte[] appendWithLiteral;
    private EmbeddedChannel decoder;

    @Setup
    public void setUp() throws SyntaxException {
        String body = "Subject: x\r\n\r\n" + "y".repeat(2000) + "\r\n";
        appendWithLiteral = ("a5 APPEND INBOX (\\Seen) {" + body.length() + "+}\r\n" + body + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        decoder = new EmbeddedChannel(new ImapFrameDecoder(8192, 31_457_280));
        CommandParser.parse(FETCH); // fails the run at once if the line stops parsing
    }

    @Benchmark
    public Object parseUidFetch() throws SyntaxException {
        return CommandParser.parse(FETCH);
    }

    /** An APPEND with a 2 KB non-synchronizing literal through the frame decoder. */
    @Benchmark
    public Object decodeAppendFrame() {
        decoder.writeInbound(Unpooled.wrappedBuffer(appendWithLiteral));
        CommandFrame frame = decoder.readInbound();
        return frame;
    }
}
