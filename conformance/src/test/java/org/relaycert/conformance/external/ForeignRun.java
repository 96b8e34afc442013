package org.relaycert.conformance.external;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.relaycert.conformance.RequirementId;
import org.relaycert.conformance.targets.Targets;
import org.relaycert.conformance.verdict.Verdicts;
import org.relaycert.fixtures.world.PortPlan;
import org.relaycert.reports.Verdict;

/**
 * A nested run of checks against a relay treated as a foreign host, reached as {@code -Dchatmail.target=...}
 * reaches any chatmail host (with {@code chatmail.insecure=true}: the test relay's certificate is self-signed).
 */
final class ForeignRun {
    private ForeignRun() {
    }

    /** The verdict of every check the selector picks, by requirement ID; {@code extra} adds chatmail.* settings. */
    static Map<String, Verdict> verdicts(DiscoverySelector checks, String domain, PortPlan p, Map<String, String> extra) {
        return verdicts(checks, Set.of(), domain, p, extra);
    }

    /**
     * As {@link #verdicts(DiscoverySelector, String, PortPlan, Map)}, without the check methods of {@code except}
     * ({@code SimpleClassName#method}).
     */
    static Map<String, Verdict> verdicts(DiscoverySelector checks, Set<String> except, String domain, PortPlan p,
                                         Map<String, String> extra) {
        Map<String, Verdict> verdicts = new ConcurrentHashMap<>();
        PostDiscoveryFilter notExcepted = d -> d.getSource().filter(s -> s instanceof MethodSource)
                .map(s -> (MethodSource) s)
                .map(m -> FilterResult.includedIf(!except.contains(
                        m.getJavaClass().getSimpleName() + "#" + m.getMethodName())))
                .orElse(FilterResult.included("a container"));
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(checks)
                .filters(notExcepted)
                .configurationParameter(Targets.NESTED_PARAMETER, "true")
                .configurationParameter("chatmail.target", domain)
                .configurationParameter("chatmail.insecure", "true")
                .configurationParameter("chatmail.port.smtp", String.valueOf(p.smtp()))
                .configurationParameter("chatmail.port.submission", String.valueOf(p.submission()))
                .configurationParameter("chatmail.port.smtps", String.valueOf(p.smtps()))
                .configurationParameter("chatmail.port.imap", String.valueOf(p.imap()))
                .configurationParameter("chatmail.port.imaps", String.valueOf(p.imaps()))
                .configurationParameter("chatmail.port.https", String.valueOf(p.https()))
                .configurationParameters(extra);
        LauncherFactory.create().execute(request.build(), new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.getSource().orElse(null) instanceof MethodSource ms) {
                    RequirementId rid = ms.getJavaMethod().getAnnotation(RequirementId.class);
                    if (rid != null) {
                        verdicts.put(rid.value(), Verdicts.judge(result).verdict());
                    }
                }
            }
        });
        return verdicts;
    }
}
