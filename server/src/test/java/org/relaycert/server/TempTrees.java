package org.relaycert.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Deletes a directory a test class made in the temporary directory for all its tests (JUnit's @TempDir cleans its
 * own). The fuzz targets make theirs in a static initializer: their {@code @AfterAll} deletes it after the class's
 * tests, and {@link #deletedAtExit} when the JVM ends, whatever ran the initializer (in the bounded fuzzing run a
 * directory stayed with {@code @AfterAll} alone).
 */
public final class TempTrees {
    private TempTrees() {
    }

    /** {@code dir}, deleted with everything under it when the JVM ends (a shutdown hook). */
    public static Path deletedAtExit(Path dir) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                delete(dir);
            } catch (IOException | RuntimeException e) {
                System.err.println("could not delete " + dir + ": " + e);
            }
        }, "delete-" + dir.getFileName()));
        return dir;
    }

    /** Deletes {@code dir} and everything under it; nothing when it is null or gone. */
    public static void delete(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
