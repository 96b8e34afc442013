package org.relaycert.conformance.verdict;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.relaycert.reports.Verdict;

/**
 * The verdicts of this JVM's main run against its world of reference relays, by requirement ID. The
 * sensitivity run takes its control group from here when the main run passed a requirement, instead of
 * starting a second reference world; it runs beside the main run and reads these once {@link #finished()}.
 */
public final class MainRunVerdicts {
    private static final Map<String, Verdicts.Judgement> BY_ID = new ConcurrentHashMap<>();
    private static final CompletableFuture<Void> FINISHED = new CompletableFuture<>();

    private MainRunVerdicts() {
    }

    /** Records one check's verdict; of several checks of one requirement, any that did not pass decides. */
    static void record(String requirementId, Verdicts.Judgement judgement) {
        BY_ID.merge(requirementId, judgement, (a, b) -> a.verdict() != Verdict.PASS ? a : b);
    }

    /** The main run's verdict for a requirement, if the main run (local world of reference relays) judged it. */
    public static Optional<Verdicts.Judgement> of(String requirementId) {
        return Optional.ofNullable(BY_ID.get(requirementId));
    }

    /** Completes when every check class of this JVM's main run has finished (or there was none). */
    public static CompletableFuture<Void> finished() {
        return FINISHED;
    }

    static void markFinished() {
        FINISHED.complete(null);
    }
}
