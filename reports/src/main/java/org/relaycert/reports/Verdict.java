package org.relaycert.reports;

/** The outcome of one check against a target. */
public enum Verdict {
    /** The target behaved as the requirement says. */
    PASS,
    /** The target was observed breaking the requirement. */
    FAIL,
    /** The check could not see the behaviour (missing capability, black-box limit); never counts as a pass. */
    NOT_OBSERVABLE,
    /** The check itself broke (exception, timeout in the harness); counts against the target like a failure. */
    ERROR;

    /** Lower is worse: used to fold several checks of one requirement into one verdict. */
    int severityRank() {
        return switch (this) {
            case FAIL -> 0;
            case ERROR -> 1;
            case NOT_OBSERVABLE -> 2;
            case PASS -> 3;
        };
    }

    /** True for FAIL and ERROR: the verdicts that count against the target. */
    public boolean isFailure() {
        return this == FAIL || this == ERROR;
    }
}
