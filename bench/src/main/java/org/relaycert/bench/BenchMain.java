package org.relaycert.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.relaycert.bench.load.LoadDriver;

/**
 * {@code java -jar bench/target/relaycert-bench.jar [--jmh-only | --load-only | --idle-only] [--launcher PATH] [--server-jar PATH]
 * [--relay-jvm-arg ARG]...}: the JMH hot-path benchmarks (short runs: one fork, 2 x 1 s warm-up, 3 x 1 s
 * measured), then the whole-relay load driver against the relay run by {@code bin/relaycert-relay} (its shipped JVM settings).
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        if (a.contains("--help")) {
            System.out.println("usage: java -jar bench/target/relaycert-bench.jar [--jmh-only | --load-only | --idle-only]"
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
        boolean idleOnly = a.contains("--idle-only");
        if (!a.contains("--load-only") && !idleOnly) {
            jmh();
        }
        if (!a.contains("--jmh-only")) {
            new LoadDriver(launcher, serverJar, relayJvmArgs, System.out).run(idleOnly);
        }
    }

    private static void jmh() throws Exception {
        ChainedOptionsBuilder o = new OptionsBuilder()
                .include("org\\.relaycert\\..*Benchmark")
                .forks(1)
                .warmupIterations(2).warmupTime(TimeValue.seconds(1))
                .measurementIterations(3).measurementTime(TimeValue.seconds(1));
        if (Runtime.version().feature() >= 24) {
            o.jvmArgsAppend("--sun-misc-unsafe-memory-access=allow"); // JMH 1.37 still uses sun.misc.Unsafe
        }
        new Runner(o.build()).run();
    }
}
