package org.relaycert.conformance.verdict;

import org.opentest4j.TestAbortedException;

/**
 * The suite could not set up the situation a rule is about (no account, its test mail refused at submission, the
 * second relay unreachable): the rule was not judged. Reported as "precondition failed" with the step and its
 * evidence, never as the rule's FAIL, and never counted as a variant caught in the sensitivity run.
 */
public final class PreconditionFailed extends TestAbortedException {
    private final String step;

    public PreconditionFailed(String step, Throwable cause) {
        super(step + ": " + Verdicts.describe(cause), cause);
        this.step = step;
    }

    public PreconditionFailed(String step, String reason) {
        super(step + ": " + reason);
        this.step = step;
    }

    /** What the suite was setting up, e.g. "account created" or "test mail accepted for delivery". */
    public String step() {
        return step;
    }
}
