package org.relaycert.server.imap.parse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the RFC 3501 section 9 lexical items from one decoded command line (literals inlined by the
 * frame decoder):
 * <pre>
 * atom     = 1*ATOM-CHAR        ; not ( ) { SP CTL % * " \ ]
 * astring  = 1*ASTRING-CHAR / string      ; ASTRING-CHAR = ATOM-CHAR / "]"
 * string   = quoted / literal
 * quoted   = DQUOTE *QUOTED-CHAR DQUOTE   ; \" and \\ escaped
 * literal  = "{" number ["+"] "}" CRLF *CHAR8
 * </pre>
 * Strings are decoded as UTF-8 (RFC 9051 allows UTF-8 in quoted strings).
 */
public final class ArgumentReader {
    private final byte[] in;
    private int pos;

    public ArgumentReader(byte[] line) {
        this.in = line;
    }

    /** A position to go back to (one-token lookahead, e.g. SEARCH CHARSET). */
    public record Mark(int pos) {
    }

    public Mark mark() {
        return new Mark(pos);
    }

    public void reset(Mark mark) {
        this.pos = mark.pos();
    }

    public boolean atEnd() {
        return pos >= in.length;
    }

    public int peek() {
        return atEnd() ? -1 : in[pos] & 0xff;
    }

    public boolean peekIs(char c) {
        return peek() == c;
    }

    public void expect(char c) throws SyntaxException {
        if (peek() != c) {
            throw new SyntaxException("expected '" + c + "'" + (atEnd() ? " but line ended" : " at offset " + pos));
        }
        pos++;
    }

    public boolean consume(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    public void sp() throws SyntaxException {
        expect(' ');
    }

    public void end() throws SyntaxException {
        if (!atEnd()) {
            throw new SyntaxException("unexpected characters after the command");
        }
    }

    public static boolean isAtomChar(int c) {
        return c > 0x20 && c < 0x7f && "(){%*\"\\]".indexOf(c) < 0;
    }

    /** The longest run of characters accepted by {@code ok}; at least one. */
    public String word(java.util.function.IntPredicate ok, String what) throws SyntaxException {
        int start = pos;
        while (!atEnd() && ok.test(peek())) {
            pos++;
        }
        if (pos == start) {
            throw new SyntaxException("expected " + what);
        }
        return new String(in, start, pos - start, StandardCharsets.UTF_8);
    }

    public String atom() throws SyntaxException {
        return word(ArgumentReader::isAtomChar, "an atom");
    }

    /** An atom that may also contain {@code ]} and {@code [} etc. up to SP or a paren: used for flags like {@code \Seen}. */
    public String flag() throws SyntaxException {
        if (consume('\\')) {
            if (consume('*')) {
                return "\\*";
            }
            return "\\" + atom();
        }
        return atom();
    }

    public String astring() throws SyntaxException {
        int c = peek();
        if (c == '"' || c == '{') {
            return string();
        }
        return word(ch -> isAtomChar(ch) || ch == ']', "an astring");
    }

    /** A list-mailbox: like astring but also allows the wildcards {@code %} and {@code *}. */
    public String listMailbox() throws SyntaxException {
        int c = peek();
        if (c == '"' || c == '{') {
            return string();
        }
        return word(ch -> isAtomChar(ch) || ch == ']' || ch == '%' || ch == '*', "a list-mailbox");
    }

    public String string() throws SyntaxException {
        if (peek() == '{') {
            return new String(literal(), StandardCharsets.UTF_8);
        }
        return quoted();
    }

    public String quoted() throws SyntaxException {
        expect('"');
        var out = new java.io.ByteArrayOutputStream();
        while (true) {
            if (atEnd()) {
                throw new SyntaxException("unterminated quoted string");
            }
            int c = in[pos++] & 0xff;
            if (c == '"') {
                return out.toString(StandardCharsets.UTF_8);
            }
            if (c == '\\') {
                if (atEnd()) {
                    throw new SyntaxException("unterminated quoted string");
                }
                c = in[pos++] & 0xff;
                if (c != '"' && c != '\\') {
                    throw new SyntaxException("invalid escape in quoted string");
                }
            } else if (c == '\r' || c == '\n') {
                throw new SyntaxException("line break in quoted string");
            }
            out.write(c);
        }
    }

    /** {@code literal} with its octets, as the frame decoder inlined them. */
    public byte[] literal() throws SyntaxException {
        java.nio.ByteBuffer octets = literalOctets();
        byte[] out = new byte[octets.remaining()];
        octets.get(out);
        return out;
    }

    /**
     * As {@link #literal()}, but a view of the octets inside the command line instead of a copy (an APPEND of a
     * large message then costs the heap one copy less).
     */
    public java.nio.ByteBuffer literalOctets() throws SyntaxException {
        expect('{');
        int start = pos;
        while (!atEnd() && Character.isDigit(peek())) {
            pos++;
        }
        if (start == pos || pos - start > 18) {
            throw new SyntaxException("bad literal size");
        }
        long size = Long.parseLong(new String(in, start, pos - start, StandardCharsets.US_ASCII));
        consume('+');
        expect('}');
        expect('\r');
        expect('\n');
        if (size > in.length - pos) {
            throw new SyntaxException("literal shorter than announced");
        }
        java.nio.ByteBuffer out = java.nio.ByteBuffer.wrap(in, pos, (int) size).slice();
        pos += (int) size;
        return out;
    }

    /** {@code nstring = string / "NIL"}; null for NIL. */
    public String nstring() throws SyntaxException {
        if (peek() == '"' || peek() == '{') {
            return string();
        }
        String a = atom();
        if (!a.equalsIgnoreCase("NIL")) {
            throw new SyntaxException("expected a string or NIL");
        }
        return null;
    }

    public long number() throws SyntaxException {
        int start = pos;
        while (!atEnd() && Character.isDigit(peek())) {
            pos++;
        }
        if (start == pos || pos - start > 10) {
            throw new SyntaxException("expected a number");
        }
        long n = Long.parseLong(new String(in, start, pos - start, StandardCharsets.US_ASCII));
        if (n > 0xffffffffL) {
            throw new SyntaxException("number out of range");
        }
        return n;
    }

    public long nzNumber() throws SyntaxException {
        long n = number();
        if (n == 0) {
            throw new SyntaxException("expected a non-zero number");
        }
        return n;
    }

    public SequenceSet sequenceSet() throws SyntaxException {
        return SequenceSet.parse(word(c -> Character.isDigit(c) || c == ':' || c == ',' || c == '*', "a sequence set"));
    }

    /** {@code "(" [flag *(SP flag)] ")"}. */
    public List<String> flagList() throws SyntaxException {
        expect('(');
        List<String> flags = new ArrayList<>();
        while (!consume(')')) {
            if (!flags.isEmpty()) {
                sp();
            }
            flags.add(flag());
        }
        return flags;
    }

    /** Parenthesized list of astrings (HEADER.FIELDS, ID values use their own reader). */
    public List<String> astringList() throws SyntaxException {
        expect('(');
        List<String> items = new ArrayList<>();
        while (!consume(')')) {
            if (!items.isEmpty()) {
                sp();
            }
            items.add(astring());
        }
        return items;
    }
}
