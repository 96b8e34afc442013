package org.relaycert.reports;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The verdict of one executed check (one test) for one requirement.
 *
 * @param requirement the requirement the check is tagged with
 * @param displayName the check's human name
 * @param verdict     the outcome
 * @param reason      failure message, not-observable reason or error text; null on pass
 * @param evidence    transcript lines as seen on the wire (untrusted server output)
 * @param figures     named measurement samples, e.g. {@code "latencyMs" -> [12.0, 15.5]}; finite numbers only
 * @param duration    how long the check ran
 */
public record CheckResult(
        Requirement requirement,
        String displayName,
        Verdict verdict,
        String reason,
        List<String> evidence,
        Map<String, List<Double>> figures,
        Duration duration) {

    public CheckResult {
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(duration, "duration");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        figures = copyFigures(figures);
    }

    /** A passing result without evidence or figures. */
    public static CheckResult pass(Requirement requirement, String displayName, Duration duration) {
        return new CheckResult(requirement, displayName, Verdict.PASS, null, List.of(), Map.of(), duration);
    }

    /** Keeps the caller's order of figure names (stable rendering) while making everything immutable. */
    private static Map<String, List<Double>> copyFigures(Map<String, List<Double>> figures) {
        if (figures == null || figures.isEmpty()) {
            return Map.of();
        }
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        figures.forEach((name, samples) -> {
            Objects.requireNonNull(name, "figure name");
            List<Double> frozen = List.copyOf(samples);
            // NaN or infinity would make the JSON invalid and percentiles meaningless: refuse it at the source.
            if (frozen.stream().anyMatch(v -> !Double.isFinite(v))) {
                throw new IllegalArgumentException("figure '" + name + "' has a non-finite sample");
            }
            copy.put(name, frozen);
        });
        return java.util.Collections.unmodifiableMap(copy);
    }
}
