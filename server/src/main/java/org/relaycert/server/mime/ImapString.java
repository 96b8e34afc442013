package org.relaycert.server.mime;

import java.nio.charset.StandardCharsets;

/**
 * IMAP string encoding for server responses (RFC 3501 / RFC 9051 section 4.3 and the formal syntax):
 * <pre>
 * nstring         = string / nil
 * astring         = 1*ASTRING-CHAR / string
 * string          = quoted / literal
 * quoted          = DQUOTE *QUOTED-CHAR DQUOTE
 * QUOTED-CHAR     = &lt;any TEXT-CHAR except quoted-specials&gt; / "\" quoted-specials
 * quoted-specials = DQUOTE / "\"
 * literal         = "{" number "}" CRLF *CHAR8
 * </pre>
 * Values with CR, LF or non-ASCII characters cannot be quoted and become literals. The literal
 * length counts UTF-8 octets, so the returned text must be written to the wire as UTF-8. NUL
 * characters are dropped.
 */
public final class ImapString {

    private ImapString() {
    }

    /** {@code NIL} for null, otherwise {@link #string(String)}. */
    public static String nstring(String value) {
        return value == null ? "NIL" : string(value);
    }

    /** A bare atom when every character is an ASTRING-CHAR, otherwise {@link #string(String)}. */
    public static String astring(String value) {
        if (value == null) {
            return "\"\"";
        }
        if (!value.isEmpty() && value.chars().allMatch(ImapString::isAstringChar)) {
            return value;
        }
        return string(value);
    }

    /** A quoted string when possible, otherwise a literal {@code {n}\r\n...}. */
    public static String string(String value) {
        if (value == null) {
            value = "";
        }
        value = value.replace("\0", ""); // NUL is not allowed even in a literal (CHAR8)
        if (needsLiteral(value)) {
            int octets = value.getBytes(StandardCharsets.UTF_8).length;
            return "{" + octets + "}\r\n" + value;
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }

    private static boolean needsLiteral(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c > 0x7e) {
                return true;
            }
        }
        return false;
    }

    // ASTRING-CHAR = ATOM-CHAR / resp-specials; ATOM-CHAR excludes atom-specials.
    private static boolean isAstringChar(int c) {
        if (c <= 0x20 || c >= 0x7f) {
            return false;
        }
        return "(){%*\"\\".indexOf(c) < 0;
    }
}
