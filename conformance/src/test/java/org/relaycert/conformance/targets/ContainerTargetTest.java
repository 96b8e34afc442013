package org.relaycert.conformance.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.relaycert.wire.ImapSession;
import org.relaycert.wire.SmtpSession;

/** The relay image under Testcontainers answers SMTP and takes a first IMAP login; skipped without Docker. */
class ContainerTargetTest {

    @Test
    void containerRelayGreetsAndCreatesAccounts() throws Exception {
        Assumptions.assumeTrue(ContainerTarget.dockerAvailable(), "no Docker engine: the container target is skipped");
        Path root = Path.of(System.getenv().getOrDefault("RELAYCERT_PROJECT_ROOT", "..")).toAbsolutePath();
        try (ContainerTarget t = ContainerTarget.start(root)) {
            try (SmtpSession s = SmtpSession.open(t.primary().smtp(), t.trust())) {
                assertThat(s.greeting().code()).isEqualTo(220);
            }
            Credentials c = t.primary().freshCredentials();
            try (ImapSession s = ImapSession.open(t.primary().imaps(), t.trust())) {
                assertThat(s.login(c.address(), c.password()).ok()).as("first login creates the account").isTrue();
            }
        }
    }
}
