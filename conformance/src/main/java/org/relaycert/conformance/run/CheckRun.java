package org.relaycert.conformance.run;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.relaycert.conformance.RequirementId;
import org.relaycert.conformance.catalogue.Catalogue;

/**
 * One run of conformance checks on the JUnit Platform, the only way the suite launches them: the certifier's main
 * run, a variant world of the sensitivity run, the suite's own tests against foreign and hostile hosts. The checks
 * report each result, typed, to this run's {@link RunRecord}, found through the {@value #RUN_PARAMETER}
 * configuration parameter; nothing is passed back through strings.
 */
public final class CheckRun {
    public static final String CHECKS_PACKAGE = "org.relaycert.conformance.checks";
    public static final String RUN_PARAMETER = "relaycert.run";
    private static final Map<String, RunRecord> OPEN = new ConcurrentHashMap<>();
    private final List<DiscoverySelector> selectors = new ArrayList<>();
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private Predicate<String> requirements = id -> true;
    private Predicate<MethodSource> methods = m -> true;
    private Optional<PrintStream> progress = Optional.empty();
    private boolean bars;

    private CheckRun() {
        parameters.put("junit.jupiter.execution.parallel.enabled", "false");
    }

    /** Every check of the suite. */
    public static CheckRun allChecks() {
        return of(selectPackage(CHECKS_PACKAGE));
    }

    public static CheckRun of(DiscoverySelector... selectors) {
        CheckRun run = new CheckRun();
        run.selectors.addAll(List.of(selectors));
        return run;
    }

    /** Only the checks of requirements the predicate accepts. */
    public CheckRun requirements(Predicate<String> ids) {
        requirements = requirements.and(ids);
        return this;
    }

    /** Only the check methods the predicate accepts. */
    public CheckRun methods(Predicate<MethodSource> accept) {
        methods = methods.and(accept);
        return this;
    }

    /** A configuration parameter of the run: a {@code chatmail.*} setting, or one of the suite's own. */
    public CheckRun parameter(String key, String value) {
        parameters.put(key, value);
        return this;
    }

    public CheckRun parameters(Map<String, String> all) {
        parameters.putAll(all);
        return this;
    }

    /**
     * Check classes side by side (methods of a class in order), as the local world and a test relay of one's own
     * take them; a class that needs the target alone still runs alone ({@code TargetLocks}).
     */
    public CheckRun classesInParallel(int threads) {
        parameters.put("junit.jupiter.execution.parallel.enabled", "true");
        parameters.put("junit.jupiter.execution.parallel.mode.default", "same_thread");
        parameters.put("junit.jupiter.execution.parallel.mode.classes.default", "concurrent");
        parameters.put("junit.jupiter.execution.parallel.config.strategy", "fixed");
        parameters.put("junit.jupiter.execution.parallel.config.fixed.parallelism", String.valueOf(threads));
        parameters.put("junit.jupiter.execution.parallel.config.executor-service", "FORK_JOIN_POOL");
        parameters.put("junit.jupiter.testclass.order.default", "org.relaycert.conformance.TargetAloneLast");
        return this;
    }

    /** Prints a progress line per finished check. */
    public CheckRun progressTo(PrintStream out) {
        progress = Optional.of(out);
        return this;
    }

    /** Progress as bars per area redrawn in place, for a terminal. */
    public CheckRun progressBars(boolean onTerminal) {
        bars = onTerminal;
        return this;
    }

    /** Runs the checks; returns when the last has ended. */
    public RunRecord execute() {
        RunRecord record = new RunRecord(progress, bars);
        String id = UUID.randomUUID().toString();
        OPEN.put(id, record);
        try {
            PostDiscoveryFilter selected = d -> d.getSource().filter(s -> s instanceof MethodSource)
                    .map(s -> (MethodSource) s)
                    .map(m -> FilterResult.includedIf(requirement(m).filter(requirements).isPresent() && methods.test(m)))
                    .orElse(FilterResult.included("a container"));
            LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectors).filters(selected)
                    .configurationParameters(parameters)
                    .configurationParameter(RUN_PARAMETER, id);
            LauncherFactory.create().execute(request.build(), new TestExecutionListener() {
                @Override
                public void testPlanExecutionStarted(TestPlan plan) {
                    plan.accept(new TestPlan.Visitor() {
                        @Override
                        public void visit(TestIdentifier t) {
                            if (t.isTest() && t.getSource().orElse(null) instanceof MethodSource m) {
                                requirement(m).flatMap(Catalogue.load()::find).ifPresent(r -> record.expect(r.area()));
                            }
                        }
                    });
                }
            });
            record.finish();
            return record;
        } finally {
            OPEN.remove(id);
        }
    }

    /** The record of the run a check belongs to; empty for a check class run by hand outside any CheckRun. */
    public static Optional<RunRecord> recordOf(ExtensionContext context) {
        return context.getConfigurationParameter(RUN_PARAMETER).map(OPEN::get);
    }

    /** The requirement a check method is tagged with. */
    public static Optional<String> requirement(MethodSource source) {
        try {
            return Optional.ofNullable(source.getJavaMethod().getAnnotation(RequirementId.class)).map(RequirementId::value);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
