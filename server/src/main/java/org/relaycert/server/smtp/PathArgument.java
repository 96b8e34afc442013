package org.relaycert.server.smtp;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The argument of MAIL and RCPT, parsed apart from what the commands do with it.
 *
 * <pre>
 * mail            = "MAIL FROM:" Reverse-path [SP Mail-parameters] CRLF
 * rcpt            = "RCPT TO:" ( "&lt;Postmaster@" Domain "&gt;" / "&lt;Postmaster&gt;" / Forward-path )
 *                   [SP Rcpt-parameters] CRLF
 * Reverse-path    = Path / "&lt;&gt;"
 * Path            = "&lt;" [ A-d-l ":" ] Mailbox "&gt;"
 * esmtp-param     = esmtp-keyword ["=" esmtp-value]
 * </pre>
 * Lenient where Postfix is ({@code strict_rfc821_envelopes = no}): spaces after the colon and a path
 * without angle brackets are accepted. A source route ({@code A-d-l}) is dropped (RFC 5321 section 4.1.2).
 *
 * @param address the mailbox without brackets; {@code ""} for the null path
 * @param params  ESMTP parameters, keywords upper-cased, in order; a keyword without value maps to {@code ""}
 */
record PathArgument(String address, Map<String, String> params) {

    static final int MAX_PATH = 256;

    /** Parses {@code text} after the verb; {@code keyword} is {@code "FROM:"} or {@code "TO:"}. */
    static PathArgument parse(String text, String keyword) throws IllegalArgumentException {
        if (text.length() < keyword.length() || !text.regionMatches(true, 0, keyword, 0, keyword.length())) {
            throw new IllegalArgumentException("missing " + keyword);
        }
        String rest = text.substring(keyword.length()).stripLeading();
        String path;
        String tail;
        if (rest.startsWith("<")) {
            int close = closingBracket(rest);
            if (close < 0) {
                throw new IllegalArgumentException("unterminated path");
            }
            path = rest.substring(1, close);
            tail = rest.substring(close + 1);
            if (!tail.isEmpty() && !tail.startsWith(" ")) {
                throw new IllegalArgumentException("text after path");
            }
        } else {
            int sp = rest.indexOf(' ');
            path = sp < 0 ? rest : rest.substring(0, sp);
            tail = sp < 0 ? "" : rest.substring(sp);
            if (path.isEmpty()) {
                throw new IllegalArgumentException("empty path");
            }
        }
        if (path.startsWith("@")) {
            int colon = path.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("bad source route");
            }
            path = path.substring(colon + 1);
        }
        if (path.length() > MAX_PATH || !validMailbox(path)) {
            throw new IllegalArgumentException("bad mailbox");
        }
        return new PathArgument(path, parameters(tail));
    }

    private static int closingBracket(String s) {
        boolean quoted = false;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && quoted) {
                i++;
            } else if (c == '>' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    /** Empty, or local-part "@" domain with no control characters or unquoted space (or a bare local-part). */
    private static boolean validMailbox(String s) {
        if (s.isEmpty()) {
            return true;
        }
        boolean quoted = false;
        int at = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return false;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == ' ' || c == '<' || c == '>' || c == ',' || c == ';')) {
                return false;
            } else if (!quoted && c == '@') {
                at = i;
            }
        }
        if (quoted) {
            return false;
        }
        return at != 0 && at != s.length() - 1;
    }

    private static Map<String, String> parameters(String tail) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String p : tail.trim().split(" +")) {
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            String key = (eq < 0 ? p : p.substring(0, eq)).toUpperCase(Locale.ROOT);
            if (key.isEmpty() || !key.matches("[A-Z0-9][A-Z0-9-]*")) {
                throw new IllegalArgumentException("bad parameter " + p);
            }
            params.put(key, eq < 0 ? "" : p.substring(eq + 1));
        }
        return params;
    }
}
