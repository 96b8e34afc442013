package org.relaycert.server.dkim;

import java.io.IOException;
import java.io.OutputStream;

/**
 * {@link Canonicalization#body} as a stream (RFC 6376 sections 3.4.3 and 3.4.4): octets written in, the
 * canonical body out, holding only runs of whitespace and of empty lines until it knows whether they are
 * trailing. Lines end at CRLF; a bare CR or LF is content. Call {@link #close()} at the end of the body.
 *
 * <pre>
 * simple:  trailing empty lines removed, a missing final CRLF added, an empty body is CRLF
 * relaxed: also WSP runs become one SP, WSP before CRLF goes; an empty body stays empty
 * </pre>
 */
final class BodyCanonicalizer extends OutputStream {
    private final boolean relaxed;
    private final OutputStream out;
    // relaxed whitespace stage
    private boolean pendingSpace;
    private int heldAfterSpace = -1;
    // line stage
    private boolean lineStart = true;
    private boolean heldCr;
    private boolean lastCr;
    private long emptyLines;
    private boolean anything;

    BodyCanonicalizer(Canonicalization c, OutputStream out) {
        this.relaxed = c == Canonicalization.RELAXED;
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        int c = b & 0xFF;
        if (!relaxed) {
            line(c);
            return;
        }
        if (heldAfterSpace >= 0) { // WSP then a line-end octet: the WSP goes if this makes it CRLF
            int held = heldAfterSpace;
            heldAfterSpace = -1;
            pendingSpace = false;
            if (held == '\r' && c == '\n') {
                line('\r');
                line('\n');
                return;
            }
            line(' ');
            line(held);
        }
        if (c == ' ' || c == '\t') {
            pendingSpace = true;
        } else if (pendingSpace && isLineEndOctet(c)) {
            heldAfterSpace = c;
        } else {
            if (pendingSpace) {
                pendingSpace = false;
                line(' ');
            }
            line(c);
        }
    }

    /** The line stage: empty lines are held until a non-empty one shows they were not trailing. */
    private void line(int c) throws IOException {
        if (lineStart) {
            if (heldCr) {
                heldCr = false;
                if (c == '\n') {
                    emptyLines++;
                    return;
                }
                content('\r');
            } else if (c == '\r') {
                heldCr = true;
                return;
            } else {
                flushEmptyLines();
            }
        }
        content(c);
    }

    private void content(int c) throws IOException {
        if (lineStart) {
            flushEmptyLines();
            lineStart = false;
        }
        out.write(c);
        anything = true;
        if (c == '\n' && lastCr) {
            lineStart = true;
        }
        lastCr = c == '\r';
    }

    private void flushEmptyLines() throws IOException {
        for (; emptyLines > 0; emptyLines--) {
            out.write('\r');
            out.write('\n');
            anything = true;
        }
    }

    /**
     * CR, LF and NEL (0x85 read as ISO-8859-1): {@link Canonicalization#body} removes WSP at the very end of a body
     * that does not end in CRLF with a regex whose {@code $} also matches before one final such octet.
     */
    private static boolean isLineEndOctet(int c) {
        return c == '\r' || c == '\n' || c == 0x85;
    }

    /** Ends the body: pending whitespace and empty lines resolved, the final CRLF. */
    @Override
    public void close() throws IOException {
        if (relaxed && heldAfterSpace >= 0) {
            line(heldAfterSpace); // WSP before a final line-end octet goes, as in Canonicalization.body
        }
        pendingSpace = false; // trailing WSP without a line end goes
        heldAfterSpace = -1;
        if (heldCr) {
            heldCr = false;
            content('\r');
        }
        if (!lineStart) {
            content('\r');
            content('\n');
        }
        if (!anything && !relaxed) {
            out.write('\r');
            out.write('\n');
        }
        out.flush();
    }
}
