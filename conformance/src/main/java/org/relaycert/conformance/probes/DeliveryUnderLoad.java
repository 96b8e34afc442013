package org.relaycert.conformance.probes;

import org.relaycert.conformance.mail.Messages;
import static org.assertj.core.api.Assertions.assertThat;

import org.relaycert.conformance.Evidence;
import org.relaycert.conformance.latency.LatencyProbe;
import org.relaycert.conformance.latency.LatencySamples;
import org.relaycert.conformance.targets.RelayUnderTest;
import org.relaycert.conformance.targets.Target;
import org.relaycert.conformance.verdict.PreconditionFailed;

/** Whether the relay still delivers within the latency bound while something is pressing on it. */
public final class DeliveryUnderLoad {
    /** The seed promise's bound, as LAT-01 (end of DATA to IDLE EXISTS). */
    static final double BOUND_MS = 1000;
    static final int MESSAGES = 5;

    private DeliveryUnderLoad() {
    }

    /** Sends {@link #MESSAGES} messages between two accounts; the median must be under the bound, none lost. */
    public static void assertDelivers(Target t, Evidence ev, String while_) throws Exception {
        RelayUnderTest r = t.primary();
        assertDelivers(t, ev, while_, r.account(), r.account());
    }

    /**
     * The same between accounts made before the pressure began: making them is set-up (a failed precondition), while
     * a login refused under the pressure is the relay's failure to serve, the rule's.
     */
    public static void assertDelivers(Target t, Evidence ev, String while_,
                                      org.relaycert.conformance.targets.Credentials from,
                                      org.relaycert.conformance.targets.Credentials to) {
        RelayUnderTest r = t.primary();
        LatencySamples samples;
        try {
            LatencyProbe.Result result = new LatencyProbe(t.trust(), Messages::forDelivery).evidence(ev)
                    .run(new LatencyProbe.Party(r, from), new LatencyProbe.Party(r, to), MESSAGES);
            ev.transcript("submission " + while_, result.submission());
            ev.transcript("IDLE " + while_, result.idle());
            samples = result.samples();
        } catch (PreconditionFailed e) {
            throw e;
        } catch (LatencyProbe.Refused e) {
            if (e.permanent()) {
                throw new PreconditionFailed("the suite's test mail taken for delivery " + while_, e);
            }
            throw new AssertionError("no delivery " + while_ + ": " + e, e);
        } catch (Exception e) {
            throw new AssertionError("no delivery " + while_ + ": " + e, e);
        }
        for (double ms : samples.millis()) {
            ev.figure("latency_ms", ms);
        }
        ev.line("delivery " + while_ + ": " + samples.millis() + " ms, lost " + samples.lost());
        assertThat(samples.lost()).as("messages lost %s", while_).isZero();
        assertThat(samples.percentile(50)).as("median end of DATA -> EXISTS %s, ms", while_).isLessThan(BOUND_MS);
    }
}
