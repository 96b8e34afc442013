package org.relaycert.conformance.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.relaycert.conformance.sensitivity.SensitivityRun;
import org.relaycert.conformance.settings.Settings;
import org.relaycert.fixtures.variants.Variant;
import org.relaycert.fixtures.variants.Variants;
import org.relaycert.reports.ComplianceReport;
import org.relaycert.reports.SensitivityResult;

/**
 * What {@code ./mvnw verify} certifies, with the certifier's own code ({@link Certification}): the local world of
 * reference relays with the sensitivity run beside it, or {@code -Dchatmail.target=<host>}. Fails the build as the
 * certifier's exit code would: a MUST failed or the suite broke (a SHOULD too with {@code chatmail.strict}, a MUST
 * not judged with {@code chatmail.require-all}), or a variant's row not caught by its rule's own assertion.
 */
class CertificationIT {

    @Test
    void certifiesTheTarget() throws Exception {
        Settings settings = Settings.fromSystemProperties();
        Optional<SensitivityRun> sensitivity = settings.external() ? Optional.empty()
                : Optional.of(new SensitivityRun(selected(settings), Integer.getInteger("relaycert.sensitivity.parallel",
                SensitivityRun.DEFAULT_PARALLEL)));
        Certification.Outcome outcome = Certification.run(settings, sensitivity, System.out);
        ComplianceReport report = outcome.report();
        System.out.println("[relaycert] " + report.headline().text() + "; report: " + outcome.directory().resolve("compliance-report.html"));
        outcome.expectedDiff().ifPresent(d -> d.lines().forEach(l -> System.out.println("[relaycert] expected verdicts: " + l)));
        List<SensitivityResult> missed = report.uncaught();
        assertThat(missed).as("sensitivity rows not caught by their rule's own assertion").isEmpty();
        assertThat(report.failsBuild(settings.strict(), settings.requireAll()))
                .as("%s: %s%nMUST failures and suite errors: %s", report.target(), report.headline().text(),
                        report.mustFailures().stream().map(c -> c.requirement().id() + " " + c.verdict() + ": " + c.reason()).toList())
                .isFalse();
    }

    /**
     * The variants of the rules this run judges ({@code -Dchatmail.only}), narrowed further by
     * {@code -Drelaycert.variants=a,b} (for work on one area).
     */
    private static List<Variant> selected(Settings settings) {
        List<String> names = settings.get("relaycert.variants").map(v -> List.of(v.split(","))).orElse(List.of());
        return Variants.all().stream().filter(v -> names.isEmpty() || names.contains(v.name()))
                .filter(v -> v.breaks().stream().anyMatch(settings::selects)).toList();
    }
}
