package org.relaycert.reports;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one conformance run found out about one target: the catalogue, every check's verdict and the
 * suite's sensitivity self-test. Immutable; renderers only read it.
 *
 * <p>The unit of counting is the requirement: {@link #outcomes()} folds the checks of each requirement into
 * one verdict. Catalogue requirements that no check covered are listed by {@link #unchecked()} and counted as
 * {@value RequirementOutcome#NOT_RUN}; results whose requirement is missing from the catalogue are still
 * reported, after the catalogue entries.
 */
public record ComplianceReport(
        String target,
        String relaycertVersion,
        Instant started,
        Instant finished,
        List<Requirement> catalogue,
        List<CheckResult> results,
        List<SensitivityResult> sensitivity) {

    public ComplianceReport {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(relaycertVersion, "relaycertVersion");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(finished, "finished");
        catalogue = List.copyOf(catalogue);
        results = List.copyOf(results);
        sensitivity = sensitivity == null ? List.of() : List.copyOf(sensitivity);
    }

    /** Wall-clock time of the run. */
    public Duration duration() {
        return Duration.between(started, finished);
    }

    /** One entry per requirement, catalogue order first, then requirements only the results name. */
    public List<RequirementOutcome> outcomes() {
        Map<String, Requirement> requirements = new LinkedHashMap<>();
        Map<String, List<CheckResult>> checks = new LinkedHashMap<>();
        for (Requirement req : catalogue) {
            requirements.putIfAbsent(req.id(), req);
        }
        for (CheckResult result : results) {
            Requirement req = result.requirement();
            requirements.putIfAbsent(req.id(), req);
            checks.computeIfAbsent(req.id(), id -> new ArrayList<>()).add(result);
        }
        List<RequirementOutcome> outcomes = new ArrayList<>();
        requirements.forEach((id, req) -> outcomes.add(new RequirementOutcome(req, checks.getOrDefault(id, List.of()))));
        return List.copyOf(outcomes);
    }

    /** Catalogue requirements that no check covered. */
    public List<Requirement> unchecked() {
        return outcomes().stream().filter(o -> !o.wasRun()).map(RequirementOutcome::requirement).toList();
    }

    /** Counts per level, verdict and area. */
    public Summary summary() {
        return Summary.of(outcomes());
    }

    /** The overall verdict with its counts: what every rendering puts at the top. */
    public Headline headline() {
        return summary().headline();
    }

    /** Checks of MUST requirements that failed or errored (the checks that fail a default build). */
    public List<CheckResult> mustFailures() {
        return failures(Level.MUST);
    }

    /** Checks of SHOULD requirements that failed or errored (the checks that also fail a strict build). */
    public List<CheckResult> shouldFailures() {
        return failures(Level.SHOULD);
    }

    /** Checks of one level that ended with one verdict, in run order. */
    public List<CheckResult> checks(Level level, Verdict verdict) {
        return results.stream().filter(r -> r.requirement().level() == level && r.verdict() == verdict).toList();
    }

    /** Checks of any level that ended with one verdict, in run order. */
    public List<CheckResult> checks(Verdict verdict) {
        return results.stream().filter(r -> r.verdict() == verdict).toList();
    }

    /** Checks the suite could not observe. */
    public List<CheckResult> notObservable() {
        return checks(Verdict.NOT_OBSERVABLE);
    }

    /** Checks whose situation the suite could not set up. */
    public List<CheckResult> preconditionFailures() {
        return checks(Verdict.PRECONDITION_FAILED);
    }

    /** Checks where the suite broke. */
    public List<CheckResult> errors() {
        return checks(Verdict.ERROR);
    }

    /** MUST requirements that this run did not judge (folded verdict other than PASS and FAIL, or not run). */
    public List<Requirement> mustNotJudged() {
        return outcomes().stream()
                .filter(o -> o.requirement().level() == Level.MUST && !o.verdict().map(Verdict::isJudged).orElse(false))
                .map(RequirementOutcome::requirement)
                .toList();
    }

    /** Sensitivity rows not caught by the rule's own assertion (missed, precondition failed, reference not passed). */
    public List<SensitivityResult> uncaught() {
        return sensitivity.stream().filter(s -> !s.caught()).toList();
    }

    /**
     * Whether the run should fail a CI build: any MUST failure or error, any sensitivity row not caught
     * (the suite cannot be trusted), and in strict mode also any SHOULD failure or error.
     * The same as {@code failsBuild(strict, false)}.
     */
    public boolean failsBuild(boolean strict) {
        return failsBuild(strict, false);
    }

    /**
     * {@link #failsBuild(boolean)}, and with {@code requireAll} (release gating, {@code -Dchatmail.require-all=true})
     * also when any MUST requirement was not judged: a PARTIAL run fails.
     */
    public boolean failsBuild(boolean strict, boolean requireAll) {
        return !mustFailures().isEmpty()
                || !uncaught().isEmpty()
                || (strict && !shouldFailures().isEmpty())
                || (requireAll && summary().mustNotJudged() > 0);
    }

    /** The headline verdict about the target (the sensitivity self-test is about the suite, not the target). */
    public OverallVerdict overall() {
        return headline().overall();
    }

    private List<CheckResult> failures(Level level) {
        return results.stream()
                .filter(r -> r.requirement().level() == level && r.verdict().isFailure())
                .toList();
    }
}
