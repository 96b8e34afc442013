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
 * at light load, and submission throughput with the latency at that load; then reference / stack ratios
 * (below 1 for latency and above 1 for throughput means the reference relay does better).
 */
final class StackFigures {
    static final String HOST = "127.0.0.1";
    /**
     * Fewer samples than for the reference relay: Dovecot delays every IDLE notification by 500 ms (a constant,
     * NOTIFY_DELAY_MSECS in its mailbox watcher), and the probe's messages are sequential.
     */
    static final int LIGHT_N = 100;
    static final int LOADED_N = 40;

    /** What the reference relay achieved, for the ratios. */
    record Reference(Samples light, double throughput, Samples loaded) {
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
                SenderPool pool = new SenderPool(e, senders, sinks, 0, LoadDriver.MESSAGE_SIZE);
                Samples loaded;
                try {
                    loaded = ExistsProbe.run(e, probeFrom, probeTo, LOADED_N, 100);
                } finally {
                    pool.close();
                }
                out.printf(Locale.ROOT, "Postfix+Dovecot unpaced: %.1f msg/s accepted (%d failed) over %.1f s; %s%n",
                        pool.ratePerSecond(), pool.failed(), pool.seconds(), loaded.summary());
                summary.reported("Postfix+Dovecot: EXISTS latency, light load", FederatedFigures.pXX(light));
                summary.reported("Postfix+Dovecot: submission throughput (" + LoadDriver.SENDERS + " senders)",
                        String.format(Locale.ROOT, "%.0f messages/s (%d failed)", pool.ratePerSecond(), pool.failed()));
                summary.reported("Postfix+Dovecot: delivery latency at that load", FederatedFigures.pXX(loaded));
                reference.ifPresent(r -> ratios(r, light, pool.ratePerSecond(), loaded, summary, out));
            }
        } catch (Exception e) {
            Path logs = keep(dir.resolve("postfix-dovecot"));
            out.println("Postfix+Dovecot: failed: " + e + " (configuration and logs kept in " + logs + ")");
            summary.notMeasured("Postfix+Dovecot stack", "failed: " + e.getMessage() + " (logs in " + logs + ")", "");
        }
    }

    private static void ratios(Reference r, Samples light, double throughput, Samples loaded, Summary summary, PrintStream out) {
        String lightRatio = String.format(Locale.ROOT, "p50 x%.2f, p99 x%.2f",
                r.light().percentile(50) / light.percentile(50), r.light().percentile(99) / light.percentile(99));
        String throughputRatio = String.format(Locale.ROOT, "x%.2f", r.throughput() / throughput);
        String loadedRatio = String.format(Locale.ROOT, "p50 x%.2f, p99 x%.2f",
                r.loaded().percentile(50) / loaded.percentile(50), r.loaded().percentile(99) / loaded.percentile(99));
        out.println("reference / Postfix+Dovecot: light-load latency " + lightRatio + ", throughput " + throughputRatio
                + ", latency at full load " + loadedRatio);
        summary.reported("ratio reference/stack: EXISTS latency, light load (< 1 better)", lightRatio);
        summary.reported("ratio reference/stack: submission throughput (> 1 better)", throughputRatio);
        summary.reported("ratio reference/stack: latency at full load (< 1 better)", loadedRatio);
    }

    /** Moves a failed stack's directory out of the bench directory (deleted at the end) so its logs stay. */
    private static Path keep(Path stackDir) {
        try {
            Path kept = java.nio.file.Files.createTempDirectory("relaycert-bench-stack-failed-");
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
