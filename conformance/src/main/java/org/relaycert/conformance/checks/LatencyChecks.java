package org.relaycert.conformance.checks;

import org.relaycert.conformance.mail.Messages;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relaycert.conformance.ConformanceCheck;
import org.relaycert.conformance.Evidence;
import org.relaycert.conformance.NeedsTargetAlone;
import org.relaycert.conformance.RequirementId;
import org.relaycert.conformance.latency.BackgroundSenders;
import org.relaycert.conformance.latency.LatencyMethod;
import org.relaycert.conformance.latency.LatencyProbe;
import org.relaycert.conformance.latency.LatencyProbe.Party;
import org.relaycert.conformance.latency.LatencySamples;
import org.relaycert.conformance.targets.ChatClients;
import org.relaycert.conformance.targets.Credentials;
import org.relaycert.conformance.targets.NotObservableException;
import org.relaycert.conformance.targets.RelayUnderTest;
import org.relaycert.conformance.targets.Target;

/**
 * Delivery latency with raw protocol clients, by the method of {@link LatencyMethod}: chatmail promises
 * delivery well within a second, and claims a median under 200 ms.
 */
@ConformanceCheck
@NeedsTargetAlone("measures delivery latency: other checks' traffic on the relay would be in its figures")
class LatencyChecks {
    static final double MUST_P99_MS = 1000;
    static final double SHOULD_P50_MS = 200;
    static final int LOAD_SENDERS = 20;

    @Test
    @RequirementId("LAT-01")
    void sameRelayP99(Target t, Evidence ev) throws Exception {
        int n = LatencyMethod.n(t.settings());
        LatencySamples s = sameRelay(t, ev, n, new LatencyProbe(t.trust(), Messages::forDelivery).evidence(ev)
                .stopWhen(x -> x.percentileCertainlyOver(99, MUST_P99_MS, n)));
        assertUnder(ev, s, 99, MUST_P99_MS, "end of DATA -> EXISTS");
    }

    @Test
    @RequirementId("LAT-02")
    void sameRelayP50(Target t, Evidence ev) throws Exception {
        int n = LatencyMethod.n(t.settings());
        LatencySamples s = sameRelay(t, ev, n, new LatencyProbe(t.trust(), Messages::forDelivery).evidence(ev)
                .stopWhen(x -> x.percentileCertainlyOver(50, SHOULD_P50_MS, n)));
        assertUnder(ev, s, 50, SHOULD_P50_MS, "end of DATA -> EXISTS");
    }

    @Test
    @RequirementId("LAT-03")
    void everyPairP99(Target t, Evidence ev) throws Exception {
        List<RelayUnderTest> relays = t.relays();
        if (relays.size() < 2) {
            throw new NotObservableException("the target has one relay; latency between relays needs two");
        }
        int n = LatencyMethod.n(t.settings());
        ev.line(LatencyMethod.describe(n) + "; every ordered pair of relays, submitted at the sender's relay");
        List<String> unobservable = new ArrayList<>();
        List<String> slow = new ArrayList<>();
        for (RelayUnderTest from : relays) {
            for (RelayUnderTest to : relays) {
                if (from == to) {
                    continue;
                }
                String pair = from.domain() + " -> " + to.domain();
                LatencyProbe probe = new LatencyProbe(t.trust(), Messages::forDelivery).evidence(ev)
                        .stopWhen(x -> x.percentileCertainlyOver(99, MUST_P99_MS, n));
                LatencySamples s;
                try {
                    LatencyProbe.Result r = probe.run(new Party(from, from.account()), new Party(to, to.account()), n);
                    s = r.samples();
                } catch (LatencyProbe.Refused e) {
                    ev.line(pair + ": not observable, remote delivery is refused (" + e.getMessage() + ")");
                    unobservable.add(pair);
                    continue;
                }
                record(ev, pair, s);
                ev.line(pair + ": " + s.judgement(99, MUST_P99_MS));
                if (s.percentileOver(99, MUST_P99_MS)) {
                    slow.add(pair + " " + s.over(MUST_P99_MS) + " of " + s.total() + " over 1 s (" + s.summary() + ")");
                }
            }
        }
        assertThat(slow).as("relay pairs whose p99 is 1 s or more").isEmpty();
        if (!unobservable.isEmpty()) {
            throw new NotObservableException("remote delivery refused for " + String.join(", ", unobservable));
        }
    }

