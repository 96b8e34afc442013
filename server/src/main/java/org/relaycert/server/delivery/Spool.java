package org.relaycert.server.delivery;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Files for messages while they arrive and pass the mail path (one per transaction, removed at its end). They
 * are not durable: a message is acknowledged only after its copies are in the Maildir or the queue, so a spool
 * file left by a crash is garbage and goes at the next start.
 */
public final class Spool {
    private static final String PREFIX = "msg-";
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

    /** Starts a new file. */
    public Writer create() throws IOException {
        return new Writer(Files.createTempFile(dir, PREFIX, ".eml"));
    }

    /** Removes a file of this spool; quietly, as it is garbage anyway. */
    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover goes at the next start
        }
    }

    /** Appends octets to one spool file through a small buffer. */
    public static final class Writer implements AutoCloseable {
        private final Path file;
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        private long size;

        private Writer(Path file) throws IOException {
            this.file = file;
            this.channel = FileChannel.open(file, StandardOpenOption.WRITE);
        }

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
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            buffer.clear();
        }

        /** Ends the file and returns it as a message; the caller deletes the file when done with it. */
        public SpooledMessage finish() throws IOException {
            drain();
            channel.close();
            return SpooledMessage.ofFile(file);
        }

        /** Drops the file. */
        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the file goes anyway
            }
            delete(file);
        }
    }
}
