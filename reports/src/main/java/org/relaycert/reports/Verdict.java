package org.relaycert.reports;

/**
 * The outcome of one check against a target. Only {@link #PASS} and {@link #FAIL} are judgements of the rule;
 * every other verdict leaves the rule not judged on this target (see {@link #isJudged()}).
 */
public enum Verdict {
    /** The target behaved as the requirement says. */
    PASS,
    /** The target was observed breaking the requirement: the rule's own assertion failed. */
    FAIL,
    /** The check could not see the behaviour on this target (missing capability, black-box limit); not judged. */
    NOT_OBSERVABLE,
    /**
     * The suite itself broke (exception, timeout in the harness); not judged, but shown apart and it fails the
     * build: a suite problem the operator must see.
     */
    ERROR,
    /**
     * The suite could not set up the situation the rule is about (no account, its test mail refused at submission,
     * the peer relay down); neither a pass nor a FAIL of the rule: not judged.
     */
    PRECONDITION_FAILED;

    /** Lower is worse: folds several checks of one requirement, FAIL, ERROR, PRECONDITION_FAILED, NOT_OBSERVABLE, PASS. */
    public int severityRank() {
        return switch (this) {
            case FAIL -> 0;
            case ERROR -> 1;
            case PRECONDITION_FAILED -> 2;
            case NOT_OBSERVABLE -> 3;
            case PASS -> 4;
        };
    }

    /** True for FAIL and ERROR: the verdicts that fail a build (a broken rule, or a broken suite). */
    public boolean isFailure() {
        return this == FAIL || this == ERROR;
    }

    /** True for PASS and FAIL: the rule was judged on this target. */
    public boolean isJudged() {
        return this == PASS || this == FAIL;
    }

    /** Words for people: "precondition failed". */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
