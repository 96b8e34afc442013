package org.relaycert.server.imap.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * An IMAP sequence set (RFC 3501 9):
 * <pre>
 * sequence-set = (seq-number / seq-range) ["," sequence-set]
 * seq-range    = seq-number ":" seq-number
 * seq-number   = nz-number / "*"
 * </pre>
 * {@code *} is stored as {@link #STAR} and resolved against the largest number in use.
 */
public record SequenceSet(List<Range> ranges) {
    public static final long STAR = Long.MAX_VALUE;

    public record Range(long from, long to) {
        long low(long max) {
            return Math.min(resolve(from, max), resolve(to, max));
        }

        long high(long max) {
            return Math.max(resolve(from, max), resolve(to, max));
        }

        private static long resolve(long n, long max) {
            return n == STAR ? max : n;
        }
    }

    public static SequenceSet parse(String text) throws SyntaxException {
        List<Range> ranges = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String[] ends = part.split(":", -1);
            if (ends.length > 2) {
                throw new SyntaxException("bad sequence range " + part);
            }
            long a = seqNumber(ends[0]);
            long b = ends.length == 2 ? seqNumber(ends[1]) : a;
            ranges.add(new Range(a, b));
        }
        return new SequenceSet(List.copyOf(ranges));
    }

    private static long seqNumber(String s) throws SyntaxException {
        if (s.equals("*")) {
            return STAR;
        }
        if (s.isEmpty() || s.length() > 10 || !s.chars().allMatch(Character::isDigit)) {
            throw new SyntaxException("bad sequence number '" + s + "'");
        }
        long n = Long.parseLong(s);
        if (n == 0 || n > 0xffffffffL) {
            throw new SyntaxException("sequence number out of range: " + s);
        }
        return n;
    }

    /** Whether {@code n} is in the set, {@code *} meaning {@code max}. */
    public boolean contains(long n, long max) {
        for (Range r : ranges) {
            if (n >= r.low(max) && n <= r.high(max)) {
                return true;
            }
        }
        return false;
    }

    /** The largest number written out (not {@code *}); 0 if there is none. */
    public long largestExplicit() {
        long max = 0;
        for (Range r : ranges) {
            if (r.from() != STAR) {
                max = Math.max(max, r.from());
            }
            if (r.to() != STAR) {
                max = Math.max(max, r.to());
            }
        }
        return max;
    }
}
