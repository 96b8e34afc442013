package org.relaycert.conformance.verdict;

import java.util.concurrent.Callable;
import org.opentest4j.TestAbortedException;

/**
 * Marks the steps of a check that set up its situation. Whatever goes wrong inside one (an assertion, a refused
 * connection, a reply the suite did not expect) is a {@link PreconditionFailed}, not the rule's FAIL: the rule's
 * own assertions are the ones outside such steps. A step that already knows it cannot observe (not observable)
 * or already failed its precondition passes through unchanged.
 */
public final class Precondition {
    private Precondition() {
    }

    /** Runs a set-up step and returns its result. */
    public static <T> T step(String what, Callable<T> step) {
        try {
            return step.call();
        } catch (TestAbortedException passThrough) {
            throw passThrough;
        } catch (Exception | AssertionError e) {
            throw new PreconditionFailed(what, e);
        }
    }

    /** A set-up step without a result. */
    public static void run(String what, ThrowingRunnable step) {
        step(what, () -> {
            step.run();
            return null;
        });
    }

    /** A condition the situation needs, e.g. "the relay answered 250 to the test mail". */
    public static void require(boolean holds, String what, String otherwise) {
        if (!holds) {
            throw new PreconditionFailed(what, otherwise);
        }
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