    @Test
    @RequirementId("LAT-04")
    void deltaChatP99(Target t, Evidence ev) throws Exception {
        int n = LatencyMethod.deltaChatN(t.settings());
        RelayUnderTest relay = t.primary();
        try (ChatClients clients = t.chatClients().orElseThrow(() -> new NotObservableException(
                "no real Delta Chat client can be pointed at this target (not installed, or an external target)"))) {
            ChatClients.Conversation chat = clients.conversation(relay, relay);
            ev.line("method: " + n + " sequential text messages (" + LatencyMethod.DELTACHAT_N_PROPERTY + ") between two"
                    + " Delta Chat accounts on " + relay.domain() + " (keys exchanged, one uncounted message first),"
                    + " started " + LatencyMethod.DELTACHAT_SPACING.toMillis() + " ms apart because the client throttles"
                    + " an account's sends to about one a second; from the send call to the recipient client's IncomingMsg;"
                    + " lost after " + LatencyMethod.LOSS_TIMEOUT.toSeconds() + " s; client: " + clients.describe());
            LatencySamples s = new LatencySamples();
            chat.awaitIncoming(sendNumbered(chat, 0), LatencyMethod.LOSS_TIMEOUT);
            long nextStart = System.nanoTime() + LatencyMethod.DELTACHAT_SPACING.toNanos();
            for (int i = 1; i <= n && !s.percentileCertainlyOver(99, MUST_P99_MS, n); i++) {
                long wait = nextStart - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(java.time.Duration.ofNanos(wait)); // the client's send throttle, not a wait for a result
                }
                nextStart = System.nanoTime() + LatencyMethod.DELTACHAT_SPACING.toNanos();
                String text = "relaycert latency " + i + " " + java.util.UUID.randomUUID();
                long sent = chat.send(text);
                long arrived = chat.awaitIncoming(text, LatencyMethod.LOSS_TIMEOUT);
                if (arrived < 0) {
                    s.lose();
                } else {
                    s.add((arrived - sent) / 1e6);
                }
            }
            record(ev, relay.domain() + " (Delta Chat)", s);
            assertUnder(ev, s, 99, MUST_P99_MS, "Delta Chat send -> IncomingMsg");
        }
    }

    private static String sendNumbered(ChatClients.Conversation chat, int i) {
        String text = "relaycert latency warm-up " + i + " " + java.util.UUID.randomUUID();
        chat.send(text);
        return text;
    }

    @Test
    @RequirementId("LAT-05")
    void underLoadP99(Target t, Evidence ev) throws Exception {
        int n = LatencyMethod.n(t.settings());
        RelayUnderTest relay = t.primary();
        List<Credentials> senders = new ArrayList<>();
        for (int i = 0; i < LOAD_SENDERS; i++) {
            senders.add(relay.account());
        }
        Credentials sink = relay.account();
        Party from = new Party(relay, relay.account());
        Party to = new Party(relay, relay.account());
        ev.line(LatencyMethod.describe(n) + "; one message every 100 ms while " + LOAD_SENDERS
                + " other accounts each submit one message a second to another account of the same relay");
        LatencySamples s;
        try (BackgroundSenders load = new BackgroundSenders(relay, t.trust(), senders, sink, Duration.ofSeconds(1),
                Messages::forDelivery)) {
            LatencyProbe probe = new LatencyProbe(t.trust(), Messages::forDelivery).evidence(ev).spacing(Duration.ofMillis(100))
                    .stopWhen(x -> x.percentileCertainlyOver(99, MUST_P99_MS, n));
            s = probe.run(from, to, n).samples();
            load.close();
            ev.line("load: " + load.summary());
            assertThat(load.accepted()).as("background messages accepted (%s)", load.summary()).isPositive();
        }
        record(ev, relay.domain() + " under load", s);
        assertUnder(ev, s, 99, MUST_P99_MS, "end of DATA -> EXISTS under load");
    }

    private static LatencySamples sameRelay(Target t, Evidence ev, int n, LatencyProbe probe) throws Exception {
        RelayUnderTest relay = t.primary();
        ev.line(LatencyMethod.describe(n) + "; sender and recipient on " + relay.domain());
        LatencyProbe.Result r;
        try {
            r = probe.run(new Party(relay, relay.account()), new Party(relay, relay.account()), n);
        } catch (LatencyProbe.Refused e) {
            if (e.permanent()) {
                throw new org.relaycert.conformance.verdict.PreconditionFailed(
                        "the suite's test mail taken between two accounts of " + relay.domain(), e.getMessage());
            }
            throw new AssertionError("a message between two accounts of " + relay.domain() + " was " + e.getMessage());
        }
        record(ev, relay.domain(), r.samples());
        ev.transcript("idle (last lines)", r.idle());
        return r.samples();
    }

    /** The bound on the {@code p}-th percentile, judged by {@link LatencySamples#percentileOver}, with its method. */
    static void assertUnder(Evidence ev, LatencySamples s, double p, double limitMs, String what) {
        String judgement = s.judgement(p, limitMs);
        ev.line(what + ": " + judgement);
        assertThat(s.percentileOver(p, limitMs)).as("%s: %s (%s)", what, judgement, s.summary()).isFalse();
    }

    /** Every sample as a figure (the report plots them and computes p50/p90/p99), and max and loss as lines. */
    static void record(Evidence ev, String label, LatencySamples s) {
        s.millis().forEach(v -> ev.figure("latency_ms", v));
        ev.line(label + ": " + s.summary());
        ev.line(label + ": max " + (s.lost() > 0 ? "lost" : String.format(java.util.Locale.ROOT, "%.1f ms", s.max()))
                + ", loss " + s.lost() + " of " + s.total());
    }
}
