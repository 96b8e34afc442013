package org.relaycert.server.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash-safety scenarios in a loop, a benchmark rather than a test: off unless asked for with
 * {@code -Dcrash.bench.runs=N}:
 * <pre>
 * ./mvnw -B -pl server test -Dtest=CrashSafetyBench -Dcrash.bench.runs=20
 * </pre>
 * Prints (and writes to {@code server/target/crash-bench.md}) one row per scenario: runs, acknowledged
 * messages lost and duplicated over all runs, runs with other inconsistencies, and the time per run.
 */
@EnabledIfSystemProperty(named = "crash.bench.runs", matches = "[0-9]+")
class CrashSafetyBench {
    @TempDir
    Path dir;

    private record Row(String scenario, int runs, int acknowledged, int lost, int duplicated, int inconsistent,
            Duration total, Duration worst, List<String> problems) {
    }

    @Test
    void crashScenariosRepeated() throws Exception {
        int runs = Integer.parseInt(System.getProperty("crash.bench.runs"));
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, CrashScenarios.Scenario> e : CrashScenarios.all().entrySet()) {
            int acked = 0;
            int lost = 0;
            int dup = 0;
            int inconsistent = 0;
            Duration total = Duration.ZERO;
            Duration worst = Duration.ZERO;
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                Path runDir = dir.resolve(e.getKey().replaceAll("[^a-zA-Z0-9]+", "-") + "-" + i);
                long start = System.nanoTime();
                CrashScenarios.Result r = e.getValue().run(runDir);
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                total = total.plus(took);
                worst = took.compareTo(worst) > 0 ? took : worst;
                acked += r.acknowledged();
                lost += r.lost();
                dup += r.duplicated();
                if (!r.problems().isEmpty()) {
                    inconsistent++;
                    problems.addAll(r.problems());
                }
            }
            rows.add(new Row(e.getKey(), runs, acked, lost, dup, inconsistent, total, worst, problems));
        }
        String table = table(rows);
        System.out.println(table);
        write(table);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.lost()).as(row.scenario() + " lost").isZero();
            assertThat(row.duplicated()).as(row.scenario() + " duplicated").isZero();
            assertThat(row.problems()).as(row.scenario() + " inconsistencies").isEmpty();
        });
    }

    private static String table(List<Row> rows) {
        StringBuilder b = new StringBuilder();
        b.append("| scenario | runs | acknowledged | lost | duplicated | inconsistent runs | mean s/run | worst s |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            b.append(String.format(java.util.Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %.1f | %.1f |%n", r.scenario(),
                    r.runs(), r.acknowledged(), r.lost(), r.duplicated(), r.inconsistent(),
                    r.total().toMillis() / 1000.0 / r.runs(), r.worst().toMillis() / 1000.0));
        }
        for (Row r : rows) {
            r.problems().forEach(p -> b.append("- ").append(r.scenario()).append(": ").append(p).append('\n'));
        }
        return b.toString();
    }

    private static void write(String table) throws IOException {
        Path out = Path.of("target", "crash-bench.md");
        Files.createDirectories(out.getParent());
        try (PrintStream p = new PrintStream(Files.newOutputStream(out))) {
            p.print(table);
        }
    }
}
