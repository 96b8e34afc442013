package org.relaycert.conformance.verdict;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import org.relaycert.reports.Verdict;

/** One line per finished check: "[relaycert] ACC 3/8 done, 1 failed", so a slow remote run never looks hung. */
final class Progress {
    private final PrintStream out;
    private final Map<String, int[]> byArea = new TreeMap<>(); // total, done, failed

    Progress(PrintStream out) {
        this.out = out;
    }

    synchronized void expect(String area) {
        byArea.computeIfAbsent(area, a -> new int[3])[0]++;
    }

    synchronized void done(String area, Verdict verdict) {
        int[] c = byArea.computeIfAbsent(area, a -> new int[3]);
        c[1]++;
        if (verdict == Verdict.FAIL || verdict == Verdict.ERROR) {
            c[2]++;
        }
        out.printf("[relaycert] %s %d/%d done, %d failed%n", area, c[1], Math.max(c[0], c[1]), c[2]);
    }
}
