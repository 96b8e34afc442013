package org.relaycert.conformance;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;
import org.relaycert.conformance.catalogue.Catalogue;
import org.relaycert.conformance.targets.Target;
import org.relaycert.conformance.targets.Targets;

/**
 * Gives checks their {@link Target} and {@link Evidence}, publishes the evidence as report entries
 * (the verdict listener collects them), and turns a failed SHOULD check into an aborted test with a
 * {@value #SHOULD_FAILED} reason unless {@code -Dchatmail.strict=true}, so SHOULD failures are
 * reported as failures without failing the build.
 */
public final class ConformanceExtension implements ParameterResolver, AfterEachCallback, TestExecutionExceptionHandler {
    public static final String SHOULD_FAILED = "SHOULD not met: ";
    public static final String EVIDENCE_KEY = "relaycert.evidence";
    public static final String FIGURE_PREFIX = "relaycert.figure.";
    public static final String TARGET_KEY = "relaycert.target";
    /** Makes SHOULD failures fail the build too (run configuration or system property). */
    public static final String STRICT = "chatmail.strict";
    public static final String SENSITIVITY_KEY = "relaycert.sensitivity";
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(ConformanceExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        Class<?> type = p.getParameter().getType();
        return type == Target.class || type == Evidence.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        if (p.getParameter().getType() == Evidence.class) {
            return c.getStore(NS).computeIfAbsent("evidence", k -> new Evidence(), Evidence.class);
        }
        return Targets.forRun(c);
    }

    @Override
    public void afterEach(ExtensionContext c) {
        if (c.getTestMethod().map(m -> java.util.Arrays.asList(m.getParameterTypes()).contains(
                org.relaycert.conformance.targets.Target.class)).orElse(false)) {
            c.publishReportEntry(TARGET_KEY, Targets.forRun(c).name());
        }
        Evidence ev = c.getStore(NS).get("evidence", Evidence.class);
        if (ev == null) {
            return;
        }
        if (!ev.lines().isEmpty()) {
            c.publishReportEntry(EVIDENCE_KEY, String.join("\n", ev.lines()));
        }
        Map<String, String> figures = ev.figures().entrySet().stream().collect(Collectors.toMap(
                e -> FIGURE_PREFIX + e.getKey(),
                e -> e.getValue().stream().map(String::valueOf).collect(Collectors.joining(","))));
        if (!figures.isEmpty()) {
            c.publishReportEntry(figures);
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext c, Throwable t) throws Throwable {
        Optional<RequirementId> id = c.getTestMethod().map(m -> m.getAnnotation(RequirementId.class));
        boolean should = id.flatMap(r -> Catalogue.load().find(r.value()))
                .map(r -> r.level() == org.relaycert.reports.Level.SHOULD).orElse(false);
        boolean strict = c.getConfigurationParameter(STRICT).map(Boolean::parseBoolean)
                .orElse(Boolean.getBoolean(STRICT));
        if (should && t instanceof AssertionError && !strict) {
            throw new TestAbortedException(SHOULD_FAILED + t.getMessage(), t);
        }
        throw t;
    }
}
