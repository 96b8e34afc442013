package org.relaycert.server.federation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.relaycert.server.crash.CrashPoints;

/**
 * The queue on disk, Postfix-style: a message is written to {@code tmp/}, fsynced, renamed into
 * {@code active/} and the directory fsynced before the sender gets its 250; updates replace the file
 * the same way, so a kill -9 at any moment leaves either the old or the new version, never a torn one.
 */
public final class QueueDirectory {
    private final Path tmp;
    private final Path active;

    public QueueDirectory(Path root) throws IOException {
        this.tmp = root.resolve("tmp");
        this.active = root.resolve("active");
        Files.createDirectories(tmp);
        Files.createDirectories(active);
        try (Stream<Path> leftovers = Files.list(tmp)) {
            for (Path p : leftovers.toList()) {
                Files.deleteIfExists(p); // never acknowledged: the sender got no 250 for it
            }
        }
    }

    public static String newId() {
        return System.currentTimeMillis() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public void write(QueuedMessage m) throws IOException {
        Path t = tmp.resolve(m.id());
        try (FileChannel ch = FileChannel.open(t, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(m.encode());
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        CrashPoints.reach(CrashPoints.QUEUE_TMP_WRITTEN);
        Files.move(t, active.resolve(m.id()), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(active);
    }

    public void remove(String id) throws IOException {
        Files.deleteIfExists(active.resolve(id));
        syncDirectory(active);
    }

    public List<QueuedMessage> all() throws IOException {
        List<QueuedMessage> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(active)) {
            for (Path p : files.sorted().toList()) {
                out.add(QueuedMessage.decode(p.getFileName().toString(), Files.readAllBytes(p)));
            }
        }
        return out;
    }

    private static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some file systems cannot fsync a directory; the rename is still atomic
        }
    }
}
