package org.relaycert.conformance.sensitivity;

import java.util.List;
import org.relaycert.conformance.run.CheckRun;
import org.relaycert.conformance.run.RunRecord;
import org.relaycert.conformance.targets.Targets;
import org.relaycert.fixtures.variants.Variant;

/**
 * Runs the checks of a variant's broken requirements, and only those, against a world whose primary relay
 * is that variant, configured with {@link Targets#VARIANT_PARAMETER}.
 */
final class VariantRun {
    private VariantRun() {
    }

    static RunRecord run(Variant variant) {
        return run(variant.name(), variant.breaks(), variant.relays());
    }

    /** The same checks against a reference world of its own, the control group of the sensitivity run. */
    static RunRecord reference(List<String> ids) {
        return run(Targets.REFERENCE_VARIANT, ids, 2);
    }

    private static RunRecord run(String variantName, List<String> ids, int relays) {
        long start = System.nanoTime();
        RunRecord record = CheckRun.allChecks().requirements(ids::contains)
                .parameter(Targets.VARIANT_PARAMETER, variantName)
                .parameter(Targets.RELAYS_PARAMETER, String.valueOf(relays))
                .execute();
        // Where the sensitivity run's time goes (it sets the suite's length): one line per world.
        System.out.printf(java.util.Locale.ROOT, "[relaycert] sensitivity: %s judged in %.1f s (%s)%n", variantName,
                (System.nanoTime() - start) / 1e9, String.join(", ", ids));
        return record;
    }
}
