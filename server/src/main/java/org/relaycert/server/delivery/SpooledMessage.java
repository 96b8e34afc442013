package org.relaycert.server.delivery;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * One message on its way through the mail path: the top-level header fields in memory (the part policies
 * rewrite), the rest (the empty line and the body) where it arrived, usually a spool file. So a 30 MiB message
 * costs the heap its header and small buffers, however many policies look at it. Header rewrites make a new
 * value sharing the rest; the message's bytes are {@code head + rest}.
 *
 * <p>The header ends at the first line that starts with CR or LF (RFC 5322 section 2.1:
 * {@code message = *field CRLF body}); a message without one is all header.
 */
public final class SpooledMessage {
    /** A header without its end within this many octets is read into memory whole (a malformed message). */
    static final int MAX_HEAD = 1 << 20;

    private final byte[] head;
    private final byte[] restBytes;
    private final Path restFile;
    private final long restOffset;
    private final long restLength;

    private SpooledMessage(byte[] head, byte[] restBytes, Path restFile, long restOffset, long restLength) {
        this.head = head;
        this.restBytes = restBytes;
        this.restFile = restFile;
        this.restOffset = restOffset;
        this.restLength = restLength;
    }

    /** A message held in memory (front ends that received it whole, tests). */
    public static SpooledMessage of(byte[] message) {
        int end = headEnd(message, message.length, true);
        return new SpooledMessage(Arrays.copyOf(message, end), message, null, end, message.length - end);
    }

    /** A message in {@code file} (complete, not written to any more); reads only its header. */
    public static SpooledMessage ofFile(Path file) throws IOException {
        return ofFile(file, 0);
    }

    /** A message in {@code file} from {@code offset} to its end (a file with a header of its own). */
    public static SpooledMessage ofFile(Path file, long offset) throws IOException {
        long size = Files.size(file) - offset;
        byte[] start;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            start = Channels.newInputStream(ch.position(offset)).readNBytes((int) Math.min(size, MAX_HEAD));
        }
        int end = headEnd(start, start.length, start.length == size);
        if (end < 0) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                return of(Channels.newInputStream(ch.position(offset)).readAllBytes());
            }
        }
        return new SpooledMessage(Arrays.copyOf(start, end), null, file, offset + end, size - end);
    }

    /** Where the header of {@code bytes[0..length)} ends; -1 when it does not end there and more may follow. */
    private static int headEnd(byte[] bytes, int length, boolean complete) {
        for (int pos = 0; pos < length; ) {
            if (bytes[pos] == '\r' || bytes[pos] == '\n') {
                return pos;
            }
            while (pos < length && bytes[pos] != '\n') {
                pos++;
            }
            pos++;
        }
        return complete ? length : -1;
    }

    /** Octets in all. */
    public long size() {
        return head.length + restLength;
    }

    /** The top-level header fields, each with its line ends, without the empty line that ends the header. */
    public byte[] head() {
        return head.clone();
    }

    /** The header fields and the empty line that ends them, as a message of its own without a body. */
    public byte[] headerOnly() {
        byte[] out = Arrays.copyOf(head, head.length + 2);
        out[head.length] = '\r';
        out[head.length + 1] = '\n';
        return out;
    }

    /** This message with other header fields and the same rest. */
    public SpooledMessage withHead(byte[] fields) {
        return new SpooledMessage(fields.clone(), restBytes, restFile, restOffset, restLength);
    }

    /**
     * Whether every header line ends in CRLF and the header ends with an empty line that is exactly CRLF (so the
     * body starts after it, however lines are split).
     */
    public boolean crlfFramed() throws IOException {
        if (restLength < 2 || head.length > 0 && head[head.length - 1] != '\n') {
            return false;
        }
        for (int i = 0; i < head.length; i++) {
            if (head[i] == '\n' && (i == 0 || head[i - 1] != '\r')) {
                return false;
            }
        }
        try (InputStream rest = openRest()) {
            return rest.read() == '\r' && rest.read() == '\n';
        }
    }

    /** The body: the octets after the CRLF that ends the header (see {@link #crlfFramed()}). */
    public InputStream openBody() throws IOException {
        InputStream rest = openRest();
        rest.skipNBytes(2);
        return rest;
    }

    private InputStream openRest() throws IOException {
        if (restFile == null) {
            return new ByteArrayInputStream(restBytes, (int) restOffset, (int) restLength);
        }
        FileChannel ch = FileChannel.open(restFile, StandardOpenOption.READ);
        ch.position(restOffset);
        return new BufferedInputStream(Channels.newInputStream(ch), 1 << 16);
    }

    /** The whole message from its first octet. */
    public InputStream open() throws IOException {
        return new SequenceInputStream(new ByteArrayInputStream(head), openRest());
    }

    /** Removes the spool file behind this message (and every value made from it with {@link #withHead}). */
    public void discard() {
        if (restFile != null) {
            Spool.delete(restFile);
        }
    }

    /** The whole message in one array: only for code that cannot stream (it costs a copy of the message). */
    public byte[] bytes() throws IOException {
        try (InputStream in = open()) {
            return in.readAllBytes();
        }
    }
}
