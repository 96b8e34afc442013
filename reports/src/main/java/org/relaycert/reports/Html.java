package org.relaycert.reports;

/** Text escaping for HTML and SVG output. Evidence is raw server output, so everything goes through here. */
final class Html {

    private Html() {
    }

    /**
     * Escapes the five markup characters and replaces control characters (which HTML forbids) with U+FFFD;
     * tab, newline and carriage return stay. Null becomes the empty string.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c < 0xa0);
                    out.append(control ? '\uFFFD' : c);
                }
            }
        }
        return out.toString();
    }

    /** A fragment identifier safe for any requirement id. */
    static String anchor(String prefix, String id) {
        return (prefix + "-" + id).replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** The CSS class of a verdict name (PASS, FAIL, NOT_OBSERVABLE, ERROR, NOT_RUN). */
    static String verdictClass(String verdictName) {
        return "v-" + verdictName.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Words for a verdict name: NOT_OBSERVABLE becomes "not observable". */
    static String verdictLabel(String verdictName) {
        return verdictName.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
