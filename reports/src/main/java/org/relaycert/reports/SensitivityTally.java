package org.relaycert.reports;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The counts the sensitivity section prints: how many variants and rows it ran, and how each row ended.
 *
 * @param variants           distinct variant names
 * @param rows               rows (a variant against one requirement's check)
 * @param caught             rows caught by the rule's own assertion (FAIL on the variant, PASS on the reference)
 * @param preconditionFailed rows whose check could not set up its situation on the variant
 * @param referenceNotPassed rows that failed on the variant but did not pass on the reference
 * @param missed             rows that did not fail on the variant
 */
public record SensitivityTally(int variants, int rows, int caught, int preconditionFailed, int referenceNotPassed,
                               int missed) {

    public static SensitivityTally of(List<SensitivityResult> results) {
        Set<String> variants = new LinkedHashSet<>();
        int[] n = new int[SensitivityResult.Status.values().length];
        for (SensitivityResult r : results) {
            variants.add(r.variant());
            n[r.status().ordinal()]++;
        }
        return new SensitivityTally(variants.size(), results.size(), n[SensitivityResult.Status.CAUGHT.ordinal()],
                n[SensitivityResult.Status.PRECONDITION_FAILED.ordinal()],
                n[SensitivityResult.Status.REFERENCE_NOT_PASSED.ordinal()],
                n[SensitivityResult.Status.MISSED.ordinal()]);
    }

    /**
     * "Ran 3 variants in 4 rows: 2 caught by the rule's own assertion, 1 precondition failed, 0 reference did not
     * pass, 1 missed."
     */
    public String text() {
        return "Ran " + variants + " variant" + (variants == 1 ? "" : "s") + " in " + rows + " row" + (rows == 1 ? "" : "s")
                + ": " + caught + " caught by the rule's own assertion, " + preconditionFailed + " precondition failed, "
                + referenceNotPassed + " reference did not pass, " + missed + " missed.";
    }
}
