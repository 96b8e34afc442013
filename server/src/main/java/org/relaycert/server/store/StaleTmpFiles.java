package org.relaycert.server.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Maildir rule for {@code tmp/}: a file there is a delivery that has not been moved into {@code new/} or
 * {@code cur/} yet, and one older than 36 hours never will be (the writer crashed); it is deleted. Nothing in
 * {@code tmp/} was ever acknowledged, so nothing acknowledged is lost. A file's age comes from the time prefix of
 * its name (written from the store's clock when the delivery started; an APPEND's mtime is its INTERNALDATE,
 * which may be old), else from its mtime for names this store did not make.
 */
final class StaleTmpFiles {
    /** The age after which the Maildir convention (and Dovecot) deletes files in {@code tmp/}. */
    static final Duration MAX_AGE = Duration.ofHours(36);
    private static final Logger log = LoggerFactory.getLogger(StaleTmpFiles.class);

    private StaleTmpFiles() {
    }

    /** Deletes stale files in every {@code tmp/} under the store root; returns how many. */
    static int remove(Path root, Instant now) throws IOException {
        Instant cutoff = now.minus(MAX_AGE);
        int removed = 0;
        try (DirectoryStream<Path> users = Files.newDirectoryStream(root)) {
            for (Path user : users) {
                if (!user.getFileName().toString().contains("@") || !Files.isDirectory(user)) {
                    continue;
                }
                removed += removeIn(user.resolve("tmp"), cutoff);
                try (DirectoryStream<Path> folders = Files.newDirectoryStream(user, ".*")) {
                    for (Path folder : folders) {
                        if (Files.isDirectory(folder)) {
                            removed += removeIn(folder.resolve("tmp"), cutoff);
                        }
                    }
                }
            }
        }
        if (removed > 0) {
            log.info("removed {} stale file(s) from Maildir tmp/ directories", removed);
        }
        return removed;
    }

    private static int removeIn(Path tmp, Instant cutoff) throws IOException {
        if (!Files.isDirectory(tmp)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(tmp)) {
            for (Path file : files) {
                if (Files.isRegularFile(file) && started(file).isBefore(cutoff) && Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    private static Instant started(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (name.contains(".relaycert")) {
            java.util.Optional<Instant> t = MaildirFileName.arrival(MaildirFileName.base(name));
            if (t.isPresent()) {
                return t.get();
            }
        }
        return Files.getLastModifiedTime(file).toInstant();
    }
}
