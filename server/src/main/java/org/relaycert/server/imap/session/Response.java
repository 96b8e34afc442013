package org.relaycert.server.imap.session;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One server response line (untagged, tagged or continuation) built from text and literals; the
 * encoder writes it followed by CRLF. Literals are emitted as {@code {n}CRLF<octets>}.
 */
public final class Response {
    private final List<byte[]> parts = new ArrayList<>();

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

    public List<byte[]> parts() {
        return parts;
    }

    public int size() {
        return parts.stream().mapToInt(p -> p.length).sum() + 2;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        parts.forEach(p -> b.append(new String(p, StandardCharsets.UTF_8)));
        return b.toString();
    }
}
