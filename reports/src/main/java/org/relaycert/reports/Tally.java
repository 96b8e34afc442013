package org.relaycert.reports;

import java.util.OptionalDouble;

/**
 * Requirement counts for one slice of the report (a level, an area, or an area at one level).
 * Counts are per requirement, not per check.
 *
 * @param total         requirements in the slice, including those not run
 * @param pass          requirements that passed
 * @param fail          requirements with a failed check
 * @param notObservable requirements the suite could not observe
 * @param error         requirements whose check broke
 * @param notRun        catalogue requirements that no check covered
 */
public record Tally(int total, int pass, int fail, int notObservable, int error, int notRun) {

    public static final Tally EMPTY = new Tally(0, 0, 0, 0, 0, 0);

    /** The tally with one more requirement of the given outcome. */
    public Tally plus(RequirementOutcome outcome) {
        if (outcome.verdict().isEmpty()) {
            return new Tally(total + 1, pass, fail, notObservable, error, notRun + 1);
        }
        return switch (outcome.verdict().get()) {
            case PASS -> new Tally(total + 1, pass + 1, fail, notObservable, error, notRun);
            case FAIL -> new Tally(total + 1, pass, fail + 1, notObservable, error, notRun);
            case NOT_OBSERVABLE -> new Tally(total + 1, pass, fail, notObservable + 1, error, notRun);
            case ERROR -> new Tally(total + 1, pass, fail, notObservable, error + 1, notRun);
        };
    }

    /** The count for one verdict. */
    public int count(Verdict verdict) {
        return switch (verdict) {
            case PASS -> pass;
            case FAIL -> fail;
            case NOT_OBSERVABLE -> notObservable;
            case ERROR -> error;
        };
    }

    /** Requirements that produced a judgement about the target: pass, fail or error. */
    public int scored() {
        return pass + fail + error;
    }

    /**
     * pass / (pass + fail + error), between 0 and 1; empty when nothing was scored.
     * Not-observable and not-run requirements are left out: they say nothing about the target.
     */
    public OptionalDouble score() {
        int scored = scored();
        return scored == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) pass / scored);
    }

    /** The score as a whole percentage rounded down, so a single failure never shows as 100; -1 if none. */
    public int scorePercent() {
        OptionalDouble score = score();
        return score.isEmpty() ? -1 : (int) Math.floor(score.getAsDouble() * 100.0 + 1e-9);
    }
}
