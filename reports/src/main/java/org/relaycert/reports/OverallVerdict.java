package org.relaycert.reports;

/**
 * The one-word headline of a report, about the target only. Decided on requirement-level verdicts:
 * <ol>
 *   <li>{@link #NOT_COMPLIANT} when a MUST requirement failed (the rule's own assertion);</li>
 *   <li>otherwise {@link #PARTIAL} when a MUST requirement was not judged (not observable, precondition failed,
 *       suite error or not run);</li>
 *   <li>otherwise {@link #COMPLIANT_WITH_WARNINGS} when a SHOULD requirement failed;</li>
 *   <li>otherwise {@link #COMPLIANT}: every MUST was judged and passed.</li>
 * </ol>
 */
public enum OverallVerdict {
    /** Every MUST requirement was judged and passed; no SHOULD requirement failed. */
    COMPLIANT,
    /** Every MUST requirement was judged and passed, but at least one SHOULD requirement failed. */
    COMPLIANT_WITH_WARNINGS,
    /** No MUST requirement failed, but at least one was not judged on this target. */
    PARTIAL,
    /** At least one MUST requirement failed. */
    NOT_COMPLIANT;

    /** Words for people: "compliant with warnings". */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /** The verdict for the MUST and SHOULD tallies of a report. */
    public static OverallVerdict of(Tally must, Tally should) {
        if (must.fail() > 0) {
            return NOT_COMPLIANT;
        }
        if (must.notJudged() > 0) {
            return PARTIAL;
        }
        return should.fail() > 0 ? COMPLIANT_WITH_WARNINGS : COMPLIANT;
    }
}
