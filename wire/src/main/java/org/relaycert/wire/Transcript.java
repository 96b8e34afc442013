package org.relaycert.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * What a protocol session said and heard, as {@code C:}/{@code S:} lines: the evidence a verdict
 * carries. Credentials are masked so reports can be published.
 */
public final class Transcript {
    private final List<String> lines = new ArrayList<>();
    private final boolean recording;

    public Transcript() {
        this(true);
    }

    private Transcript(boolean recording) {
        this.recording = recording;
    }

    /** A transcript that keeps nothing: for load clients, whose sessions run for thousands of messages. */
    public static Transcript discarding() {
        return new Transcript(false);
    }

    synchronized void client(String line) {
        if (recording) {
            lines.add("C: " + mask(line));
        }
    }

    synchronized void server(String line) {
        if (recording) {
            lines.add("S: " + line);
        }
    }

    public synchronized void note(String line) {
        if (recording) {
            lines.add("-- " + line);
        }
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** The last {@code n} lines, enough to show a failure without flooding the report. */
    public synchronized List<String> tail(int n) {
        return List.copyOf(lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }

    private static String mask(String line) {
        String upper = line.toUpperCase(java.util.Locale.ROOT);
        int auth = upper.indexOf("AUTH");
        int login = upper.indexOf(" LOGIN ");
        if (auth >= 0 && upper.contains("PLAIN ")) {
            return line.substring(0, upper.indexOf("PLAIN ") + 6) + "<credentials>";
        }
        if (login >= 0) {
            return line.substring(0, login + 7) + "<credentials>";
        }
        return line;
    }
}
