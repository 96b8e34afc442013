package org.relaycert.bench.load;

/** The suite's latency method: sequential messages, final "." to the recipient's IDLE EXISTS; one warm-up first. */
final class ExistsProbe {
    private static final long LOSS_TIMEOUT_MS = 10_000;

    private ExistsProbe() {
    }

    /** {@code n} messages, each started at least {@code spacingMillis} after the previous one. */
    static Samples run(RelayProcess relay, Account from, Account to, int n, long spacingMillis) throws Exception {
        return run(relay.endpoints(), from, to, n, spacingMillis);
    }

    /** The same where submission and IMAP may be different servers (across relays, another stack). */
    static Samples run(MailEndpoints where, Account from, Account to, int n, long spacingMillis) throws Exception {
        Samples samples = new Samples();
        try (BenchImap idle = BenchImap.idle(where.imapHost(), where.imaps(), to.address(), to.password(), true);
             BenchSmtp smtp = BenchSmtp.login(where.smtpHost(), where.smtps(), from.address(), from.password())) {
            long expected = idle.existing();
            for (int i = -1; i < n; i++) {
                long next = System.nanoTime() + spacingMillis * 1_000_000;
                long at = smtp.send(to.address(), BenchSmtp.message(from.address(), to.address(), 1024));
                if (at < 0) {
                    samples.lose();
                    continue;
                }
                expected++;
                BenchImap.Exists e = idle.await(expected, LOSS_TIMEOUT_MS);
                if (i >= 0) { // i == -1 is the uncounted warm-up
                    if (e == null) {
                        samples.lose();
                    } else {
                        samples.add(Math.max(0, e.nanos() - at) / 1e6);
                    }
                }
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
        }
        return samples;
    }
}
