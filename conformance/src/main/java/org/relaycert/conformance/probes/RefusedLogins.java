package org.relaycert.conformance.probes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.relaycert.conformance.Evidence;
import org.relaycert.wire.SmtpReply;
import org.relaycert.wire.SmtpSession;
import org.relaycert.conformance.targets.RelayUnderTest;
import org.relaycert.conformance.targets.Target;

/**
 * Timed SMTP AUTH refusals for two logins, interleaved, on port 465. Interleaving (ABBA within each connection)
 * spreads the machine's own noise over both sides; medians ignore the odd slow sample. A connection carries only a
 * few refusals, under any server's error limit (Postfix hangs up after 20).
 */
public final class RefusedLogins {
    /** A password shorter than chatmail's minimum (9): it neither matches an account nor may create one. */
    public static final String TOO_SHORT = "short";
    private static final int PAIRS_PER_CONNECTION = 4;

    public record Samples(List<Double> first, List<Double> second, List<String> firstReplies, List<String> secondReplies) {
        public double firstMedian() {
            return median(first);
        }

        public double secondMedian() {
            return median(second);
        }
    }

    private RefusedLogins() {
    }

    /**
     * The connections run side by side: a relay's failure delay (Dovecot's auth_failure_delay, 2 s a refusal) would
     * otherwise make 32 refusals cost a minute; each connection still interleaves its own pairs, so a load that slows
     * one side slows the other alike.
     */
    public static Samples measure(Target t, RelayUnderTest r, String firstLogin, String secondLogin, String password, int pairs,
            Evidence ev) throws Exception {
        List<java.util.concurrent.Future<Samples>> connections = new ArrayList<>();
        try (java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int done = 0; done < pairs; done += PAIRS_PER_CONNECTION) {
                int from = done;
                int count = Math.min(PAIRS_PER_CONNECTION, pairs - done);
                connections.add(pool.submit(() -> connection(t, r, firstLogin, secondLogin, password, from, count,
                        from == 0 ? ev : null)));
            }
        }
        Samples s = new Samples(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (java.util.concurrent.Future<Samples> c : connections) {
            Samples one;
            try {
                one = c.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof Exception x ? x : e;
            }
            s.first().addAll(one.first());
            s.second().addAll(one.second());
            s.firstReplies().addAll(one.firstReplies());
            s.secondReplies().addAll(one.secondReplies());
        }
        return s;
    }

    /** One connection's {@code count} pairs, ABBA by pair number; its transcript goes to {@code ev} when given. */
    private static Samples connection(Target t, RelayUnderTest r, String firstLogin, String secondLogin, String password,
            int from, int count, Evidence ev) throws Exception {
        Samples s = new Samples(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        try (SmtpSession smtp = SmtpSession.open(r.smtps(), t.trust())) {
            smtp.ehlo("relaycert.test");
            for (int i = 0; i < count; i++) {
                if ((from + i) % 2 == 0) {
                    sample(smtp, firstLogin, password, s.first(), s.firstReplies());
                    sample(smtp, secondLogin, password, s.second(), s.secondReplies());
                } else {
                    sample(smtp, secondLogin, password, s.second(), s.secondReplies());
                    sample(smtp, firstLogin, password, s.first(), s.firstReplies());
                }
            }
            smtp.quit();
            if (ev != null) {
                ev.transcript("port 465, refused logins", smtp.transcript());
            }
        }
        return s;
    }

    private static void sample(SmtpSession smtp, String login, String password, List<Double> times, List<String> replies)
            throws Exception {
        long start = System.nanoTime();
        SmtpReply reply = smtp.authPlain(login, password);
        times.add((System.nanoTime() - start) / 1e6);
        replies.add(reply.text());
    }

    public static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
