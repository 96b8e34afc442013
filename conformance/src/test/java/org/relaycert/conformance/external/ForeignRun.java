package org.relaycert.conformance.external;

import java.util.Map;
import java.util.Set;
import org.junit.platform.engine.DiscoverySelector;
import org.relaycert.conformance.run.CheckRun;
import org.relaycert.conformance.run.RunRecord;
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
        RunRecord run = CheckRun.of(checks)
                .methods(m -> !except.contains(m.getJavaClass().getSimpleName() + "#" + m.getMethodName()))
                .parameter("chatmail.target", domain)
                .parameter("chatmail.insecure", "true")
                .parameter("chatmail.port.smtp", String.valueOf(p.smtp()))
                .parameter("chatmail.port.submission", String.valueOf(p.submission()))
                .parameter("chatmail.port.smtps", String.valueOf(p.smtps()))
                .parameter("chatmail.port.imap", String.valueOf(p.imap()))
                .parameter("chatmail.port.imaps", String.valueOf(p.imaps()))
                .parameter("chatmail.port.https", String.valueOf(p.https()))
                .parameters(extra)
                .execute();
        Map<String, Verdict> verdicts = new java.util.TreeMap<>();
        run.byRequirement().forEach((id, r) -> verdicts.put(id, r.verdict()));
        return verdicts;
    }
}
