package org.relaycert.bench.load;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;

/**
 * A part of the latency timed apart for a Maildir store: from the final "." to the message file appearing in the
 * recipient's {@code new/} (the store's rename, seen through inotify), without any IMAP notification in between.
 * Sequential messages like {@link ExistsProbe}, with the recipient idling as there, so each message gives both
 * times (file, then EXISTS) and the two can be compared message by message; one uncounted warm-up first.
 */
final class MaildirProbe {
    private static final long LOSS_TIMEOUT_MS = 10_000;

    private MaildirProbe() {
    }

    /** Per message: to the file in {@code new/}, and to the EXISTS of the same message. */
    record Paired(Samples stored, Samples exists) {
    }

    static Paired run(MailEndpoints where, Path newDir, Account from, Account to, int n) throws Exception {
        Samples samples = new Samples();
        Samples exists = new Samples();
        Files.createDirectories(newDir);
        // The events are timed by a thread of their own as they arrive, not when the sender gets round to look:
        // the reference relay renames the file into new/ before its 250, so a poll after the 250 timed the 250.
        java.util.concurrent.BlockingQueue<Long> arrivals = new java.util.concurrent.LinkedBlockingQueue<>();
        try (WatchService watch = FileSystems.getDefault().newWatchService();
             BenchImap idle = BenchImap.idle(where.imapHost(), where.imaps(), to.address(), to.password(), true);
             BenchSmtp smtp = BenchSmtp.login(where.smtpHost(), where.smtps(), from.address(), from.password())) {
            newDir.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            Thread watcher = Thread.ofPlatform().daemon().name("maildir-probe-watch").start(() -> {
                try {
                    while (true) {
                        WatchKey key = watch.take();
                        long seen = System.nanoTime();
                        for (var event : key.pollEvents()) {
                            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                                arrivals.add(seen);
                            }
                        }
                        key.reset();
                    }
                } catch (InterruptedException | java.nio.file.ClosedWatchServiceException e) {
                    // the probe is done
                }
            });
            try {
                long expected = idle.existing();
                for (int i = -1; i < n; i++) {
                    arrivals.clear(); // events left from the previous message
                    long at = smtp.send(to.address(), BenchSmtp.message(from.address(), to.address(), 1024));
                    if (at < 0) {
                        samples.lose();
                        exists.lose();
                        continue;
                    }
                    expected++;
                    Long seen = arrivals.poll(LOSS_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                    BenchImap.Exists e = idle.await(expected, LOSS_TIMEOUT_MS);
                    if (i >= 0) { // i == -1 is the uncounted warm-up
                        if (seen == null) {
                            samples.lose();
                        } else {
                            samples.add(Math.max(0, seen - at) / 1e6);
                        }
                        if (e == null) {
                            exists.lose();
                        } else {
                            exists.add(Math.max(0, e.nanos() - at) / 1e6);
                        }
                    }
                }
            } finally {
                watcher.interrupt();
            }
        }
        return new Paired(samples, exists);
    }
}
