package org.relaycert.conformance.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.relaycert.conformance.catalogue.Catalogue;
import org.relaycert.conformance.sensitivity.SensitivityRun;
import org.relaycert.conformance.settings.Setting;
import org.relaycert.conformance.settings.Settings;
import org.relaycert.reports.ComplianceReport;
import org.relaycert.reports.ExpectedVerdicts;
import org.relaycert.reports.ReportWriter;
import org.relaycert.reports.SensitivityResult;

/**
 * The composition root of a certification: the checks against the settings' target, the sensitivity run beside
 * them where asked (local world only), the report written and compared with the expected verdicts. The certifier's
 * {@code check} command and {@code ./mvnw verify} both run this.
 */
public final class Certification {
    /** The file, beside the report, that holds the comparison with {@code chatmail.expected}. */
    public static final String EXPECTED_RESULT = "expected-verdicts.txt";
    /** Check classes at once on the local world or a test relay of one's own. */
    static final int PARALLEL_CLASSES = 8;

    private Certification() {
    }

    /**
     * @param report       what the run found
     * @param directory    where the report was written
     * @param files        every file written
     * @param expectedDiff the comparison with {@code chatmail.expected}, if one was asked for; its first line is
     *                     MATCH or DIFFER
     */
    public record Outcome(ComplianceReport report, Path directory, List<Path> files, Optional<String> expectedDiff) {
    }

    public static Outcome run(Settings settings, Optional<SensitivityRun> sensitivity, PrintStream out) throws IOException {
        Instant started = Instant.now();
        CheckRun checks = CheckRun.allChecks().parameters(settings.raw()).requirements(settings::selects).progressTo(out)
                .progressBars(out == System.out && Terminal.isTerminal());
        if (classesSideBySide(settings)) {
            checks.classesInParallel(PARALLEL_CLASSES);
        }
        CompletableFuture<RunRecord> main = new CompletableFuture<>();
        CompletableFuture<List<SensitivityResult>> rows = sensitivity.map(s -> s.start(main))
                .orElse(CompletableFuture.completedFuture(List.of()));
        RunRecord record;
        try {
            record = checks.execute();
        } catch (RuntimeException e) {
            main.completeExceptionally(e);
            throw e;
        }
        main.complete(record);
        ComplianceReport report = new ComplianceReport(record.targetName(), version(settings), started, Instant.now(),
                Catalogue.load().all(), record.results(), rows.join());
        Path dir = outputDirectory(settings, record.targetName());
        List<Path> files = ReportWriter.writeAll(report, dir);
        Optional<String> diff = Optional.empty();
        if (settings.expected().isPresent()) {
            Path file = resolve(settings.expected().get(), settings);
            ExpectedVerdicts expected = ExpectedVerdicts.read(file);
            String text = expected.verdictText(expected.compare(ExpectedVerdicts.observed(report)));
            Files.writeString(dir.resolve(EXPECTED_RESULT), text);
            diff = Optional.of(text);
        }
        return new Outcome(report, dir, files, diff);
    }

    /**
     * The local world and a test relay of one's own ({@code chatmail.parallel}) take check classes side by side; a
     * relay in service gets one class at a time, as an operator would expect of a test tool.
     */
    static boolean classesSideBySide(Settings settings) {
        return !settings.external() || settings.parallel();
    }

    /** {@code chatmail.out}, else {@code reports/out} of the project (or of the working directory), then the target. */
    static Path outputDirectory(Settings settings, String target) {
        Path base = settings.out()
                .or(() -> settings.get(Setting.REPORTS_DIR))
                .orElseGet(() -> projectRoot(settings).resolve("reports").resolve("out"));
        return base.resolve(target).toAbsolutePath().normalize();
    }

    private static Path resolve(Path file, Settings settings) {
        return file.isAbsolute() ? file : projectRoot(settings).resolve(file).toAbsolutePath().normalize();
    }

    /** The project's root under Maven ({@code relaycert.root}); the working directory for the certifier. */
    private static Path projectRoot(Settings settings) {
        return settings.get(Setting.ROOT).orElse(Path.of("."));
    }

    private static String version(Settings settings) {
        String v = Certification.class.getPackage().getImplementationVersion();
        return v == null ? settings.get(Setting.VERSION).orElse("dev") : v;
    }
}
