package org.relaycert.reports;

import java.util.Objects;

/**
 * One row of the suite's self-test: a check run against a relay variant that breaks its rule.
 *
 * <p>A row is caught only by the rule's own assertion: FAIL on the variant and PASS on the reference relay. A
 * variant on which the check could not set up its situation ({@link Verdict#PRECONDITION_FAILED}) caught nothing
 * and is shown as "precondition failed", whatever else broke.
 *
 * @param variant            short variant name, e.g. {@code accepts-cleartext}
 * @param variantDescription what the variant breaks
 * @param requirementId      the requirement whose check should catch the variant
 * @param onVariant          verdict of the check against the broken variant
 * @param onReference        verdict of the same check against the reference relay
 * @param caught             true exactly when {@code onVariant} is FAIL and {@code onReference} is PASS
 */
public record SensitivityResult(
        String variant,
        String variantDescription,
        String requirementId,
        Verdict onVariant,
        Verdict onReference,
        boolean caught) {

    /** How a row ended, for display. */
    public enum Status {
        /** FAIL on the variant (the rule's own assertion), PASS on the reference. */
        CAUGHT("caught"),
        /** The check could not set up its situation on the variant: it caught nothing. */
        PRECONDITION_FAILED("precondition failed"),
        /** The check did not pass on the reference relay, so a FAIL on the variant proves nothing. */
        REFERENCE_NOT_PASSED("reference did not pass"),
        /** The check did not FAIL on the variant: the fault went unnoticed. */
        MISSED("missed");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /** Words for people. */
        public String label() {
            return label;
        }
    }

    public SensitivityResult {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(requirementId, "requirementId");
        Objects.requireNonNull(onVariant, "onVariant");
        Objects.requireNonNull(onReference, "onReference");
        variantDescription = variantDescription == null ? "" : variantDescription;
        if (caught != caughtBy(onVariant, onReference)) {
            throw new IllegalArgumentException("sensitivity row " + variant + "/" + requirementId + " marked caught="
                    + caught + " with " + onVariant + " on the variant and " + onReference
                    + " on the reference; caught is exactly FAIL on the variant and PASS on the reference");
        }
    }

    /** Derives {@code caught} from the two verdicts, so callers cannot get it wrong. */
    public static SensitivityResult of(String variant, String variantDescription, String requirementId,
                                       Verdict onVariant, Verdict onReference) {
        return new SensitivityResult(variant, variantDescription, requirementId, onVariant, onReference,
                caughtBy(onVariant, onReference));
    }

    /** True when the verdicts are the rule's own assertion failing on the variant and the reference passing. */
    public static boolean caughtBy(Verdict onVariant, Verdict onReference) {
        return onVariant == Verdict.FAIL && onReference == Verdict.PASS;
    }

    /** How the row ended; precondition failed on the variant comes before anything about the reference. */
    public Status status() {
        if (caught) {
            return Status.CAUGHT;
        }
        if (onVariant == Verdict.PRECONDITION_FAILED) {
            return Status.PRECONDITION_FAILED;
        }
        if (onVariant == Verdict.FAIL) {
            return Status.REFERENCE_NOT_PASSED;
        }
        return Status.MISSED;
    }
}
