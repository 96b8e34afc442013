package org.relaycert.server.store;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Maildir file names: a unique base {@code <seconds>.M<micros>P<pid>Q<n>.relaycert,S=<size>,U=<uid>} (the
 * time prefix and {@code S=} are what quota trimming sorts and sums by; {@code U=} the UID it was stored under),
 * followed in {@code cur/} by the info suffix {@code :2,<letters>}.
 */
final class MaildirFileName {
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final long PID = ProcessHandle.current().pid();

    private MaildirFileName() {
    }

    static String newBase(Instant now, long size) {
        return now.getEpochSecond() + ".M" + now.getNano() / 1000 + "P" + PID + "Q" + COUNTER.incrementAndGet()
                + ".relaycert,S=" + size;
    }

    /**
     * As above, carrying the UID the message gets ({@code ,U=<uid>}): the name alone then says the UID, so
     * the uid list need not be fsynced on each delivery (a lost update is rebuilt from the names).
     */
    static String newBase(Instant now, long size, long uid) {
        return withUid(newBase(now, size), uid);
    }

    /** A base name from {@link #newBase(Instant, long)} with the UID the message got. */
    static String withUid(String base, long uid) {
        return base + ",U=" + uid;
    }

    /** The UID recorded in a base name by {@link #newBase(Instant, long, long)}, if any. */
    static java.util.OptionalLong uid(String base) {
        int at = base.lastIndexOf(",U=");
        if (at < 0) {
            return java.util.OptionalLong.empty();
        }
        int end = at + 3;
        while (end < base.length() && Character.isDigit(base.charAt(end))) {
            end++;
        }
        if (end == at + 3 || end - at - 3 > 18 || (end < base.length() && base.charAt(end) != ',')) {
            return java.util.OptionalLong.empty();
        }
        long uid = Long.parseLong(base.substring(at + 3, end));
        return uid > 0 ? java.util.OptionalLong.of(uid) : java.util.OptionalLong.empty();
    }

    /** The arrival time in a base name's {@code <seconds>.} prefix. */
    static java.util.Optional<Instant> arrival(String base) {
        int dot = base.indexOf('.');
        try {
            return dot > 0 ? java.util.Optional.of(Instant.ofEpochSecond(Long.parseLong(base.substring(0, dot))))
                    : java.util.Optional.empty();
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    static String base(String fileName) {
        int colon = fileName.indexOf(':');
        return colon < 0 ? fileName : fileName.substring(0, colon);
    }

    /** The info letters after {@code :2,}, empty if none. */
    static String infoLetters(String fileName) {
        int info = fileName.indexOf(MaildirFlags.INFO_PREFIX);
        return info < 0 ? "" : fileName.substring(info + MaildirFlags.INFO_PREFIX.length());
    }

    static String withInfo(String base, String letters) {
        return base + MaildirFlags.INFO_PREFIX + letters;
    }

    /** Maildir readers skip dot files; so do we (temporary files of other tools). */
    static boolean isMessage(String fileName) {
        return !fileName.startsWith(".");
    }
}
