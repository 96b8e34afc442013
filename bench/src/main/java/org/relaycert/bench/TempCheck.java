package org.relaycert.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The bench leaves nothing in the temporary directory: its entries are listed before the run and after it, and the
 * new ones that this bench and what it runs make (the bench directory, the relay's and the framing benchmark's
 * spool files, the Delta Chat client's working directory, JMH's and JFR's files) are reported. Other programs on a
 * shared machine make files there too; those are counted apart and not held against the bench.
 */
final class TempCheck {
    /** Names this bench, the relay, JMH, JFR and the Delta Chat driver give what they make in the temporary directory. */
    static final List<String> OURS = List.of("relaycert-bench-", "relaycert-deltachat-", "msg-", "jmh", "jfr", "hs_err");

    private final Path dir;
    private final Set<String> before;

    private TempCheck(Path dir, Set<String> before) {
        this.dir = dir;
        this.before = before;
    }

    static TempCheck before(Path dir) {
        return new TempCheck(dir, list(dir));
    }

    /** Adds the verdict row: met when no new entry has one of {@link #OURS}' prefixes. */
    void after(Summary summary, PrintStream out) {
        Set<String> now = list(dir);
        now.removeAll(before);
        Set<String> ours = new TreeSet<>();
        for (String n : now) {
            if (isOurs(n)) {
                ours.add(n);
            }
        }
        int others = now.size() - ours.size();
        String value = ours.isEmpty() ? "0 entries left" : ours.size() + " left: " + String.join(", ", ours.stream().limit(3).toList())
                + (ours.size() > 3 ? ", ..." : "");
        out.println("temporary directory " + dir + ": " + value + " (" + others + " new entries of other programs, not ours)");
        summary.add("temporary directory left by the bench (" + dir + ")", value, "nothing left",
                Summary.Verdict.of(ours.isEmpty()));
    }

    static boolean isOurs(String name) {
        String n = name.startsWith(".") ? name.substring(1) : name;
        return OURS.stream().anyMatch(n::startsWith);
    }

    private static Set<String> list(Path dir) {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.forEach(p -> names.add(p.getFileName().toString()));
        } catch (IOException e) {
            // an unreadable directory: nothing to compare, the row says 0
        }
        return names;
    }
}
