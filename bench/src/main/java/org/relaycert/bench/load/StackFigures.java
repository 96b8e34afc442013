package org.relaycert.bench.load;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.relaycert.bench.Summary;
import org.relaycert.bench.stack.PostfixDovecotStack;
import org.relaycert.bench.stack.StackLayout;

/**
 * The same driver against a private Postfix + Dovecot stack on this machine (when installed): EXISTS latency
 * at light load, and throughput into the mailboxes with 16 unpaced senders; then reference / stack ratios
 * (below 1 for latency and above 1 for throughput means the reference relay does better).
 */
final class StackFigures {
    static final String HOST = "127.0.0.1";
    /**
     * Fewer samples than for the reference relay: Dovecot delays every IDLE notification by 500 ms (a constant,
     * NOTIFY_DELAY_MSECS in its mailbox watcher), and the probe's messages are sequential.
     */
    static final int LIGHT_N = 100;
    static final long THROUGHPUT_WINDOW_MS = 8_000;
    static final long DRAIN_TIMEOUT_MS = 180_000;

    /** What the reference relay achieved, for the ratios. */
    record Reference(Samples light, Samples stored, double throughput) {
    }

    private StackFigures() {
    }

    static void measure(Path dir, Account probeFrom, Account probeTo, List<Account> senders, List<Account> sinks,
            Optional<Reference> reference, Summary summary, PrintStream out) {
        Optional<String> unavailable = PostfixDovecotStack.unavailable();
        if (unavailable.isPresent()) {
            out.println("Postfix+Dovecot: not measured (" + unavailable.get() + ")");
            summary.notMeasured("Postfix+Dovecot stack", unavailable.get() + "; apt-get install postfix dovecot-imapd dovecot-lmtpd", "");
            return;
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        for (Account a : concat(List.of(probeFrom, probeTo), senders, sinks)) {
            passwords.put(a.address(), a.password());
        }
        try {
            int[] nobody = PostfixDovecotStack.systemUser("nobody");
            StackLayout layout = new StackLayout(dir.resolve("postfix-dovecot"), HOST, RelayProcess.DOMAIN,
                    Loopback.freePort(HOST), Loopback.freePort(HOST), Loopback.freePort(HOST), nobody[0], nobody[1]);
            try (PostfixDovecotStack stack = PostfixDovecotStack.start(layout, passwords)) {
                out.printf(Locale.ROOT, "Postfix+Dovecot up: submission %s:%d, IMAP :%d, LMTP :%d (in %s)%n",
                        HOST, layout.smtps(), layout.imaps(), layout.lmtp(), layout.dir());
                MailEndpoints e = MailEndpoints.oneServer(HOST, layout.smtps(), layout.imaps());
                ExistsProbe.run(e, probeFrom, probeTo, 10, 0); // warm-up, not counted
                Samples light = ExistsProbe.run(e, probeFrom, probeTo, LIGHT_N, 20);
                out.println("Postfix+Dovecot light load: " + light.summary());
                String[] to = probeTo.address().split("@");
                MaildirProbe.Paired paired = MaildirProbe.run(e, layout.mail().resolve(to[1]).resolve(to[0]).resolve("new"),
                        probeFrom, probeTo, 20);
                Samples stored = paired.stored();
                out.println("  of which end of DATA -> file in the recipient's Maildir new/: " + stored.summary()
                        + "; EXISTS of the same messages " + paired.exists().summary());
                Throughput t = throughput(e, layout, senders, sinks);
                out.printf(Locale.ROOT, "Postfix+Dovecot unpaced: %d accepted in %.1f s (%.1f msg/s, %d failed), all in the"
                        + " mailboxes after %.1f s: %.1f msg/s delivered%n", t.accepted(), t.acceptSeconds(),
                        t.accepted() / t.acceptSeconds(), t.failed(), t.deliverSeconds(), t.delivered());
                summary.reported("Postfix+Dovecot: EXISTS latency, light load", FederatedFigures.pXX(light));
                summary.reported("  part: to the file in new/ (those messages' EXISTS p50 "
                        + String.format(Locale.ROOT, "%.1f", paired.exists().percentile(50)) + " ms)", FederatedFigures.pXX(stored));
                summary.reported("Postfix+Dovecot: throughput (" + LoadDriver.SENDERS + " senders), delivered",
                        String.format(Locale.ROOT, "%.0f messages/s (accepted %.0f/s)", t.delivered(), t.accepted() / t.acceptSeconds()));
                reference.ifPresent(r -> ratios(r, light, stored, t.delivered(), summary, out));
            }
        } catch (Exception e) {
            Path logs = keep(dir.resolve("postfix-dovecot"));
            out.println("Postfix+Dovecot: failed: " + e + " (configuration and logs kept in " + logs + ")");
            summary.notMeasured("Postfix+Dovecot stack", "failed: " + e.getMessage() + " (logs in " + logs + ")", "");
        }
    }

    private static void ratios(Reference r, Samples light, Samples stored, double delivered, Summary summary, PrintStream out) {
        String lightRatio = String.format(Locale.ROOT, "p50 x%.3f, p99 x%.3f",
                r.light().percentile(50) / light.percentile(50), r.light().percentile(99) / light.percentile(99));
        double storedP50 = r.stored().percentile(50) / stored.percentile(50);
        double storedP99 = r.stored().percentile(99) / stored.percentile(99);
        String storedRatio = String.format(Locale.ROOT, "p50 x%.2f, p99 x%.2f", storedP50, storedP99);
        double throughput = r.throughput() / delivered;
        String throughputRatio = String.format(Locale.ROOT, "x%.2f", throughput);
        out.println("reference / Postfix+Dovecot: light-load latency " + lightRatio + " (to the mailbox file alone "
                + storedRatio + "), delivered throughput " + throughputRatio);
        summary.reported("ratio reference/stack: EXISTS latency, light load (< 1 better)", lightRatio);
        summary.add("ratio reference/stack: end of DATA -> mailbox file (< 1 better)", storedRatio, Targets.STORED,
                Summary.Verdict.of(r.stored().lost() == 0 && stored.lost() == 0
                        && storedP50 <= Targets.STORED_RATIO && storedP99 <= Targets.STORED_RATIO));
        summary.add("ratio reference/stack: delivered throughput (> 1 better)", throughputRatio
                + String.format(Locale.ROOT, " (%.0f vs %.0f msg/s)", r.throughput(), delivered), Targets.THROUGHPUT,
                Summary.Verdict.of(throughput >= Targets.THROUGHPUT_RATIO));
    }

    /** Accepted in the window, and how long until every accepted message sat in its mailbox. */
    record Throughput(long accepted, long failed, double acceptSeconds, double deliverSeconds) {
        double delivered() {
            return accepted / deliverSeconds;
        }
    }

    /**
     * Postfix answers 250 once a message is queued, the reference relay once it is in the mailbox; so the
     * stack's throughput counts until the last accepted message is in a sink's Maildir (the queue drained).
     */
    private static Throughput throughput(MailEndpoints e, StackLayout layout, List<Account> senders, List<Account> sinks)
            throws Exception {
        long before = maildirFiles(layout, sinks);
        long start = System.nanoTime();
        SenderPool pool = new SenderPool(e, senders, sinks, 0, LoadDriver.MESSAGE_SIZE);
        try {
            Thread.sleep(THROUGHPUT_WINDOW_MS); // the measuring window: senders run unpaced meanwhile
        } finally {
            pool.close();
        }
        double acceptSeconds = pool.seconds();
        long deadline = System.nanoTime() + DRAIN_TIMEOUT_MS * 1_000_000;
        while (maildirFiles(layout, sinks) - before < pool.accepted()) {
            if (System.nanoTime() > deadline) {
                throw new java.io.IOException("the queue did not drain in " + DRAIN_TIMEOUT_MS / 1000 + " s");
            }
            Thread.sleep(50); // polling the Maildirs: nothing to wait on
        }
        return new Throughput(pool.accepted(), pool.failed(), acceptSeconds, (System.nanoTime() - start) / 1e9);
    }

    private static long maildirFiles(StackLayout layout, List<Account> sinks) throws java.io.IOException {
        long n = 0;
        for (Account a : sinks) {
            String[] at = a.address().split("@");
            for (String sub : List.of("new", "cur")) {
                Path d = layout.mail().resolve(at[1]).resolve(at[0]).resolve(sub);
                if (java.nio.file.Files.isDirectory(d)) {
                    try (var files = java.nio.file.Files.list(d)) {
                        n += files.count();
                    }
                }
            }
        }
        return n;
    }

    /** Moves a failed stack's directory out of the bench directory (deleted at the end) so its logs stay. */
    private static Path keep(Path stackDir) {
        try {
            // kept on purpose (the logs of a failure), and so reported as left by the temporary-directory check
            Path kept = org.relaycert.bench.TempCheck.claim(java.nio.file.Files.createTempDirectory("relaycert-bench-stack-failed-"));
            java.nio.file.Files.move(stackDir, kept.resolve("postfix-dovecot"));
            return kept.resolve("postfix-dovecot");
        } catch (java.io.IOException e) {
            return stackDir;
        }
    }

    @SafeVarargs
    private static List<Account> concat(List<Account>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
