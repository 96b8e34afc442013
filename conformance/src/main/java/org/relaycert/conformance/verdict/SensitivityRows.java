package org.relaycert.conformance.verdict;

import org.relaycert.reports.SensitivityResult;
import org.relaycert.reports.Verdict;

/**
 * A sensitivity row travels from the sensitivity test to the listener as one report entry:
 * {@code variant TAB description TAB requirement TAB verdict-on-variant}.
 */
public final class SensitivityRows {
    private SensitivityRows() {
    }

    public static String format(String variant, String description, String requirementId, Verdict onVariant) {
        return String.join("\t", variant, description.replace('\t', ' '), requirementId, onVariant.name());
    }

    /** The row joined with the same requirement's verdict on the reference relay. */
    static SensitivityResult parse(String row, Verdict onReference) {
        String[] f = row.split("\t", -1);
        if (f.length != 4) {
            throw new IllegalArgumentException("malformed sensitivity row: " + row);
        }
        Verdict v = Verdict.valueOf(f[3]);
        return new SensitivityResult(f[0], f[1], f[2], v, onReference, v == Verdict.FAIL && onReference == Verdict.PASS);
    }

    static String requirementOf(String row) {
        String[] f = row.split("\t", -1);
        return f.length == 4 ? f[2] : "";
    }
}
