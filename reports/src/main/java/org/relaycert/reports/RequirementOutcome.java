package org.relaycert.reports;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One requirement together with every check that ran for it.
 * A requirement with no checks was not run; its verdict is empty and it is named {@value #NOT_RUN}.
 *
 * <p>Several checks fold into one verdict, worst first: FAIL, ERROR, PRECONDITION_FAILED, NOT_OBSERVABLE, PASS.
 * A requirement passes only when every check for it passed, and fails when any check failed.
 */
public record RequirementOutcome(Requirement requirement, List<CheckResult> checks) {

    /** The verdict name used for a requirement that no check covered. */
    public static final String NOT_RUN = "NOT_RUN";

    public RequirementOutcome {
        Objects.requireNonNull(requirement, "requirement");
        checks = List.copyOf(checks);
    }

    /** The folded verdict, or empty when no check ran. */
    public Optional<Verdict> verdict() {
        return checks.stream().map(CheckResult::verdict).min(Comparator.comparingInt(Verdict::severityRank));
    }

    /** The verdict's name, or {@value #NOT_RUN}. */
    public String verdictName() {
        return verdict().map(Verdict::name).orElse(NOT_RUN);
    }

    public boolean wasRun() {
        return !checks.isEmpty();
    }

    /** The reasons of the checks that share the folded verdict, joined by newlines; null when there is none. */
    public String reason() {
        Optional<Verdict> folded = verdict();
        if (folded.isEmpty()) {
            return null;
        }
        String joined = checks.stream()
                .filter(c -> c.verdict() == folded.get() && c.reason() != null && !c.reason().isBlank())
                .map(c -> checks.size() > 1 ? c.displayName() + ": " + c.reason() : c.reason())
                .collect(Collectors.joining("\n"));
        return joined.isEmpty() ? null : joined;
    }

    /** All evidence lines of all checks, in check order. */
    public List<String> evidence() {
        List<String> lines = new ArrayList<>();
        checks.forEach(c -> lines.addAll(c.evidence()));
        return List.copyOf(lines);
    }

    /** All figures of all checks; samples of a figure name shared by several checks are concatenated. */
    public Map<String, List<Double>> figures() {
        Map<String, List<Double>> merged = new LinkedHashMap<>();
        for (CheckResult check : checks) {
            check.figures().forEach((name, samples) ->
                    merged.computeIfAbsent(name, n -> new ArrayList<>()).addAll(samples));
        }
        Map<String, List<Double>> frozen = new LinkedHashMap<>();
        merged.forEach((name, samples) -> frozen.put(name, List.copyOf(samples)));
        return java.util.Collections.unmodifiableMap(frozen);
    }

    /** Sum of the checks' durations. */
    public Duration duration() {
        return checks.stream().map(CheckResult::duration).reduce(Duration.ZERO, Duration::plus);
    }
}
