package org.relaycert.server.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/** File operations that are on disk when they return: fsync of files and of the directories that name them. */
final class Durable {
    /** fsyncs issued by each thread, so a test can count what one store operation costs. */
    private static final ThreadLocal<long[]> SYNCS = ThreadLocal.withInitial(() -> new long[1]);

    private Durable() {
    }

    /** How many fsyncs (files and directories) the calling thread has issued so far. */
    static long syncsByThisThread() {
        return SYNCS.get()[0];
    }

    private static void force(FileChannel ch) throws IOException {
        ch.force(true);
        SYNCS.get()[0]++;
    }

    /** Writes a new file (must not exist), fsyncs it; the caller renames it into place. */
    static void writeNew(Path file, byte[] content) throws IOException {
        writeNew(file, content, null);
    }

    /** As {@link #writeNew(Path, byte[])}, with the modification time set before the fsync. */
    static void writeNew(Path file, byte[] content, FileTime mtime) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(content);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            if (mtime != null) {
                Files.setLastModifiedTime(file, mtime);
            }
            force(ch);
        }
    }

    /** As {@link #writeNew(Path, byte[], FileTime)}, the content copied from a stream of exactly {@code size} octets. */
    static void writeNew(Path file, java.io.InputStream content, long size, FileTime mtime) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long copied = ch.transferFrom(java.nio.channels.Channels.newChannel(content), 0, size);
            while (copied < size) {
                long n = ch.transferFrom(java.nio.channels.Channels.newChannel(content), copied, size - copied);
                if (n <= 0) {
                    throw new IOException("message shorter than " + size + " octets");
                }
                copied += n;
            }
            if (content.read() >= 0) {
                throw new IOException("message longer than " + size + " octets");
            }
            if (mtime != null) {
                Files.setLastModifiedTime(file, mtime);
            }
            force(ch);
        }
    }

    /** Replaces {@code file} atomically: a reader sees the old or the new content, never a mix. */
    static void replace(Path file, byte[] content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        writeNew(tmp, content);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(file.getParent());
    }

    /**
     * Replaces {@code file} atomically without any fsync: after a crash the old content (or, on file systems
     * that reorder, an empty file) may come back. Only for state that can be rebuilt from durable files.
     */
    static void replaceWithoutSync(Path file, byte[] content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.write(tmp, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Atomic rename within one file system, then fsync of the target directory (and the source's if other). */
    static void rename(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(to.getParent());
        if (!from.getParent().equals(to.getParent())) {
            syncDirectory(from.getParent());
        }
    }

    /** Makes the directory's entries (creations, renames, deletions) durable. */
    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            force(ch);
        }
    }

    /** Creates the directory and missing parents, making each new entry durable. */
    static void createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        createDirectories(dir.getParent());
        try {
            Files.createDirectory(dir);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
            return;
        }
        syncDirectory(dir.getParent());
    }

    /** Deletes a tree bottom-up; files vanishing meanwhile are fine. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                if (exc instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw exc;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null && !(exc instanceof NoSuchFileException)) {
                    throw exc;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
