package org.relaycert.conformance.verdict;

import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.relaycert.conformance.ConformanceExtension;
import org.relaycert.conformance.targets.NotObservableException;
import org.relaycert.reports.Verdict;

/**
 * How a JUnit outcome becomes a verdict: a failed assertion is a FAIL (the target broke the rule); any
 * other exception is an ERROR (the suite could not judge); an abort is NOT_OBSERVABLE when the check said
 * so, a FAIL when it was a SHOULD failure turned into an abort, and an ERROR otherwise.
 */
public final class Verdicts {
    private Verdicts() {
    }

    public record Judgement(Verdict verdict, String reason) {
    }

    public static Judgement judge(TestExecutionResult result) {
        Optional<Throwable> t = result.getThrowable();
        String message = t.map(Verdicts::message).orElse(null);
        return switch (result.getStatus()) {
            case SUCCESSFUL -> new Judgement(Verdict.PASS, null);
            case FAILED -> t.filter(x -> x instanceof AssertionError).isPresent()
                    ? new Judgement(Verdict.FAIL, message)
                    : new Judgement(Verdict.ERROR, t.map(Verdicts::error).orElse(null));
            case ABORTED -> aborted(message);
        };
    }

    private static Judgement aborted(String message) {
        String m = message == null ? "" : message;
        if (m.startsWith(NotObservableException.PREFIX)) {
            return new Judgement(Verdict.NOT_OBSERVABLE, m.substring(NotObservableException.PREFIX.length()));
        }
        if (m.startsWith(ConformanceExtension.SHOULD_FAILED)) {
            return new Judgement(Verdict.FAIL, m.substring(ConformanceExtension.SHOULD_FAILED.length()));
        }
        return new Judgement(Verdict.ERROR,
                "aborted: " + m);
    }

    /**
     * An error as the report shows it: its type (a bare "Connection refused" does not say it was a connection)
     * and message, and the first cause that adds to it (a wrapper's message often leaves out what failed below).
     */
    static String error(Throwable t) {
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
