package org.relaycert.server.policy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The binary data of an ASCII-armored OpenPGP message, decoded as it is read: the streaming form of
 * {@link ArmoredMessage#decode}, with the same grammar and base64 rules, holding one line at a time. The stream
 * ends early where the armor breaks; {@link #valid()}, asked after the end, says whether the text was exactly one
 * well-formed armored message with data. Lines longer than {@value #LONG_LINE} octets are judged in pieces:
 * base64 lines still decode; any other such line breaks the armor.
 */
final class ArmoredStream extends InputStream {
    static final int LONG_LINE = 64 * 1024;

    private enum Part { BEFORE, HEADERS, DATA, CHECKSUM, AFTER, BROKEN }

    private final InputStream text;
    private final byte[] line = new byte[LONG_LINE];
    private final ByteArrayOutputStream decoded = new ByteArrayOutputStream();
    private byte[] out = new byte[0];
    private int outPos;
    private Part part = Part.BEFORE;
    private boolean textEnded;
    private boolean pendingCr;
    private boolean continuing;
    private long produced;
    private int quantum;
    private int sextets;
    private int padding;
    private boolean paddedEnd;
    private final boolean headersAllowed;

    ArmoredStream(InputStream text) {
        this(text, true);
    }

    /** @param headersAllowed whether armor header lines ({@code Version:}, ...) may stand before the data */
    ArmoredStream(InputStream text, boolean headersAllowed) {
        this.text = text;
        this.headersAllowed = headersAllowed;
    }

    /** After the end of this stream: the text was one armored message whose base64 decoded to some data. */
    boolean valid() {
        return textEnded && part == Part.AFTER && produced > 0;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (outPos == out.length) {
            if (textEnded || part == Part.BROKEN) {
                return -1;
            }
            nextLine();
            out = decoded.toByteArray();
            outPos = 0;
            decoded.reset();
        }
        int n = Math.min(len, out.length - outPos);
        System.arraycopy(out, outPos, b, off, n);
        outPos += n;
        return n;
    }

    /** Reads one line (or a piece of a long one) and moves the armor state on. */
    private void nextLine() throws IOException {
        int length = 0;
        boolean complete = false;
        int c;
        while (length < line.length && (c = text.read()) >= 0) {
            if (pendingCr && c == '\n') { // the LF of a CRLF whose CR ended the previous line
                pendingCr = false;
                continue;
            }
            pendingCr = false;
            if (c == '\n' || c == '\r') {
                pendingCr = c == '\r';
                complete = true;
                break;
            }
            line[length++] = (byte) c;
        }
        if (!complete && length == 0) {
            end();
            return;
        }
        boolean piece = !complete && length == line.length;
        if (piece) {
            longPiece(length);
            continuing = true;
        } else if (continuing) { // the rest of a long line: more base64, whatever it looks like
            continuing = false;
            String rest = new String(line, 0, length, StandardCharsets.UTF_8).stripTrailing();
            for (int i = 0; i < rest.length() && part == Part.DATA; i++) {
                sextet(rest.charAt(i));
            }
        } else {
            line(new String(line, 0, length, StandardCharsets.UTF_8).stripTrailing());
        }
    }

    /** A piece of a line too long to hold: only base64 may be that long. */
    private void longPiece(int length) {
        if (part != Part.DATA) {
            part = Part.BROKEN;
            return;
        }
        for (int i = 0; i < length && part != Part.BROKEN; i++) {
            sextet(line[i]);
        }
    }

    private void line(String s) {
        switch (part) {
            case BEFORE -> {
                if (s.equals(ArmoredMessage.BEGIN)) {
                    part = Part.HEADERS;
                } else if (!s.isEmpty()) {
                    part = Part.BROKEN;
                }
            }
            case HEADERS -> {
                if (s.isEmpty()) {
                    part = Part.DATA;
                } else if (!headersAllowed || !ArmoredMessage.isArmorHeader(s)) {
                    part = Part.BROKEN;
                }
            }
            case DATA -> {
                if (s.equals(ArmoredMessage.END)) {
                    part = Part.AFTER;
                } else if (s.startsWith("=")) {
                    part = Part.CHECKSUM;
                } else {
                    for (int i = 0; i < s.length() && part != Part.BROKEN; i++) {
                        sextet(s.charAt(i));
                    }
                }
            }
            case CHECKSUM -> part = s.equals(ArmoredMessage.END) ? Part.AFTER : Part.BROKEN;
            case AFTER -> {
                if (!s.isBlank()) {
                    part = Part.BROKEN;
                }
            }
            default -> {
            }
        }
        if (part == Part.AFTER && !finishBase64()) {
            part = Part.BROKEN;
        }
    }

    private void end() {
        textEnded = true;
        if (part != Part.AFTER) {
            part = Part.BROKEN;
        }
    }

    /** One base64 character (RFC 4648 section 4: padding only to end the last unit, nothing after it). */
    private void sextet(int c) {
        if (paddedEnd) {
            part = Part.BROKEN;
        } else if (c == '=') {
            if (padding == 0 && sextets == 3 || padding == 1) {
                emitPartial();
                paddedEnd = true;
            } else if (padding == 0 && sextets == 2) {
                padding = 1;
            } else {
                part = Part.BROKEN;
            }
        } else if (padding == 1 || value(c) < 0) {
            part = Part.BROKEN;
        } else {
            quantum = (quantum << 6) | value(c);
            if (++sextets == 4) {
                emitPartial();
            }
        }
    }

    /** The end of the base64 text: a unit of one character, or half a padding, is an error. */
    private boolean finishBase64() {
        if (paddedEnd || sextets == 0) {
            return true;
        }
        if (padding == 1 || sextets == 1) {
            return false;
        }
        emitPartial();
        return true;
    }

    /** Writes the octets of the unit so far (two sextets: one octet, three: two, four: three). */
    private void emitPartial() {
        int octets = sextets * 6 / 8;
        int bits = quantum << (6 * (4 - sextets));
        for (int i = 0; i < octets; i++) {
            decoded.write(bits >>> (16 - 8 * i));
        }
        produced += octets;
        quantum = 0;
        sextets = 0;
    }

    private static int value(int c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '+' ? 62 : c == '/' ? 63 : -1;
    }
}
