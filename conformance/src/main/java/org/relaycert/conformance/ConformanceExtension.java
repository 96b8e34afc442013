package org.relaycert.conformance;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.relaycert.conformance.catalogue.Catalogue;
import org.relaycert.conformance.run.CheckRun;
import org.relaycert.conformance.targets.Target;
import org.relaycert.conformance.targets.Targets;
import org.relaycert.conformance.verdict.Verdicts;
import org.relaycert.reports.CheckResult;
import org.relaycert.reports.Requirement;

/**
 * Gives checks their {@link Target} and {@link Evidence}, and hands each finished check to its run's record with
 * the verdict decided by what it threw ({@link Verdicts}), its evidence lines and figures as they are.
 */
public final class ConformanceExtension implements ParameterResolver, BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(ConformanceExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        Class<?> type = p.getParameter().getType();
        return type == Target.class || type == Evidence.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        if (p.getParameter().getType() == Evidence.class) {
            return evidence(c);
        }
        return Targets.forRun(c);
    }

    @Override
    public void beforeEach(ExtensionContext c) {
        c.getStore(NS).put("start", Instant.now());
    }

    /** After the check, while its evidence is still in its store (a watcher would see a closed store). */
    @Override
    public void afterEach(ExtensionContext c) {
        record(c, c.getExecutionException().orElse(null));
    }

    private static void record(ExtensionContext c, Throwable thrown) {
        Optional<Requirement> requirement = c.getTestMethod().map(m -> m.getAnnotation(RequirementId.class))
                .flatMap(id -> Catalogue.load().find(id.value()));
        CheckRun.recordOf(c).ifPresent(run -> requirement.ifPresent(req -> {
            if (c.getTestMethod().map(m -> Arrays.asList(m.getParameterTypes()).contains(Target.class)).orElse(false)) {
                run.target(Targets.forRun(c).name());
            }
            Verdicts.Judgement j = Verdicts.judge(thrown);
            Evidence ev = evidence(c);
            Instant start = c.getStore(NS).get("start", Instant.class);
            Duration took = start == null ? Duration.ZERO : Duration.between(start, Instant.now());
            run.add(new CheckResult(req, c.getDisplayName(), j.verdict(), j.reason(), ev.lines(), ev.figures(), took));
        }));
    }

    private static Evidence evidence(ExtensionContext c) {
        return c.getStore(NS).computeIfAbsent("evidence", k -> new Evidence(), Evidence.class);
    }
}
