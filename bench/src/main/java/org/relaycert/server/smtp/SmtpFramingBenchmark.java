package org.relaycert.server.smtp;

import io.netty.buffer.ByteBuf;
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
import org.relaycert.server.delivery.Spool;

/**
 * The SMTP front end's hot paths: cutting command lines out of the byte stream, and framing one DATA
 * (unstuffing, CRLF.CRLF detection) of a Delta Chat sized message (about 6 KB, 80-octet lines). In this
 * package because the framers are package-private pipeline stages. Framing only: the DATA section goes to an
 * in-memory spool ({@link Spool#inMemory()}), not to a file per operation (which measured the file system and,
 * never deleted, left one file per operation in the temporary directory).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SmtpFramingBenchmark {
    private static final byte[] COMMAND = "RCPT TO:<abcdefghi@relay.example.org>\r\n".getBytes(StandardCharsets.US_ASCII);
    private byte[] message;
    private EmbeddedChannel commands;
    private LineFramer commandLines;

    @Setup
    public void setUp() {
        StringBuilder m = new StringBuilder("From: <a@x.org>\r\nTo: <b@x.org>\r\nSubject: [...]\r\n\r\n");
        while (m.length() < 6000) {
            m.append("wcBMA1iN/2Q3fEk9AQf/Zq3sN4vYp0kV9o1g0X8y7b0Qe6bZt+o1F7m1b2r0c1w9kPq0o3vJ8Zr7f5aQ..leading dot\r\n");
        }
        m.append(".\r\n");
        message = m.toString().getBytes(StandardCharsets.US_ASCII);
        commandLines = new LineFramer(2048);
        commands = new EmbeddedChannel(commandLines);
    }

    /** One command line in, one String out, then the session's "answered, go on". */
    @Benchmark
    public Object commandLine() {
        commands.writeInbound(Unpooled.wrappedBuffer(COMMAND));
        Object line = commands.readInbound();
        commandLines.resume();
        return line;
    }

    /** One whole DATA section, split into lines and framed into the message the intake gets. */
    @Benchmark
    public Object dataSection() {
        LineFramer lines = new LineFramer(2048);
        DataFramer data = new DataFramer(lines, 31_457_280, Spool.inMemory());
        EmbeddedChannel ch = new EmbeddedChannel(lines, data);
        data.begin();
        ByteBuf in = Unpooled.wrappedBuffer(message);
        ch.writeInbound(in);
        Object received = ch.readInbound();
        ch.finishAndReleaseAll();
        return received;
    }
}
