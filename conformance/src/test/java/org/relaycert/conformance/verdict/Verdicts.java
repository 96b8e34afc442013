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
                    : new Judgement(Verdict.ERROR, message);
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

    private static String message(Throwable t) {
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }
}
