package org.relaycert.conformance.sensitivity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.relaycert.conformance.run.RunRecord;
import org.relaycert.fixtures.variants.Variant;
import org.relaycert.reports.CheckResult;
import org.relaycert.reports.SensitivityResult;
import org.relaycert.reports.Verdict;

/**
 * The suite's test of itself: every check must fail, by its own assertion, against the variant that breaks
 * exactly its rule, and pass against a reference relay: the main run's world where the main run passed the
 * requirement, else a reference world started for this purpose. It runs beside the main run (the variant worlds
 * start at once; only the control waits for the main run's end), as the main run too spends most of its time
 * waiting. The variant worlds (each on its own loopback block) run {@code parallel} at a time: most of a variant's
 * time is a check waiting for what the variant never does (measured 2026-11-26: 86 worlds, 497 s in all, the
 * longest 50 s); six at a time end before the main run does and leave it more of two cores than eight. Worlds of
 * two relays start first: their cross-relay and real-client checks are the longest runs.
 */
public final class SensitivityRun {
    public static final int DEFAULT_PARALLEL = 6;
    private final List<Variant> variants;
    private final int parallel;

    public SensitivityRun(List<Variant> variants, int parallel) {
        this.variants = List.copyOf(variants);
        this.parallel = Math.max(1, parallel);
    }

    /** Starts every variant world now; the rows complete once the variants and the control have run. */
    public CompletableFuture<List<SensitivityResult>> start(CompletableFuture<RunRecord> mainRun) {
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> Thread.ofPlatform().daemon()
                .name("sensitivity-world").unstarted(r));
        Map<String, CompletableFuture<RunRecord>> byVariant = new LinkedHashMap<>();
        variants.stream().sorted(Comparator.comparingInt(Variant::relays).reversed())
                .forEach(v -> byVariant.put(v.name(), CompletableFuture.supplyAsync(() -> VariantRun.run(v), pool)));
        pool.shutdown(); // queued runs still run; the threads end with the last
        List<String> allIds = variants.stream().flatMap(v -> v.breaks().stream()).distinct().toList();
        CompletableFuture<Map<String, Verdict>> control = mainRun.thenApplyAsync(main -> control(main, allIds),
                r -> Thread.ofPlatform().daemon().name("sensitivity-reference").start(r));
        return control.thenCombine(CompletableFuture.allOf(byVariant.values().toArray(CompletableFuture[]::new)),
                (reference, done) -> rows(byVariant, reference));
    }

    private List<SensitivityResult> rows(Map<String, CompletableFuture<RunRecord>> byVariant, Map<String, Verdict> reference) {
        List<SensitivityResult> rows = new ArrayList<>();
        for (Variant v : variants) {
            RunRecord run = byVariant.get(v.name()).join();
            for (String id : v.breaks()) {
                Verdict onVariant = run.verdict(id).orElse(Verdict.ERROR);
                rows.add(SensitivityResult.of(v.name(), v.rule(), id, onVariant, reference.getOrDefault(id, Verdict.ERROR)));
            }
        }
        System.out.printf("[relaycert] sensitivity: %d variants, %d rows, %d caught by the rule's own assertion%n",
                variants.size(), rows.size(), rows.stream().filter(SensitivityResult::caught).count());
        return rows;
    }

    /**
     * The control group: the main run's pass where it has one, else a reference world of its own (so a main-run
     * miss on a busy machine, e.g. a SHOULD latency, is measured again rather than taken as is).
     */
    private static Map<String, Verdict> control(RunRecord main, List<String> allIds) {
        Map<String, Verdict> all = new LinkedHashMap<>();
        allIds.forEach(id -> main.verdict(id).filter(v -> v == Verdict.PASS).ifPresent(v -> all.put(id, v)));
        List<String> toRun = allIds.stream().filter(id -> !all.containsKey(id)).toList();
        System.out.println("[relaycert] sensitivity: control group of " + allIds.size() + " requirements: "
                + all.size() + " passed in the main run" + (toRun.isEmpty() ? "" : ", " + toRun + " run again on a reference world"));
        if (!toRun.isEmpty()) {
            Map<String, CheckResult> again = VariantRun.reference(toRun).byRequirement();
            toRun.forEach(id -> all.put(id, Optional.ofNullable(again.get(id)).map(CheckResult::verdict).orElse(Verdict.ERROR)));
        }
        return all;
    }
}
