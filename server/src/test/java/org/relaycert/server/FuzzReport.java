package org.relaycert.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The last step of the bounded fuzzing run ({@code ./mvnw verify}, profile {@code bounded-fuzzing}): reads the
 * records {@link FuzzExecutions} wrote for this build, prints executions per fuzz target and their total, writes
 * them to {@code target/fuzz-executions.md}, and fails if any target did not run or had a finding. Every method
 * annotated {@link FuzzTest} must have run, so a new target without a fuzzing execution in the pom fails here.
 */
@EnabledIfSystemProperty(named = FuzzReport.ENABLED, matches = "true")
class FuzzReport {
    static final String ENABLED = "relaycert.fuzz.report";
    static final Path SUMMARY = Path.of("target/fuzz-executions.md");

    /** The fuzz test classes (package-private, hence by name). */
    static final List<String> FUZZ_CLASSES = List.of("org.relaycert.server.smtp.SmtpCommandFuzzTest",
            "org.relaycert.server.imap.ImapCommandFuzzTest", "org.relaycert.server.policy.EncryptionCheckFuzzTest",
            "org.relaycert.server.web.HttpHandlersFuzzTest");

    record Row(String target, long executions, long seconds, String finding) {
    }

    @Test
    void everyFuzzTargetRanWithoutFindings() throws Exception {
        String run = System.getProperty(FuzzExecutions.RUN_PROPERTY, "");
        List<Row> rows = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String target : targets()) {
            Path file = FuzzExecutions.directory().resolve(target + ".properties");
            Properties p = new Properties();
            if (Files.exists(file)) {
                p.load(new StringReader(Files.readString(file)));
            }
            if (!run.equals(p.getProperty("run"))) {
                missing.add(target);
                continue;
            }
            rows.add(new Row(target, Long.parseLong(p.getProperty("executions")), Long.parseLong(p.getProperty("seconds")),
                    p.getProperty("finding", "")));
        }
        String summary = format(rows, missing);
        Files.createDirectories(SUMMARY.toAbsolutePath().getParent());
        Files.writeString(SUMMARY, summary);
        System.out.println(summary);
        assertThat(missing).as("fuzz targets without a fuzzing run in this build").isEmpty();
        assertThat(rows).as("fuzz targets with findings (inputs under src/test/resources/.../<Test>Inputs/)")
                .allSatisfy(r -> assertThat(r.finding()).as(r.target()).isEmpty());
        assertThat(rows).as("fuzz targets that ran no input").allSatisfy(r -> assertThat(r.executions()).isPositive());
    }

    static String format(List<Row> rows, List<String> missing) {
        StringBuilder s = new StringBuilder("# Bounded fuzzing run (Jazzer, coverage-guided)\n\n")
                .append("| fuzz target | executions | seconds | result |\n|---|---:|---:|---|\n");
        long total = 0;
        long seconds = 0;
        for (Row r : rows) {
            total += r.executions();
            seconds += r.seconds();
            s.append("| ").append(r.target()).append(" | ").append(r.executions()).append(" | ").append(r.seconds())
                    .append(" | ").append(r.finding().isEmpty() ? "no findings" : "FINDING: " + r.finding()).append(" |\n");
        }
        for (String m : missing) {
            s.append("| ").append(m).append(" | - | - | NOT RUN |\n");
        }
        s.append("| **total** | **").append(total).append("** | ").append(seconds).append(" | ")
                .append(rows.stream().allMatch(r -> r.finding().isEmpty()) && missing.isEmpty() ? "zero findings" : "FAILED")
                .append(" |\n");
        return s.toString();
    }

    /** Every fuzz method of the server's fuzz test classes, as {@code Class#method}. */
    static List<String> targets() throws ClassNotFoundException {
        List<String> all = new ArrayList<>();
        for (String name : FUZZ_CLASSES) {
            Class<?> c = Class.forName(name);
            Arrays.stream(c.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(FuzzTest.class))
                    .map(m -> FuzzExecutions.key(c, m.getName())).sorted().forEach(all::add);
        }
        return all;
    }
}
