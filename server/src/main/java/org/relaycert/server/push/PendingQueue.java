package org.relaycert.server.push;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifications not yet sent, one file each in a directory (chatmail's {@code pending_notifications}),
 * so a relay that stops with retries outstanding sends them after it starts again.
 */
final class PendingQueue {
    private static final Logger log = LoggerFactory.getLogger(PendingQueue.class);
    private static final String TMP = ".tmp-";
    private final Path dir;

    PendingQueue(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
    }

    void save(PendingNotification n) {
        try {
            Path tmp = dir.resolve(TMP + n.id());
            Files.write(tmp, n.encode());
            Files.move(tmp, dir.resolve(n.id()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("cannot persist a pending notification: {}", e.toString());
        }
    }

    void remove(PendingNotification n) {
        try {
            Files.deleteIfExists(dir.resolve(n.id()));
        } catch (IOException e) {
            log.warn("cannot remove a pending notification: {}", e.toString());
        }
    }

    /** Everything left from before; half-written and unreadable files are removed. */
    List<PendingNotification> load() throws IOException {
        List<PendingNotification> items = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                Optional<PendingNotification> n = name.startsWith(TMP) ? Optional.empty()
                        : PendingNotification.decode(name, Files.readAllBytes(f));
                if (n.isPresent()) {
                    items.add(n.get());
                } else {
                    Files.deleteIfExists(f);
                }
            }
        }
        return items;
    }
}
