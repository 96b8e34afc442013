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
        try (WatchService watch = FileSystems.getDefault().newWatchService();
             BenchImap idle = BenchImap.idle(where.imapHost(), where.imaps(), to.address(), to.password(), true);
             BenchSmtp smtp = BenchSmtp.login(where.smtpHost(), where.smtps(), from.address(), from.password())) {
            newDir.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            long expected = idle.existing();
            for (int i = -1; i < n; i++) {
                drain(watch);
                long at = smtp.send(to.address(), BenchSmtp.message(from.address(), to.address(), 1024));
                if (at < 0) {
                    samples.lose();
                    exists.lose();
                    continue;
                }
                expected++;
                WatchKey key = watch.poll(LOSS_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                long seen = System.nanoTime();
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
                BenchImap.Exists e = idle.await(expected, LOSS_TIMEOUT_MS);
                if (i >= 0) { // i == -1 is the uncounted warm-up
                    if (key == null) {
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
        }
        return new Paired(samples, exists);
    }

    /** Forgets events left from the previous message. */
    private static void drain(WatchService watch) {
        WatchKey k;
        while ((k = watch.poll()) != null) {
            k.pollEvents();
            k.reset();
        }
    }
}
