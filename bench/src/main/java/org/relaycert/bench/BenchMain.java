package org.relaycert.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.relaycert.bench.load.LoadDriver;

/**
 * {@code java -jar bench/target/relaycert-bench.jar [--jmh-only | --load-only | --idle-only | --federated-only | --stack-only]
 * [--launcher PATH] [--server-jar PATH] [--relay-jvm-arg ARG]...}: the JMH hot-path benchmarks (short runs: one fork,
 * 2 x 1 s warm-up, 3 x 1 s measured), then the whole-relay load driver against the relay run by
 * {@code bin/relaycert-relay} (its shipped JVM settings), the cross-relay figure, the Postfix + Dovecot comparison
 * where installed, and at the end one table of every figure with its target.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        if (a.contains("--help")) {
            System.out.println("usage: java -jar bench/target/relaycert-bench.jar"
                    + " [--jmh-only | --load-only | --idle-only | --federated-only | --stack-only]"
                    + " [--launcher bin/relaycert-relay] [--server-jar server/target/relaycert-server.jar]"
                    + " [--relay-jvm-arg -Xmx256m]...");
            return;
        }
        Path serverJar = Path.of("server/target/relaycert-server.jar");
        Path launcher = Path.of("bin/relaycert-relay");
        List<String> relayJvmArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--launcher") && i + 1 < args.length) {
                launcher = Path.of(args[++i]);
            } else if (args[i].equals("--server-jar") && i + 1 < args.length) {
                serverJar = Path.of(args[++i]);
            } else if (args[i].equals("--relay-jvm-arg") && i + 1 < args.length) {
                relayJvmArgs.add(args[++i]);
            }
        }
        LoadDriver.Mode mode = a.contains("--idle-only") ? LoadDriver.Mode.IDLE_ONLY
                : a.contains("--federated-only") ? LoadDriver.Mode.FEDERATED_ONLY
                : a.contains("--stack-only") ? LoadDriver.Mode.STACK_ONLY
                : LoadDriver.Mode.ALL;
        Summary summary = new Summary();
        TempCheck temp = TempCheck.before(Path.of(System.getProperty("java.io.tmpdir")));
        long started = System.nanoTime();
        String loadBefore = loadAverage();
        if (!a.contains("--load-only") && mode == LoadDriver.Mode.ALL) {
            jmh(summary);
            temp.afterJmh();
        }
        if (!a.contains("--jmh-only")) {
            new LoadDriver(launcher, serverJar, relayJvmArgs, System.out).run(mode, summary);
        }
        temp.after(summary, System.out);
        summary.print(System.out, String.format(Locale.ROOT,
                "relaycert bench summary (%d cores, %s %s, %.0f s; 1-minute load average %s at the start, %s at the end)",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), Runtime.version(),
                (System.nanoTime() - started) / 1e9, loadBefore, loadAverage()));
    }

    /** The machine's 1-minute load average: figures taken while other work runs are inflated, and say so. */
    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static void jmh(Summary summary) throws Exception {
        ChainedOptionsBuilder o = new OptionsBuilder()
                .include("org\\.relaycert\\..*Benchmark")
                .forks(1)
                .warmupIterations(2).warmupTime(TimeValue.seconds(1))
                .measurementIterations(3).measurementTime(TimeValue.seconds(1));
        if (Runtime.version().feature() >= 24) {
            o.jvmArgsAppend("--sun-misc-unsafe-memory-access=allow"); // JMH 1.37 still uses sun.misc.Unsafe
        }
        Collection<RunResult> results = new Runner(o.build()).run();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark().replaceFirst("^org\\.relaycert\\.", "");
            summary.reported("JMH " + name, String.format(Locale.ROOT, "%.3f %s (+- %.3f)", r.getPrimaryResult().getScore(),
                    r.getPrimaryResult().getScoreUnit(), r.getPrimaryResult().getScoreError()));
        }
    }
}
