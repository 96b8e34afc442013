package org.relaycert.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Stream;

/**
 * The bench leaves nothing in the temporary directory: what it makes there is claimed ({@link #claim}: the bench
 * directory, the Delta Chat client's working directory) and must be gone at the end; what JMH makes there during
 * the JMH phase ({@code jmh*}, and {@code msg-*} spool files a benchmark would make) is removed after that phase
 * and must be gone too. On a shared machine other programs make files there as well (other test runs make the
 * same kinds of names): those are counted apart, not held against the bench.
 */
public final class TempCheck {
    private static final Set<String> CLAIMED = new ConcurrentSkipListSet<>();

    private final Path dir;
    private final Set<String> before;
    private final Set<String> jmhMade = new TreeSet<>();

    private TempCheck(Path dir, Set<String> before) {
        this.dir = dir;
        this.before = before;
    }

    static TempCheck before(Path dir) {
        return new TempCheck(dir, list(dir));
    }

    /** Records that the bench made {@code path} (checked at the end if it is directly in the temporary directory). */
    public static Path claim(Path path) {
        CLAIMED.add(path.getFileName().toString());
        return path;
    }

    /**
     * After the JMH phase: removes what JMH made ({@code jmh.lock} unless it was there before, the compile-command
     * files it would delete only as the JVM exits) and remembers any {@code msg-*} spool file a benchmark left.
     */
    void afterJmh() {
        Set<String> now = list(dir);
        now.removeAll(before);
        for (String n : now) {
            if (n.startsWith("jmh")) {
                try {
                    Files.deleteIfExists(dir.resolve(n));
                } catch (IOException e) {
                    jmhMade.add(n);
                }
            } else if (n.startsWith("msg-")) {
                jmhMade.add(n);
            }
        }
    }

    /** Adds the verdict row: met when nothing the bench made is left. */
    void after(Summary summary, PrintStream out) {
        Set<String> now = list(dir);
        Set<String> added = new TreeSet<>(now);
        added.removeAll(before);
        Set<String> left = new TreeSet<>();
        for (String n : added) {
            if (CLAIMED.contains(n) || jmhMade.contains(n)) {
                left.add(n);
            }
        }
        int others = added.size() - left.size();
        String value = left.isEmpty() ? "0 entries left" : left.size() + " left: " + String.join(", ", left.stream().limit(3).toList())
                + (left.size() > 3 ? ", ..." : "");
        out.println("temporary directory " + dir + ": " + value + " of " + CLAIMED.size() + " the bench made there ("
                + others + " new entries of other programs)");
        summary.add("temporary directory left by the bench (" + dir + ")", value, "nothing left",
                Summary.Verdict.of(left.isEmpty()));
    }

    private static Set<String> list(Path dir) {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.forEach(p -> names.add(p.getFileName().toString()));
        } catch (IOException e) {
            // an unreadable directory: nothing to compare
        }
        return names;
    }
}
