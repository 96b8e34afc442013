package org.relaycert.server.smtp;

/**
 * Keeps reply lines inside the reply grammar whatever a command echoes back (VRFY, a bad address):
 * <pre>
 * textstring = 1*(%d09 / %d32-126)   ; RFC 5321 section 4.2, widened to UTF-8 for SMTPUTF8
 * </pre>
 * A bare CR or another control character from the client would otherwise end up inside a reply, where a
 * client may read it as a line end (reply injection). Found by {@code SmtpCommandFuzzTest}.
 */
final class ReplyText {
    private ReplyText() {
    }

    /** {@code text} with every control character except HT replaced by {@code ?}. */
    static String printable(String text) {
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                if (b == null) {
                    b = new StringBuilder(text);
                }
                b.setCharAt(i, '?');
            }
        }
        return b == null ? text : b.toString();
    }
}
