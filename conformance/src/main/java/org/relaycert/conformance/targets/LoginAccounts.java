package org.relaycert.conformance.targets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.relaycert.conformance.client.AnswerTimeout;
import org.relaycert.wire.ImapResponse;
import org.relaycert.wire.ImapSession;
import org.relaycert.conformance.client.RelayHttps;

/**
 * Makes working accounts the ways a chatmail user does: {@code POST /new} where the relay offers it, else a
 * fresh address and password; either way the first IMAP login creates the account.
 */
final class LoginAccounts {
    private LoginAccounts() {
    }

    /** First login with fresh random credentials (the local world: fast, and /new is checked on its own). */
    static Credentials create(RelayUnderTest relay, SSLContext trust) throws IOException {
        return login(relay, trust, relay.freshCredentials());
    }

    /** {@code /new} first, falling back to random credentials when it is missing or refuses. */
    static Credentials createViaNew(RelayUnderTest relay, SSLContext trust) throws IOException {
        Optional<Credentials> fromNew = fromNewEndpoint(relay, trust);
        return login(relay, trust, fromNew.orElseGet(relay::freshCredentials));
    }

    private static Optional<Credentials> fromNewEndpoint(RelayUnderTest relay, SSLContext trust) {
        try {
            RelayHttps.Answer r = RelayHttps.send(relay.https(), trust, RelayHttps.Request.of("POST", "/new"),
                    AnswerTimeout.connect(relay.https()), AnswerTimeout.answer(relay.https()));
            if (r.statusCode() != 200) {
                return Optional.empty();
            }
            JsonNode json = new ObjectMapper().readTree(r.body());
            String email = json.path("email").asText("");
            String password = json.path("password").asText("");
            return email.contains("@") && !password.isEmpty() ? Optional.of(new Credentials(email, password)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Credentials login(RelayUnderTest relay, SSLContext trust, Credentials c) throws IOException {
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
