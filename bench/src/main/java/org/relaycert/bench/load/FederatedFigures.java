package org.relaycert.bench.load;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.relaycert.bench.Summary;

/**
 * End of DATA on relay A to the recipient's IDLE EXISTS on relay B, the two federated through A's outbound
 * delivery with real DNS look-ups against the fixture DNS on loopback: the same driver and method as the
 * same-relay figure (one uncounted warm-up run, then sequential messages 20 ms apart).
 */
final class FederatedFigures {
    static final String FIGURE = "EXISTS across relays, A submission -> B IDLE (light load)";

    private FederatedFigures() {
    }

    static void measure(Path jvmOptions, Path dir, Summary summary, PrintStream out) {
        try (FederatedPair pair = FederatedPair.start(Path.of(System.getProperty("java.class.path")), jvmOptions, dir)) {
            MailEndpoints e = pair.endpoints();
            out.printf(Locale.ROOT, "federated pair up: submission %s:%d, IMAP %s:%d%n", e.smtpHost(), e.smtps(), e.imapHost(), e.imaps());
            ExistsProbe.run(e, FederatedPair.sender(), FederatedPair.recipient(), 100, 0); // warm-up, not counted
            Samples s = ExistsProbe.run(e, FederatedPair.sender(), FederatedPair.recipient(), 200, 20);
            out.println("across relays: " + s.summary() + "   target " + Targets.FEDERATED);
            summary.add(FIGURE, pXX(s), Targets.FEDERATED,
                    Summary.Verdict.of(s.lost() == 0 && s.count() > 0 && s.percentile(99) <= Targets.FEDERATED_P99_MS));
            Samples hop = MxHandshake.time(e.imapHost(), pair.mxPort(), 20);
            out.println("  of which a new connection to B's MX with STARTTLS (what A opens per message): " + hop.summary());
            summary.reported("  part: connect + EHLO + STARTTLS + EHLO to B's MX (20x)", pXX(hop));
        } catch (Exception e) {
            out.println("across relays: failed: " + e);
            summary.notMeasured(FIGURE, "failed: " + e.getMessage(), Targets.FEDERATED);
        }
    }

    static String pXX(Samples s) {
        return String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms (lost %d)", s.percentile(50), s.percentile(99), s.lost());
    }
}
