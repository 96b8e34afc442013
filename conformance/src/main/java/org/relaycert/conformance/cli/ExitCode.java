package org.relaycert.conformance.cli;

import org.relaycert.conformance.settings.Settings;
import org.relaycert.reports.ComplianceReport;
import org.relaycert.reports.Verdict;

/** The certifier's exit codes, testssl.sh-style: what a release gate or a cron job acts on. */
public final class ExitCode {
    public static final int COMPLIANT = 0;
    public static final int MUST_FAILED = 1;
    public static final int PARTIAL = 2;
    public static final int SUITE_ERROR = 3;

    private ExitCode() {
    }

    /**
     * A broken rule first (it is about the relay), then a broken suite (nothing can be said), then what was not
     * judged where every MUST must be.
     */
    public static int of(ComplianceReport report, Settings settings) {
        boolean ruleBroken = report.results().stream().anyMatch(c -> c.verdict() == Verdict.FAIL
                && (c.requirement().level() == org.relaycert.reports.Level.MUST || settings.strict()));
        if (ruleBroken) {
            return MUST_FAILED;
        }
        if (report.results().stream().anyMatch(c -> c.verdict() == Verdict.ERROR)) {
            return SUITE_ERROR;
        }
        if (settings.requireAll() && !report.mustNotJudged().isEmpty()) {
            return PARTIAL;
        }
        return COMPLIANT;
    }
}
