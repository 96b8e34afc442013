package org.relaycert.conformance.verdict;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.relaycert.conformance.ConformanceCheck;
import org.relaycert.conformance.ConformanceExtension;
import org.relaycert.conformance.RequirementId;
import org.relaycert.conformance.catalogue.Catalogue;
import org.relaycert.conformance.targets.Targets;
import org.relaycert.reports.CheckResult;
import org.relaycert.reports.ComplianceReport;
import org.relaycert.reports.ExpectedVerdicts;
import org.relaycert.reports.ReportWriter;
import org.relaycert.reports.Requirement;
import org.relaycert.reports.SensitivityResult;
import org.relaycert.reports.Verdict;

/**
 * Turns one test run into the compliance report: each check with a {@link RequirementId} becomes a
 * verdict with the evidence its extension published; sensitivity rows come as report entries too.
 * Prints a progress line per area as checks finish, and tells {@link MainRunVerdicts} when the last check
 * class of the main run has ended (the sensitivity run, beside it, waits for that). Registered through {@code META-INF/services};
 * ignores nested runs (the sensitivity run's variant worlds) and runs without conformance checks.
 */
public final class VerdictListener implements TestExecutionListener {
    /** The file, beside the report, that holds the comparison with {@code -Dchatmail.expected}. */
    public static final String EXPECTED_RESULT = "expected-verdicts.txt";
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final List<CheckResult> results = new ArrayList<>();
    private final List<String> sensitivity = new ArrayList<>();
    private final Set<String> checkClassesLeft = ConcurrentHashMap.newKeySet();
    private final Progress progress = new Progress(System.out);
    private volatile boolean active;
    private volatile String targetName = "local";
    private Instant started;

    private static final class Running {
        final Instant start = Instant.now();
        final List<String> evidence = new ArrayList<>();
        final Map<String, List<Double>> figures = new ConcurrentHashMap<>();
    }

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        active = plan.getConfigurationParameters().get(Targets.VARIANT_PARAMETER).isEmpty()
                && !plan.getConfigurationParameters().getBoolean(Targets.NESTED_PARAMETER).orElse(false);
        started = Instant.now();
        if (active) {
            plan.accept(new TestPlan.Visitor() {
                @Override
                public void visit(TestIdentifier id) {
                    requirementOf(id).ifPresent(r -> progress.expect(r.area()));
                    if (isCheckClass(id)) {
                        checkClassesLeft.add(id.getUniqueId());
                    }
                }
            });
            if (checkClassesLeft.isEmpty()) {
                MainRunVerdicts.markFinished();
            }
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        checkClassEnded(id);
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (active && id.isTest()) {
            running.put(id.getUniqueId(), new Running());
        }
    }

    @Override
    public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        if (!active) {
            return;
        }
        Running r = running.get(id.getUniqueId());
        entry.getKeyValuePairs().forEach((k, v) -> {
            if (k.equals(ConformanceExtension.TARGET_KEY)) {
                targetName = v;
            } else if (k.equals(ConformanceExtension.SENSITIVITY_KEY)) {
                synchronized (sensitivity) {
                    sensitivity.add(v);
                }
            } else if (r != null && k.equals(ConformanceExtension.EVIDENCE_KEY)) {
                r.evidence.addAll(List.of(v.split("\n")));
            } else if (r != null && k.startsWith(ConformanceExtension.FIGURE_PREFIX)) {
                List<Double> values = new ArrayList<>();
                for (String s : v.split(",")) {
                    values.add(Double.parseDouble(s));
                }
                r.figures.put(k.substring(ConformanceExtension.FIGURE_PREFIX.length()), values);
            }
        });
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        checkClassEnded(id);
        if (!active || !id.isTest()) {
            return;
        }
        Running r = running.remove(id.getUniqueId());
        Optional<Requirement> req = requirementOf(id);
        if (req.isEmpty() || r == null) {
            return;
        }
        Verdicts.Judgement j = Verdicts.judge(result);
        if (!Targets.external()) {
            MainRunVerdicts.record(req.get().id(), j);
        }
        CheckResult check = new CheckResult(req.get(), id.getDisplayName(), j.verdict(), j.reason(),
                List.copyOf(r.evidence), Map.copyOf(r.figures), Duration.between(r.start, Instant.now()));
        synchronized (results) {
            results.add(check);
        }
        progress.done(req.get().area(), j.verdict());
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (active) {
            MainRunVerdicts.markFinished();
        }
        if (!active || (results.isEmpty() && sensitivity.isEmpty())) {
            return;
        }
        ComplianceReport report = new ComplianceReport(targetName, version(), started, Instant.now(),
                Catalogue.load().all(), List.copyOf(results), withReference(List.copyOf(sensitivity)));
        if (!report.uncaught().isEmpty()) {
            System.out.println("[relaycert] sensitivity: " + report.uncaught().size() + " check(s) not caught by their variant");
        }
        Path dir = outputDirectory(targetName);
        try {
            List<Path> files = ReportWriter.writeAll(report, dir);
            PrintStream out = System.out;
            out.println("[relaycert] compliance report for " + targetName + ": " + dir.resolve("compliance-report.html"));
            files.stream().filter(f -> f.getParent().equals(dir)).forEach(f -> out.println("[relaycert]   " + f));
            compareWithExpected(report, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the compliance report to " + dir, e);
        }
    }

