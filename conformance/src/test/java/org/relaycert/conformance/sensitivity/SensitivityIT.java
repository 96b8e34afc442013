package org.relaycert.conformance.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestReporter;
import org.relaycert.conformance.ConformanceExtension;
import org.relaycert.conformance.target.Targets;
import org.relaycert.conformance.verdict.SensitivityRows;
import org.relaycert.conformance.verdict.Verdicts;
import org.relaycert.fixtures.variants.Variant;
import org.relaycert.fixtures.variants.Variants;
import org.relaycert.reports.Verdict;

/**
 * The suite's test of itself: every check must fail against the variant that breaks exactly its rule,
 * and pass against a reference relay started for this purpose (the report joins the main run's verdict too).
 */
class SensitivityIT {
    private final Map<String, Map<String, Verdicts.Judgement>> byVariant = new ConcurrentHashMap<>();
    private Map<String, Verdicts.Judgement> onReference;

    private synchronized Verdicts.Judgement reference(String id) {
        if (onReference == null) {
            onReference = VariantRun.reference(Variants.all().stream().flatMap(v -> v.breaks().stream()).distinct().toList());
        }
        return onReference.get(id);
    }

    @TestFactory
    @DisplayName("sensitivity: each check is caught by its variant")
    List<DynamicTest> everyCheckFailsOnItsVariant(TestReporter reporter) {
        Assumptions.assumeFalse(Targets.external(), "the sensitivity run needs the local world, not an external target");
        List<DynamicTest> tests = new ArrayList<>();
        for (Variant v : selected()) {
            for (String id : v.breaks()) {
                tests.add(DynamicTest.dynamicTest(id + " fails on variant " + v.name(), () -> {
                    Verdicts.Judgement j = byVariant.computeIfAbsent(v.name(), n -> VariantRun.run(v)).get(id);
                    reporter.publishEntry(ConformanceExtension.SENSITIVITY_KEY,
                            SensitivityRows.format(v.name(), v.rule(), id, j.verdict()));
                    Verdicts.Judgement ref = reference(id);
                    // A rule the reference relay cannot show yet (LAT-03 before federation) cannot be shown broken
                    // either: reported as not shown, and caught again as soon as the reference can show it.
                    Assumptions.assumeFalse(ref.verdict() == Verdict.NOT_OBSERVABLE && j.verdict() == Verdict.NOT_OBSERVABLE,
                            () -> id + " is not observable on the reference relay either: " + ref.reason());
                    assertThat(j.verdict()).as("%s against variant '%s' (%s): %s", id, v.name(), v.rule(), j.reason())
                            .isEqualTo(Verdict.FAIL);
                    assertThat(ref.verdict()).as("%s against a reference relay: %s", id, ref.reason())
                            .isEqualTo(Verdict.PASS);
                }));
            }
        }
        return tests;
    }

    /** {@code -Drelaycert.variants=a,b} narrows the run to some variants (for work on one area); default all. */
    private static List<Variant> selected() {
        String only = System.getProperty("relaycert.variants", "").strip();
        if (only.isEmpty()) {
            return Variants.all();
        }
        List<String> names = List.of(only.split(","));
        return Variants.all().stream().filter(v -> names.contains(v.name())).toList();
    }
}
