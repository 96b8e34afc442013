package org.relaycert.server.imap.session;

/**
 * The tagged result of a command: {@code OK}, {@code NO} or {@code BAD} with an optional response code
 * (without brackets). {@link #PENDING} means the command continues (IDLE, AUTHENTICATE) and answers later.
 */
public record Completion(String status, String code, String text) {
    public static final Completion PENDING = new Completion("", null, "");

    public static Completion ok(String text) {
        return new Completion("OK", null, text);
    }

    public static Completion ok(String code, String text) {
        return new Completion("OK", code, text);
    }

    public static Completion no(String text) {
        return new Completion("NO", null, text);
    }

    public static Completion no(String code, String text) {
        return new Completion("NO", code, text);
    }

    public static Completion bad(String text) {
        return new Completion("BAD", null, text);
    }

    public String render(String tag) {
        return tag + " " + status + " " + (code == null ? "" : "[" + code + "] ") + oneLine(text);
    }

    /** Client-supplied names can reach reply texts; a line break there would forge a response. */
    public static String oneLine(String text) {
        return text.replaceAll("[\\x00-\\x1f\\x7f]", " ");
    }
}
