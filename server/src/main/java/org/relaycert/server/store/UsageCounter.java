package org.relaycert.server.store;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * A mailbox's bytes as counted by its last full scan, kept up to date with what this store appends and expunges,
 * so a delivery's quota check need not list and stat every message file (it did: with thousands of messages in a
 * mailbox that was most of a delivery's CPU). Like Dovecot's {@code maildirsize}, which counts the same way and is
 * recalculated now and then: the count is trusted for {@link #RESCAN} after a scan, then scanned again; a change
 * the store did not make itself (a file dropped in or removed by another program, seen by a folder's directory
 * scan) invalidates it. A scan running while messages arrive may count one twice: the count errs high, never low,
 * and whoever acts on a high count (refusing, trimming) asks for an exact scan first.
 */
final class UsageCounter {
    /** How long a scan's count is trusted (with this store's own changes added). */
    static final Duration RESCAN = Duration.ofMinutes(1);

    private long counted;
    private Instant scannedAt;
    private boolean valid;
    private int scans;
    private long addedDuringScans;
    private boolean invalidatedDuringScans;

    synchronized void changed(long delta) {
        counted += delta;
        if (scans > 0 && delta > 0) {
            addedDuringScans += delta;
        }
    }

    synchronized void invalidate() {
        valid = false;
        if (scans > 0) {
            invalidatedDuringScans = true;
        }
    }

    synchronized void scanStarted() {
        if (scans++ == 0) {
            addedDuringScans = 0;
            invalidatedDuringScans = false;
        }
    }

    synchronized void scanned(long total, Instant at) {
        scans--;
        counted = total + addedDuringScans;
        scannedAt = at;
        valid = !invalidatedDuringScans;
    }

    synchronized void scanFailed() {
        scans--;
    }

    /** The count, if a scan made it less than {@link #RESCAN} before {@code now} and nothing invalidated it since. */
    synchronized OptionalLong current(Instant now) {
        if (!valid || now.isBefore(scannedAt) || now.isAfter(scannedAt.plus(RESCAN))) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(counted);
    }
}