    /**
     * With {@code -Dchatmail.expected=FILE} (a known target's expected verdicts), writes the comparison next to the
     * report as {@value #EXPECTED_RESULT}, whose first line a runner reads: MATCH or DIFFER.
     */
    private static void compareWithExpected(ComplianceReport report, Path dir) throws IOException {
        String setting = System.getProperty("chatmail.expected", "").strip();
        if (setting.isEmpty()) {
            return;
        }
        Path file = Path.of(setting);
        if (!file.isAbsolute()) {
            file = Path.of(System.getProperty("relaycert.root", "..")).resolve(file).toAbsolutePath().normalize();
        }
        ExpectedVerdicts expected = ExpectedVerdicts.read(file);
        String text = expected.verdictText(expected.compare(ExpectedVerdicts.observed(report)));
        java.nio.file.Files.writeString(dir.resolve(EXPECTED_RESULT), text);
        System.out.print(text.lines().map(l -> "[relaycert] expected verdicts: " + l + "\n").reduce("", String::concat));
    }

    /** A variant's row only counts as caught if the same check passed on the reference relay in this run. */
    private List<SensitivityResult> withReference(List<String> rows) {
        return rows.stream().map(row -> {
            String id = SensitivityRows.requirementOf(row);
            Verdict ref = results.stream().filter(c -> c.requirement().id().equals(id))
                    .map(CheckResult::verdict).reduce((a, b) -> a == Verdict.PASS ? b : a).orElse(Verdict.NOT_OBSERVABLE);
            return SensitivityRows.parse(row, ref);
        }).toList();
    }

    private void checkClassEnded(TestIdentifier id) {
        if (active && checkClassesLeft.remove(id.getUniqueId()) && checkClassesLeft.isEmpty()) {
            MainRunVerdicts.markFinished();
        }
    }

    private static boolean isCheckClass(TestIdentifier id) {
        return id.isContainer() && id.getSource().orElse(null) instanceof ClassSource cs
                && cs.getJavaClass().isAnnotationPresent(ConformanceCheck.class);
    }

    static Optional<Requirement> requirementOf(TestIdentifier id) {
        if (!id.isTest() || id.getSource().isEmpty() || !(id.getSource().get() instanceof MethodSource ms)) {
            return Optional.empty();
        }
        try {
            Method m = ms.getJavaMethod();
            RequirementId rid = m.getAnnotation(RequirementId.class);
            return rid == null ? Optional.empty() : Catalogue.load().find(rid.value());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static Path outputDirectory(String target) {
        String explicit = System.getProperty("relaycert.reports.dir");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).resolve(target);
        }
        Path root = Path.of(System.getProperty("relaycert.root", ".."));
        return root.resolve("reports").resolve("out").resolve(target).toAbsolutePath().normalize();
    }

    private static String version() {
        String v = VerdictListener.class.getPackage().getImplementationVersion();
        return v == null ? System.getProperty("relaycert.version", "dev") : v;
    }
}
