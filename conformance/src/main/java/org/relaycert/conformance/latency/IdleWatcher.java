package org.relaycert.conformance.latency;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.relaycert.wire.ImapSession;

/**
 * Reads an idling IMAP session on its own thread and stamps each {@code * n EXISTS} with the time it was
 * read, so the moment of arrival is known even while the sending side still waits for its SMTP reply.
 */
final class IdleWatcher implements AutoCloseable {
    private static final Pattern EXISTS = Pattern.compile("\\* (\\d+) EXISTS");

    /** One announcement: the mailbox size and {@link System#nanoTime()} when the line was read. */
    record Exists(long count, long nanos) {
    }

    private final ImapSession session;
    private final BlockingQueue<Exists> announced = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile boolean done;
    private long seen;

    /** {@code session} must be in IDLE already; from now on only this watcher reads it. */
    IdleWatcher(ImapSession session) {
        this.session = session;
        this.reader = Thread.ofPlatform().daemon().name("idle-watcher").start(this::read);
    }

    private void read() {
        while (!done) {
            String line;
            try {
                line = session.readResponseLine();
            } catch (SocketTimeoutException e) {
                continue; // nothing new yet; keep idling
            } catch (IOException e) {
                return;
            }
            if (line == null) {
                return;
            }
            long now = System.nanoTime();
            Matcher m = EXISTS.matcher(line);
            if (m.matches()) {
                announced.add(new Exists(Long.parseLong(m.group(1)), now));
            } else if (!line.startsWith("*") && !line.startsWith("+")) {
                return; // the tagged completion of IDLE after DONE
            }
        }
    }

    /** The first announcement of at least {@code count} messages, or null after {@code timeout}. */
    Exists awaitCount(long count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            Exists e = announced.poll(left, TimeUnit.NANOSECONDS);
            if (e == null) {
                return null;
            }
            seen = Math.max(seen, e.count());
            if (e.count() >= count) {
                return e;
            }
        }
    }

    /** The largest mailbox size announced so far. */
    long seen() {
        return seen;
    }

    /** Ends IDLE (DONE) and waits for the reader to see the tagged completion. */
    @Override
    public void close() {
        done = true;
        try {
            session.send("DONE");
            reader.join(Duration.ofSeconds(5));
        } catch (IOException e) {
            // the connection is gone; the reader ends on its own
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
