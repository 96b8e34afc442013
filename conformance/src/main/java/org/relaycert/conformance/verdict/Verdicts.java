package org.relaycert.conformance.verdict;

import org.relaycert.conformance.targets.NotObservableException;
import org.relaycert.reports.Verdict;

/**
 * How the way a check ended becomes a verdict, decided once by the type of what it threw: nothing is a PASS; an
 * assertion error (the rule's own assertion) is a FAIL; {@link PreconditionFailed} is PRECONDITION_FAILED;
 * {@link NotObservableException} is NOT_OBSERVABLE; anything else (a suite problem: refused connection, timeout,
 * unexpected exception, or an abort nobody explained) is an ERROR that names what failed.
 */
public final class Verdicts {
    private Verdicts() {
    }

    public record Judgement(Verdict verdict, String reason) {
        public static final Judgement PASS = new Judgement(Verdict.PASS, null);
    }

    /** The judgement of a check that threw {@code t}, or passed when {@code t} is null. */
    public static Judgement judge(Throwable t) {
        if (t == null) {
            return Judgement.PASS;
        }
        if (t instanceof NotObservableException n) {
            return new Judgement(Verdict.NOT_OBSERVABLE, n.reason());
        }
        if (t instanceof PreconditionFailed p) {
            return new Judgement(Verdict.PRECONDITION_FAILED, p.getMessage());
        }
        if (t instanceof AssertionError) {
            return new Judgement(Verdict.FAIL, message(t));
        }
        return new Judgement(Verdict.ERROR, describe(t));
    }

    /**
     * An error as the report shows it: its type (a bare "Connection refused" does not say it was a connection)
     * and message, and the first cause that adds to it (a wrapper's message often leaves out what failed below).
     */
    public static String describe(Throwable t) {
        if (t instanceof AssertionError) {
            return message(t);
        }
        String m = t.getClass().getSimpleName() + ": " + message(t);
        for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null && !m.contains(c.getMessage())) {
                return m + " (cause: " + c.getClass().getSimpleName() + ": " + c.getMessage() + ")";
            }
        }
        return m;
    }

    private static String message(Throwable t) {
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }
}
