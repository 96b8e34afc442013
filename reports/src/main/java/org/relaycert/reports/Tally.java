package org.relaycert.reports;

import java.util.OptionalDouble;

/**
 * Requirement counts for one slice of the report (a level, an area, or an area at one level).
 * Counts are per requirement, not per check.
 *
 * <p>The headline reads three numbers off a tally: {@link #pass()} passed, {@link #fail()} failed and
 * {@link #notJudged()} not judged, which add up to {@link #total()}.
 *
 * @param total              requirements in the slice, including those not run
 * @param pass               requirements that passed
 * @param fail               requirements with a failed check (the rule's own assertion)
 * @param notObservable      requirements the suite could not observe on this target
 * @param error              requirements whose check broke (a suite problem)
 * @param notRun             catalogue requirements that no check covered
 * @param preconditionFailed requirements whose situation the suite could not set up
 */
public record Tally(int total, int pass, int fail, int notObservable, int error, int notRun, int preconditionFailed) {

    public static final Tally EMPTY = new Tally(0, 0, 0, 0, 0, 0, 0);

    /** The tally with one more requirement of the given outcome. */
    public Tally plus(RequirementOutcome outcome) {
        if (outcome.verdict().isEmpty()) {
            return new Tally(total + 1, pass, fail, notObservable, error, notRun + 1, preconditionFailed);
        }
        return switch (outcome.verdict().get()) {
            case PASS -> new Tally(total + 1, pass + 1, fail, notObservable, error, notRun, preconditionFailed);
            case FAIL -> new Tally(total + 1, pass, fail + 1, notObservable, error, notRun, preconditionFailed);
            case NOT_OBSERVABLE -> new Tally(total + 1, pass, fail, notObservable + 1, error, notRun, preconditionFailed);
            case ERROR -> new Tally(total + 1, pass, fail, notObservable, error + 1, notRun, preconditionFailed);
            case PRECONDITION_FAILED ->
                    new Tally(total + 1, pass, fail, notObservable, error, notRun, preconditionFailed + 1);
        };
    }

    /** The count for one verdict. */
    public int count(Verdict verdict) {
        return switch (verdict) {
            case PASS -> pass;
            case FAIL -> fail;
            case NOT_OBSERVABLE -> notObservable;
            case ERROR -> error;
            case PRECONDITION_FAILED -> preconditionFailed;
        };
    }

    /** Requirements the run judged: passed or failed. */
    public int judged() {
        return pass + fail;
    }

    /** Requirements the run did not judge: not observable, precondition failed, error and not run. */
    public int notJudged() {
        return notObservable + preconditionFailed + error + notRun;
    }

    /** Requirements whose checks gave a pass, fail or error (the old score's denominator). */
    public int scored() {
        return pass + fail + error;
    }

    /**
     * pass / (pass + fail + error), between 0 and 1; empty when that is 0. Not a measure of completeness: it
     * leaves out everything not observed, not set up or not run. Kept for the JSON schema 1.x {@code score}
     * field only; the report shows passed / failed / not judged of the total instead.
     */
    public OptionalDouble score() {
        int scored = scored();
        return scored == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) pass / scored);
    }

    /** The three headline numbers: "61 passed, 2 failed, 7 not judged of 70". */
    public String headline() {
        return pass + " passed, " + fail + " failed, " + notJudged() + " not judged of " + total;
    }
}
