package org.relaycert.reports;

/** The one-word headline of a report. */
public enum OverallVerdict {
    /** No MUST requirement failed or errored; no SHOULD either. */
    COMPLIANT,
    /** No MUST requirement failed or errored, but at least one SHOULD did. */
    COMPLIANT_WITH_WARNINGS,
    /** At least one MUST requirement failed or errored. */
    NOT_COMPLIANT;

    /** Words for people: "compliant with warnings". */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
