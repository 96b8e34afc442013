package org.relaycert.bench.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.relaycert.bench.Summary;

/**
 * Whole-relay figures from one run against a relay process of its own: start-up time, memory at rest,
 * EXISTS latency at light load, submission throughput and the latency at that load, latency at paced
 * rates up to 200 messages/s (a cliff would show there), and the resident memory with 1,000 idle IMAP
 * connections. Latency is the suite's: from the client's final "." to the recipient's IDLE EXISTS.
 */
public final class LoadDriver {
    static final int SENDERS = 16;
    static final int SINKS = 4;
    static final int IDLE_CONNECTIONS = 1000;
    static final int IDLE_ACCOUNTS = 50;
    static final int MESSAGE_SIZE = 4096;
    static final int[] PACED_RATES = {50, 100, 200};
    static final int DELTACHAT_N = 15;

    private final Path launcher;
    private final Path serverJar;
    private final List<String> relayJvmArgs;
    private final PrintStream out;

    /** {@code relayJvmArgs} are added after the launcher's shipped settings (RELAY_JAVA_OPTS). */
    public LoadDriver(Path launcher, Path serverJar, List<String> relayJvmArgs, PrintStream out) {
        this.launcher = launcher;
        this.serverJar = serverJar;
        this.relayJvmArgs = relayJvmArgs;
        this.out = out;
    }

    /** What to run: everything, or one part of it. */
    public enum Mode {
        ALL,
        /** Start-up, memory at rest and the 1,000 idle connections (a quick memory check). */
        IDLE_ONLY,
        /** Only the cross-relay figure (no relay process of its own). */
        FEDERATED_ONLY,
        /** Only the Postfix + Dovecot stack's figures (no ratios). */
        STACK_ONLY
    }

    public void run(Summary summary) throws Exception {
        run(Mode.ALL, summary);
    }

