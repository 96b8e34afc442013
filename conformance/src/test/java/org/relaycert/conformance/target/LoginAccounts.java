package org.relaycert.conformance.target;

import java.io.IOException;
import javax.net.ssl.SSLContext;
import org.relaycert.conformance.client.ImapResponse;
import org.relaycert.conformance.client.ImapSession;

/** Creates accounts the way Delta Chat does on a chatmail relay: by logging in once over IMAPS. */
final class LoginAccounts {
    private LoginAccounts() {
    }

    static Credentials create(RelayUnderTest relay, SSLContext trust) throws IOException {
        Credentials c = relay.freshCredentials();
        try (ImapSession s = ImapSession.open(relay.imaps(), trust)) {
            ImapResponse r = s.login(c.address(), c.password());
            if (!r.ok()) {
                throw new IOException("first login of a fresh account refused by " + relay.domain() + ": " + r.tagged());
            }
            s.logout();
        }
        return c;
    }
}
