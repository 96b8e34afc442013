package org.relaycert.conformance.checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.relaycert.conformance.Evidence;
import org.relaycert.conformance.client.SmtpReply;
import org.relaycert.conformance.client.SmtpSession;
import org.relaycert.conformance.targets.RelayUnderTest;
import org.relaycert.conformance.targets.Target;

/**
 * Timed SMTP AUTH refusals for two logins, interleaved, on port 465. Interleaving (ABBA within each connection)
 * spreads the machine's own noise over both sides; medians ignore the odd slow sample. A connection carries only a
 * few refusals, under any server's error limit (Postfix hangs up after 20).
 */
final class RefusedLogins {
    /** A password shorter than chatmail's minimum (9): it neither matches an account nor may create one. */
    static final String TOO_SHORT = "short";
    private static final int PAIRS_PER_CONNECTION = 4;

    record Samples(List<Double> first, List<Double> second, List<String> firstReplies, List<String> secondReplies) {
        double firstMedian() {
            return median(first);
        }

        double secondMedian() {
            return median(second);
        }
    }

    private RefusedLogins() {
    }

    static Samples measure(Target t, RelayUnderTest r, String firstLogin, String secondLogin, String password, int pairs,
            Evidence ev) throws Exception {
        Samples s = new Samples(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int done = 0; done < pairs; done += PAIRS_PER_CONNECTION) {
            try (SmtpSession smtp = SmtpSession.open(r.smtps(), t.trust())) {
                smtp.ehlo("relaycert.test");
                for (int i = 0; i < PAIRS_PER_CONNECTION && done + i < pairs; i++) {
                    boolean firstFirst = (done + i) % 2 == 0;
                    if (firstFirst) {
                        sample(smtp, firstLogin, password, s.first(), s.firstReplies());
                        sample(smtp, secondLogin, password, s.second(), s.secondReplies());
                    } else {
                        sample(smtp, secondLogin, password, s.second(), s.secondReplies());
                        sample(smtp, firstLogin, password, s.first(), s.firstReplies());
                    }
                }
                smtp.quit();
                if (done == 0) {
                    ev.transcript("port 465, refused logins", smtp.transcript());
                }
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

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
