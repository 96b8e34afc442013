package org.relaycert.conformance.probes;

import static org.assertj.core.api.Assertions.assertThat;

import org.relaycert.conformance.Evidence;
import org.relaycert.wire.ImapResponse;
import org.relaycert.wire.ImapSession;
import org.relaycert.conformance.targets.RelayUnderTest;
import org.relaycert.conformance.targets.Target;

/** One refused IMAP LOGIN on its own connection: the reply without its tag and how long it took. */
public record LoginFailure(String reply, double millis) {

    public static LoginFailure measure(Target t, RelayUnderTest r, String user, String password, Evidence ev) throws Exception {
        try (ImapSession s = ImapSession.open(r.imaps(), t.trust())) {
            long start = System.nanoTime();
            ImapResponse login = s.login(user, password);
            double ms = (System.nanoTime() - start) / 1e6;
            ev.transcript("LOGIN " + user, s.transcript());
            assertThat(login.ok()).as("LOGIN %s with a wrong password: %s", user, login).isFalse();
            return new LoginFailure(login.tagged().substring(login.tag().length()).strip(), ms);
        }
    }
}
