package org.relaycert.server.federation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import org.relaycert.server.delivery.SpooledMessage;
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

    /**
     * Stores {@code m} (its content streamed into the file); returns it as stored, its content read from the
     * queue file from now on, so the queue holds no message in memory.
     */
    public QueuedMessage write(QueuedMessage m) throws IOException {
        Path t = tmp.resolve(m.id());
        byte[] header = m.fileHeader();
        try (FileChannel ch = FileChannel.open(t, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE); InputStream content = m.content().open()) {
            ByteBuffer buf = ByteBuffer.wrap(header);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            OutputStream out = Channels.newOutputStream(ch);
            content.transferTo(out);
            ch.force(true);
        }
        CrashPoints.reach(CrashPoints.QUEUE_TMP_WRITTEN);
        Path file = active.resolve(m.id());
        Files.move(t, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(active);
        return new QueuedMessage(m.id(), m.mailFrom(), m.recipients(), m.queued(), m.attempts(),
                SpooledMessage.ofFile(file, header.length));
    }

    public void remove(String id) throws IOException {
        Files.deleteIfExists(active.resolve(id));
        syncDirectory(active);
    }

    public List<QueuedMessage> all() throws IOException {
        List<QueuedMessage> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(active)) {
            for (Path p : files.sorted().toList()) {
                out.add(read(p));
            }
        }
        return out;
    }

    /** One queue file: its header read, its message left in the file. */
    private static QueuedMessage read(Path file) throws IOException {
        String id = file.getFileName().toString();
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(1 << 20); // from, to (1000 recipients fit), queued, attempts
        }
        int split = QueuedMessage.headerEnd(id, start, start.length);
        return QueuedMessage.withHeader(id, new String(start, 0, split, StandardCharsets.UTF_8),
                SpooledMessage.ofFile(file, split + 2));
    }

    private static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some file systems cannot fsync a directory; the rename is still atomic
        }
    }
}
