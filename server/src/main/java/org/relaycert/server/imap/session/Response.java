package org.relaycert.server.imap.session;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One server response line (untagged, tagged or continuation) built from text and literals; the
 * encoder writes it followed by CRLF. Literals are emitted as {@code {n}CRLF<octets>}; a literal can be a
 * region of a file (a stored message), which goes to the wire in chunks instead of through memory.
 */
public final class Response {
    /** {@code length} octets of an open file from {@code offset}; the writer closes the channel. */
    public record FileRegion(FileChannel channel, long offset, long length) {
    }

    private final List<Object> parts = new ArrayList<>();
    private boolean streams;

    public static Response line(String text) {
        return new Response().text(text);
    }

    public Response text(String text) {
        parts.add(text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public Response literal(byte[] octets) {
        parts.add(("{" + octets.length + "}\r\n").getBytes(StandardCharsets.US_ASCII));
        parts.add(octets);
        return this;
    }

    /** A literal read from {@code file} when it is written. */
    public Response literal(FileRegion file) {
        parts.add(("{" + file.length() + "}\r\n").getBytes(StandardCharsets.US_ASCII));
        parts.add(file);
        streams = true;
        return this;
    }

    /** Whether a part is a {@link FileRegion}; then {@link #pieces()} must be written, not {@link #parts()}. */
    public boolean streams() {
        return streams;
    }

    /** The octets of a response without file regions. */
    public List<byte[]> parts() {
        if (streams) {
            throw new IllegalStateException("a response with file literals is written piece by piece");
        }
        return parts.stream().map(p -> (byte[]) p).toList();
    }

    /** Text octets ({@code byte[]}) and {@link FileRegion}s, in order, without the final CRLF. */
    public List<Object> pieces() {
        return parts;
    }

    public long size() {
        long size = 2;
        for (Object p : parts) {
            size += p instanceof byte[] b ? b.length : ((FileRegion) p).length();
        }
        return size;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        parts.forEach(p -> b.append(p instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : "<" + ((FileRegion) p).length() + " octets of a file>"));
        return b.toString();
    }
}
