package org.relaycert.conformance.sensitivity;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.relaycert.conformance.RequirementId;
import org.relaycert.conformance.targets.Targets;
import org.relaycert.conformance.verdict.Verdicts;
import org.relaycert.fixtures.variants.Variant;
import org.relaycert.reports.Verdict;

/**
 * Runs the checks of a variant's broken requirements, and only those, against a world whose primary relay
 * is that variant: a nested JUnit run in this JVM, configured with {@link Targets#VARIANT_PARAMETER}.
 */
final class VariantRun {
    static final String CHECKS_PACKAGE = "org.relaycert.conformance.checks";

    private VariantRun() {
    }

    /** Requirement ID -> verdict on the variant (ERROR if the run produced no check for it). */
    static Map<String, Verdicts.Judgement> run(Variant variant) {
        return run(variant.name(), variant.breaks(), variant.relays());
    }

    /** The same checks against a reference world of its own, the control group of the sensitivity run. */
    static Map<String, Verdicts.Judgement> reference(List<String> ids) {
        return run(Targets.REFERENCE_VARIANT, ids, 2);
    }

    private static Map<String, Verdicts.Judgement> run(String variantName, List<String> ids, int relays) {
        PostDiscoveryFilter onlyBroken = descriptor -> descriptor.getSource()
                .filter(s -> s instanceof MethodSource).map(s -> requirement((MethodSource) s))
                .map(id -> FilterResult.includedIf(id.isPresent() && ids.contains(id.get())))
                .orElse(FilterResult.included("container"));
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage(CHECKS_PACKAGE))
                .filters(onlyBroken)
                .configurationParameter(Targets.VARIANT_PARAMETER, variantName)
                .configurationParameter(Targets.NESTED_PARAMETER, "true")
                .configurationParameter(Targets.RELAYS_PARAMETER, String.valueOf(relays))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .build();
        Map<String, Verdicts.Judgement> verdicts = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        LauncherFactory.create().execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest() && id.getSource().orElse(null) instanceof MethodSource ms) {
                    requirement(ms).ifPresent(r -> verdicts.merge(r, Verdicts.judge(result), VariantRun::worse));
                }
            }
        });
        for (String id : ids) {
            verdicts.putIfAbsent(id, new Verdicts.Judgement(Verdict.ERROR, "no check ran for " + id));
        }
        // Where the sensitivity run's time goes (it sets the suite's length): one line per world.
        System.out.printf(java.util.Locale.ROOT, "[relaycert] sensitivity: %s judged in %.1f s (%s)%n", variantName,
                (System.nanoTime() - start) / 1e9, String.join(", ", ids));
        return verdicts;
    }

    private static Verdicts.Judgement worse(Verdicts.Judgement a, Verdicts.Judgement b) {
        return a.verdict() == Verdict.FAIL ? a : b;
    }

    private static Optional<String> requirement(MethodSource source) {
        try {
            RequirementId id = source.getJavaMethod().getAnnotation(RequirementId.class);
            return Optional.ofNullable(id).map(RequirementId::value);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
