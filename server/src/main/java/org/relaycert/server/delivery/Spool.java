package org.relaycert.server.delivery;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Files for messages while they arrive and pass the mail path (one per transaction, removed at its end; only for a
 * message larger than a writer's buffer, 64 KiB: a smaller one stays in that buffer). They are not durable: a message is acknowledged only after its copies are in the Maildir or the queue, so a spool
 * file left by a crash is garbage and goes at the next start.
 */
public final class Spool {
    private static final String PREFIX = "msg-";
    /** Where the files go; null for {@link #inMemory()}. */
    private final Path dir;

    private Spool(Path dir) {
        this.dir = dir;
    }

    /** A spool in {@code dir} (created if missing); files left by an earlier run are removed. */
    public static Spool in(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, PREFIX + "*")) {
            for (Path p : old) {
                Files.deleteIfExists(p);
            }
        }
        return new Spool(dir);
    }

    /** A spool in the JVM's temporary directory, for front ends run without a data directory (tests). */
    public static Spool temporary() {
        return new Spool(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * A spool that keeps each message in a heap array instead of a file: for measuring the front ends' framing
     * alone (the JMH benchmarks), where a file per message would measure the file system and leave files behind.
     * Not for a relay: a message would cost the heap its size.
     */
    public static Spool inMemory() {
        return new Spool(null);
    }

    /**
     * Starts a new message. Its file is made only once the octets outgrow the writer's buffer ({@link #BUFFER}
     * octets): a message that fits (most chat messages: a few KiB) is never written to the spool at all, and
     * reaches its mailbox with one write (the Maildir copy) instead of three file operations more (create and
     * write here, read back, delete). With {@link #inMemory()} there is never a file.
     */
    public Writer create() throws IOException {
        return new Writer(dir);
    }

    /** Octets a writer holds before it starts the spool file (and then between writes to it). */
    static final int BUFFER = 1 << 16;

    /** Removes a file of this spool; quietly, as it is garbage anyway. */
    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover goes at the next start
        }
    }

    /** Appends octets to one spool file through a buffer; the file is made when the buffer first fills. */
    public static final class Writer implements AutoCloseable {
        /** The spool directory, null for an in-memory spool. */
        private final Path dir;
        /** The file, once the octets outgrew the buffer. */
        private Path file;
        private FileChannel channel;
        private java.io.ByteArrayOutputStream memory;
        private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        private long size;

        private Writer(Path dir) {
            this.dir = dir;
            this.memory = dir == null ? new java.io.ByteArrayOutputStream() : null;
        }

        /** The file written so far, or null while the message fits the buffer (or for an in-memory spool). */
        public Path file() {
            return file;
        }

        /** Octets written so far. */
        public long size() {
            return size;
        }

        public void write(byte[] bytes, int offset, int length) throws IOException {
            int at = offset;
            int left = length;
            while (left > 0) {
                if (!buffer.hasRemaining()) {
                    drain();
                }
                int n = Math.min(left, buffer.remaining());
                buffer.put(bytes, at, n);
                at += n;
                left -= n;
            }
            size += length;
        }

        public void write(ByteBuffer bytes) throws IOException {
            size += bytes.remaining();
            while (bytes.hasRemaining()) {
                if (!buffer.hasRemaining()) {
                    drain();
                }
                int n = Math.min(bytes.remaining(), buffer.remaining());
                ByteBuffer slice = bytes.slice(bytes.position(), n);
                buffer.put(slice);
                bytes.position(bytes.position() + n);
            }
        }

        private void drain() throws IOException {
            buffer.flip();
            if (memory == null && channel == null && buffer.hasRemaining()) {
                file = Files.createTempFile(dir, PREFIX, ".eml");
                channel = FileChannel.open(file, StandardOpenOption.WRITE);
            }
            if (memory != null) {
                memory.write(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
                buffer.position(buffer.limit());
            }
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            buffer.clear();
        }

        /** Ends the file and returns it as a message; the caller deletes the file when done with it. */
        public SpooledMessage finish() throws IOException {
            if (memory == null && channel == null) { // it fits the buffer: no file
                return SpooledMessage.of(java.util.Arrays.copyOf(buffer.array(), buffer.position()));
            }
            drain();
            if (memory != null) {
                return SpooledMessage.of(memory.toByteArray());
            }
            channel.close();
            return SpooledMessage.ofFile(file);
        }

        /** Drops the file. */
        @Override
        public void close() {
            if (channel == null) {
                return; // no file was made
            }
            try {
                channel.close();
            } catch (IOException ignored) {
                // the file goes anyway
            }
            delete(file);
        }
    }
}