    public void run(Mode mode, Summary summary) throws Exception {
        if (!Files.isRegularFile(serverJar)) {
            throw new IOException("no relay jar at " + serverJar + ": build it with ./mvnw -q -pl bench -am package -DskipTests");
        }
        if (!Files.isRegularFile(launcher)) {
            throw new IOException("no relay launcher at " + launcher + " (run from the repository root or pass --launcher)");
        }
        Path dir = org.relaycert.bench.TempCheck.claim(Files.createTempDirectory("relaycert-bench-"));
        Account probeFrom = Account.numbered("probe", 1);
        Account probeTo = Account.numbered("probe", 2);
        List<Account> senders = IntStream.range(0, SENDERS).mapToObj(i -> Account.numbered("send", i)).toList();
        List<Account> sinks = IntStream.range(0, SINKS).mapToObj(i -> Account.numbered("sink", i)).toList();
        List<Account> idlers = IntStream.range(0, IDLE_ACCOUNTS).mapToObj(i -> Account.numbered("idle", i)).toList();
        if (mode == Mode.FEDERATED_ONLY) {
            FederatedFigures.measure(launcher.resolveSibling("relay.jvm-options"), dir, summary, out);
            deleteTree(dir);
            return;
        }
        if (mode == Mode.STACK_ONLY) {
            StackFigures.measure(dir, probeFrom, probeTo, senders, sinks, java.util.Optional.empty(), summary, out);
            deleteTree(dir);
            return;
        }
        List<String> passthrough = new ArrayList<>(senders.stream().map(Account::address).toList());
        passthrough.add(probeFrom.address());
        List<String> report = new ArrayList<>();
        StackFigures.Reference reference = null;
        try (RelayProcess relay = RelayProcess.start(launcher, serverJar, dir, relayJvmArgs, passthrough)) {
            out.printf(Locale.ROOT, "relay pid up in %d ms (data in %s)%n", relay.startupMillis(), dir);
            report.add(line("start-up time (process start to all ports listening)", relay.startupMillis() + " ms"));
            summary.reported("start-up (process start to all ports listening)", relay.startupMillis() + " ms");
            Thread.sleep(3000); // let start-up work settle before reading memory at rest
            double rest = relay.rssMiB();
            report.add(line("memory at rest (VmRSS)", mib(rest)));
            summary.reported("memory at rest (VmRSS)", mib(rest));

            List<Account> all = new ArrayList<>(List.of(probeFrom, probeTo));
            all.addAll(senders);
            all.addAll(sinks);
            all.addAll(idlers);
            createAccounts(relay, all);
            out.println("accounts created: " + all.size());
            // Measured twice: on the relay as started (accounts created, no mail yet), and again after the load
            // phases, when the heap has grown to its limit and Netty's buffer pools are full.
            holdIdleAndMeasure(relay, idlers, probeFrom, probeTo, report, summary, "fresh relay");
            if (mode == Mode.IDLE_ONLY) {
                printReport(report);
                return;
            }
            Samples connects = new Samples();
            Samples logins = new Samples();
            for (int i = 0; i < 10; i++) {
                long t0 = System.nanoTime();
                Loopback.tls(relay.imaps).close();
                connects.add((System.nanoTime() - t0) / 1e6);
                Account fresh = Account.numbered("login", i);
                t0 = System.nanoTime();
                BenchImap.idle(relay.imaps, fresh.address(), fresh.password(), false).close();
                logins.add((System.nanoTime() - t0) / 1e6);
            }
            report.add(line("IMAPS connect + TLS handshake (10x)", String.format(Locale.ROOT, "median %.1f ms", connects.percentile(50))));
            report.add(line("IMAPS connect + first login creating the account + SELECT + IDLE (10x)",
                    String.format(Locale.ROOT, "median %.1f ms", logins.percentile(50))));
            summary.reported("IMAPS first login creating the account (median of 10)", String.format(Locale.ROOT, "%.1f ms", logins.percentile(50)));

            ExistsProbe.run(relay, probeFrom, probeTo, 300, 0); // JIT warm-up of the whole path, not counted
            Samples light = ExistsProbe.run(relay, probeFrom, probeTo, 200, 20);
            out.println("light load: " + light.summary());
            report.add(line("EXISTS latency, light load (1 sender, 200 sequential messages)",
                    String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms (lost %d)", light.percentile(50), light.percentile(99), light.lost())));
            summary.add("EXISTS latency, same relay, light load", FederatedFigures.pXX(light), Targets.LIGHT,
                    Summary.Verdict.of(light.lost() == 0 && light.percentile(50) <= Targets.LIGHT_P50_MS
                            && light.percentile(99) <= Targets.LIGHT_P99_MS));
            MaildirProbe.Paired paired = MaildirProbe.run(relay.endpoints(),
                    dir.resolve("data").resolve("mailboxes").resolve(probeTo.address()).resolve("new"), probeFrom, probeTo, 50);
            Samples stored = paired.stored();
            out.println("  of which end of DATA -> file in the recipient's new/: " + stored.summary()
                    + "; EXISTS of the same messages " + paired.exists().summary());
            summary.reported("  part: to the file in new/ (those messages' EXISTS p50 "
                    + String.format(Locale.ROOT, "%.1f", paired.exists().percentile(50)) + " ms)", FederatedFigures.pXX(stored));

            Samples loaded;
            SenderPool pool = new SenderPool(relay, senders, sinks, 0, MESSAGE_SIZE);
            try {
                loaded = ExistsProbe.run(relay, probeFrom, probeTo, 150, 100);
            } finally {
                pool.close();
            }
            out.printf(Locale.ROOT, "unpaced: %.1f msg/s accepted (%d failed) over %.1f s; %s%n",
                    pool.ratePerSecond(), pool.failed(), pool.seconds(), loaded.summary());
            report.add(line("submission throughput (" + SENDERS + " concurrent senders, " + MESSAGE_SIZE / 1024 + " KiB messages)",
                    String.format(Locale.ROOT, "%.0f messages/s (%d refused or failed)", pool.ratePerSecond(), pool.failed())));
            report.add(line("delivery latency at that load",
                    String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms (lost %d)", loaded.percentile(50), loaded.percentile(99), loaded.lost())));
            summary.reported("submission throughput (" + SENDERS + " senders, " + MESSAGE_SIZE / 1024 + " KiB)",
                    String.format(Locale.ROOT, "%.0f messages/s (%d failed)", pool.ratePerSecond(), pool.failed()));
            summary.reported("EXISTS latency at that load", FederatedFigures.pXX(loaded));
            reference = new StackFigures.Reference(light, stored, pool.ratePerSecond());
            profile(relay, senders, sinks, dir, summary);

            for (int rate : PACED_RATES) {
                SenderPool paced = new SenderPool(relay, senders, sinks, rate, MESSAGE_SIZE);
                Samples s;
                try {
                    s = ExistsProbe.run(relay, probeFrom, probeTo, 60, 100);
                } finally {
                    paced.close();
                }
                out.printf(Locale.ROOT, "paced %d msg/s: achieved %.1f; %s%n", rate, paced.ratePerSecond(), s.summary());
                report.add(line("latency at " + rate + " msg/s (achieved " + Math.round(paced.ratePerSecond()) + ")",
                        String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms (lost %d)", s.percentile(50), s.percentile(99), s.lost())));
                summary.add("EXISTS latency at paced " + rate + " msg/s (achieved " + Math.round(paced.ratePerSecond()) + ")",
                        FederatedFigures.pXX(s), Targets.PACED,
                        Summary.Verdict.of(Targets.pacedRateMet(paced.ratePerSecond(), rate) && s.lost() == 0
                                && s.percentile(99) <= Targets.PACED_P99_MS));
            }

            holdIdleAndMeasure(relay, idlers, probeFrom, probeTo, report, summary, "after the load phases");
            deltaChat(relay, summary);
        }
        printReport(report);
        FederatedFigures.measure(launcher.resolveSibling("relay.jvm-options"), dir, summary, out);
        StackFigures.measure(dir, probeFrom, probeTo, senders, sinks, java.util.Optional.ofNullable(reference), summary, out);
        deleteTree(dir);
    }

    /**
     * Where the time goes: the same unpaced load once more (not counted in any figure) with a JFR recording of the
     * relay running, summarized in the output and, its headlines, in the table.
     */
    private void profile(RelayProcess relay, List<Account> senders, List<Account> sinks, Path dir, Summary summary) {
        Path file = dir.resolve("relay-profile.jfr");
        try {
            RelayProfile.start(relay.pid(), dir);
            SenderPool pool = new SenderPool(relay, senders, sinks, 0, MESSAGE_SIZE);
            try {
                Thread.sleep(RelayProfile.window().toMillis());
            } finally {
                pool.close();
            }
            RelayProfile.Summary p = RelayProfile.stop(relay.pid(), file, pool.seconds(), pool.accepted());
            out.println();
            p.lines().forEach(out::println);
            summary.reported("profile (JFR, unpaced): top own-sample frames", p.topSelf());
            summary.reported("profile (JFR, unpaced): top relay methods (inclusive)", p.topRelay());
            summary.reported("profile (JFR, unpaced): fsync (jdk.FileForce)", p.fsync());
        } catch (Exception e) {
            out.println("profile: failed: " + e);
            summary.notMeasured("profile (JFR)", "failed: " + e.getMessage(), "");
        } finally {
            RelayProfile.delete(file);
        }
    }

    /** The real client on the same relay, when installed: send call to the recipient's IncomingMsg. */
    private void deltaChat(RelayProcess relay, Summary summary) {
        String figure = "Delta Chat send -> IncomingMsg, same relay (" + DELTACHAT_N + " messages)";
        java.util.Optional<Path> binary = DeltaChatProbe.client();
        if (binary.isEmpty()) {
            out.println("Delta Chat: not measured: client not installed (RELAYCERT_DELTACHAT_RPC)");
            summary.notMeasured(figure, "client not installed", Targets.DELTACHAT);
            return;
        }
        try {
            Samples s = DeltaChatProbe.run(binary.get(), relay.endpoints(), Account.numbered("dcfrom", 1),
                    Account.numbered("dcto", 1), DELTACHAT_N);
            out.println("Delta Chat: " + s.summary() + "   target " + Targets.DELTACHAT);
            summary.add(figure, FederatedFigures.pXX(s), Targets.DELTACHAT,
                    Summary.Verdict.of(s.lost() == 0 && s.count() > 0 && s.percentile(50) <= Targets.DELTACHAT_P50_MS));
        } catch (Exception e) {
            out.println("Delta Chat: failed: " + e);
            summary.notMeasured(figure, "failed: " + e.getMessage(), Targets.DELTACHAT);
        }
    }

    private void holdIdleAndMeasure(RelayProcess relay, List<Account> idlers, Account probeFrom, Account probeTo,
            List<String> report, Summary summary, String when) throws Exception {
        double before = relay.rssMiB();
        List<BenchImap> held = holdIdle(relay, idlers);
        try {
            Thread.sleep(2000); // let the sessions settle before reading memory
            double rss = relay.rssMiB();
            report.add(line(held.size() + " idle IMAP connections held, " + when + " (VmRSS; " + mib(before) + " before)", mib(rss)));
            summary.add(held.size() + " idle IMAP, " + when + " (VmRSS; " + mib(before) + " before)", mib(rss), Targets.IDLE,
                    Summary.Verdict.of(held.size() == IDLE_CONNECTIONS && rss < Targets.IDLE_RSS_MIB));
            Samples withIdlers = ExistsProbe.run(relay, probeFrom, probeTo, 100, 20);
            summary.reported("EXISTS latency with them idling (" + when + ")", FederatedFigures.pXX(withIdlers));
            report.add(line("EXISTS latency with them idling (" + when + ")",
                    String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms (lost %d)", withIdlers.percentile(50), withIdlers.percentile(99), withIdlers.lost())));
            String hold = System.getenv("RELAYCERT_BENCH_HOLD_SECONDS"); // time to look at the process (jcmd)
            if (hold != null) {
                out.println("holding the idle connections " + hold + " s; relay pid " + relay.pid());
                Thread.sleep(Long.parseLong(hold) * 1000);
            }
        } finally {
            held.forEach(BenchImap::close);
        }
    }

    private void printReport(List<String> report) {
        out.println();
        out.println("== relaycert relay figures (" + Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("java.vm.name") + " " + Runtime.version() + ") ==");
        report.forEach(out::println);
        out.println("targets (reported, not asserted): EXISTS p50 <= 5 ms and p99 <= 25 ms at light load;"
                + " 1,000 IDLE connections under 256 MB RSS; paced 50/100/200 messages/s each achieved within 10 %"
                + " with p99 <= 100 ms; against Postfix + Dovecot: delivered throughput >= x2, end of DATA to the"
                + " mailbox file p50 and p99 <= x1");
    }

    private static String line(String what, String value) {
        return String.format(Locale.ROOT, "%-78s %s", what + ":", value);
    }

    private static String mib(double v) {
        return String.format(Locale.ROOT, "%.0f MiB", v);
    }

    private void createAccounts(RelayProcess relay, List<Account> accounts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Account a : accounts) {
                done.add(pool.submit(() -> {
                    BenchSmtp.login(relay.smtps, a.address(), a.password()).close();
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private List<BenchImap> holdIdle(RelayProcess relay, List<Account> idlers) throws Exception {
        List<BenchImap> held = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < IDLE_CONNECTIONS; i++) {
                Account a = idlers.get(i % idlers.size());
                done.add(pool.submit(() -> {
                    held.add(BenchImap.idle(relay.imaps, a.address(), a.password(), false));
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return held;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
