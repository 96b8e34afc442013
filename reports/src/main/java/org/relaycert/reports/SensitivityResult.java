package org.relaycert.reports;

import java.util.Objects;

/**
 * One row of the suite's self-test: a check run against a relay variant that breaks its rule.
 *
 * @param variant            short variant name, e.g. {@code accepts-cleartext}
 * @param variantDescription what the variant breaks
 * @param requirementId      the requirement whose check should catch the variant
 * @param onVariant          verdict of the check against the broken variant
 * @param onReference        verdict of the same check against the reference relay
 * @param caught             true when the check failed on the variant and passed on the reference
 */
public record SensitivityResult(
        String variant,
        String variantDescription,
        String requirementId,
        Verdict onVariant,
        Verdict onReference,
        boolean caught) {

    public SensitivityResult {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(requirementId, "requirementId");
        Objects.requireNonNull(onVariant, "onVariant");
        Objects.requireNonNull(onReference, "onReference");
        variantDescription = variantDescription == null ? "" : variantDescription;
    }

    /** Derives {@code caught} from the two verdicts, so callers cannot get it wrong. */
    public static SensitivityResult of(String variant, String variantDescription, String requirementId,
                                       Verdict onVariant, Verdict onReference) {
        boolean caught = onVariant == Verdict.FAIL && onReference == Verdict.PASS;
        return new SensitivityResult(variant, variantDescription, requirementId, onVariant, onReference, caught);
    }
}
