package org.relaycert.server.crash;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named places in the durable paths (store, queue) where a crash-safety test can stop the process dead.
 * Started with {@code -Drelaycert.crash-at=<name>} (or {@code <name>#<n>}: the n-th pass), the relay halts
 * there the first (n-th) time it passes, with
 * {@link Runtime#halt} (no shutdown hooks, no flushing of Java buffers: for the files on disk the same as
 * {@code kill -9}). Without the property every point is a no-op, so the reference relay is unaffected.
 */
public final class CrashPoints {
    /** The system property naming the point to halt at. */
    public static final String PROPERTY = "relaycert.crash-at";
    /** Exit status of a halt, as a shell reports a process killed by SIGKILL. */
    public static final int EXIT_STATUS = 137;

    /** Folder.append: message written and fsynced in {@code tmp/}, not yet renamed into {@code new/}/{@code cur/}. */
    public static final String APPEND_TMP_WRITTEN = "store.append.tmp-written";
    /** Folder.append: renamed into place, UID list not yet saved, nothing acknowledged. */
    public static final String APPEND_RENAMED = "store.append.renamed";
    /** Folder.expunge: the first file deleted, the others and the UID list not yet. */
    public static final String EXPUNGE_FIRST_DELETED = "store.expunge.first-deleted";
    /** QueueDirectory.write: queue file written in {@code tmp/}, not yet moved to {@code active/}. */
    public static final String QUEUE_TMP_WRITTEN = "queue.tmp-written";

    private static final String ARMED_SPEC = System.getProperty(PROPERTY, "");
    private static final String ARMED = ARMED_SPEC.contains("#") ? ARMED_SPEC.substring(0, ARMED_SPEC.indexOf('#'))
            : ARMED_SPEC;
    private static final int ARMED_PASS = ARMED_SPEC.contains("#")
            ? Integer.parseInt(ARMED_SPEC.substring(ARMED_SPEC.indexOf('#') + 1)) : 1;
    private static final AtomicInteger PASSES = new AtomicInteger();

    private CrashPoints() {
    }

    /** Halts the process if {@code name} is the armed point and this is the armed pass. */
    public static void reach(String name) {
        if (!ARMED.isEmpty() && ARMED.equals(name) && PASSES.incrementAndGet() == ARMED_PASS) {
            System.err.println("crash point " + name + " reached: halting");
            System.err.flush();
            Runtime.getRuntime().halt(EXIT_STATUS);
        }
    }
}
