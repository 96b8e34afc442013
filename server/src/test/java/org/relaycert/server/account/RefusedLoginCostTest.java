package org.relaycert.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaycert.server.TestRelayConfig;
import org.relaycert.server.config.ChatmailParams;
import org.relaycert.server.store.MaildirStore;

/**
 * The enumeration probe on a chatmail relay is a login that cannot create an account (a too-short password): for an
 * existing account and for a free address it must be refused alike, and, with the reference
 * {@link UnknownAccountLogin#DUMMY_HASH}, cost a password hash either way. Timing is judged on medians of interleaved
 * samples and only grossly (factor 5), so a busy machine does not make it flaky.
 */
class RefusedLoginCostTest {
    private static final String KNOWN = "alice1234@chat.example.org";
    private static final String FREE = "bob123456@chat.example.org";
    private static final String TOO_SHORT = "short";
    private static final int SAMPLES = 9;
    @TempDir
    Path dir;

    private AccountService accounts(UnknownAccountLogin cost) throws Exception {
        ChatmailParams params = TestRelayConfig.domain("chat.example.org").parse(dir).params();
        AccountService a = new AccountService(params, new MaildirStore(dir.resolve("mail"), Clock.systemUTC()),
                Clock.systemUTC(), CreationGate.OPEN, cost);
        assertThat(a.authenticate(KNOWN, "a-long-enough-password")).contains(KNOWN);
        return a;
    }

    /** Median milliseconds of refused logins: [existing account, free address], interleaved. */
    private static double[] medians(AccountService a) {
        a.authenticate(FREE, TOO_SHORT); // the first refusal of a free address makes the dummy hash
        double[] known = new double[SAMPLES];
        double[] free = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            known[i] = timed(a, KNOWN);
            free[i] = timed(a, FREE);
        }
        return new double[] {median(known), median(free)};
    }

    private static double timed(AccountService a, String login) {
        long start = System.nanoTime();
        Optional<String> r = a.authenticate(login, TOO_SHORT);
        double ms = (System.nanoTime() - start) / 1e6;
        assertThat(r).as("refused: %s", login).isEmpty();
        return ms;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    @Test
    void aFreeAddressPaysADummyHash() throws Exception {
        AccountService a = accounts(UnknownAccountLogin.DUMMY_HASH);
        double[] m = medians(a);
        assertThat(m[1]).as("free address %.2f ms vs existing account %.2f ms", m[1], m[0]).isGreaterThan(m[0] / 5);
        assertThat(m[1]).as("free address %.2f ms vs existing account %.2f ms", m[1], m[0]).isLessThan(m[0] * 5);
        assertThat(a.exists(FREE)).as("the refusal created nothing").isFalse();
    }

    @Test
    void immediateRefusalsShowInTheTime() throws Exception {
        AccountService a = accounts(UnknownAccountLogin.IMMEDIATE);
        double[] m = medians(a);
        assertThat(m[1]).as("free address %.2f ms vs existing account %.2f ms", m[1], m[0]).isLessThan(m[0] / 5);
    }
}
