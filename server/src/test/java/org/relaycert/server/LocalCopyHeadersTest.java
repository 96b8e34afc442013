package org.relaycert.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaycert.server.dkim.TraceHeaderCleanup;

/**
 * Every copy stored in a local mailbox loses {@code DKIM-Signature} and {@code Authentication-Results}, also
 * when a user of this relay submitted it (chatmail's {@code lmtp_header_cleanup} on delivery to Dovecot).
 * Submitted with swaks; only the trace-header rule runs, the other mail-path rules have tests of their own.
 */
class LocalCopyHeadersTest {
    static final String USER = "localcopy@relay.test";
    static final String PASSWORD = "localcopy-password-1";

    @TempDir
    static Path data;
    static Relay relay;

    @BeforeAll
    static void start() throws Exception {
        relay = Relay.start(TestRelayConfig.domain("relay.test").dataDir(data).parse(), Clock.systemUTC(),
                RelayExtensions.reference()
                        .withMailPolicies(ps -> ps.stream().filter(p -> p instanceof TraceHeaderCleanup).toList())
                        .withSystemProbe(org.relaycert.server.limits.SystemProbe.UNKNOWN));
    }

    @AfterAll
    static void stop() {
        relay.close();
    }

    @Test
    void submittedMailToALocalMailboxIsStoredWithoutDkimSignatureOrAuthenticationResults() throws Exception {
        ExternalTool swaks = ExternalTool.require("swaks", "swaks");
        String token = UUID.randomUUID().toString();
        ExternalTool.Run run = swaks.run(data, Duration.ofSeconds(30), "", List.of(
                "--server", "127.0.0.1", "--port", String.valueOf(relay.address(Service.SMTPS).getPort()),
                "--tls-on-connect", "--auth", "PLAIN", "--auth-user", USER, "--auth-password", PASSWORD,
                "--from", USER, "--to", USER,
                "--add-header", "DKIM-Signature: v=1; a=rsa-sha256; d=relay.test; s=client; bh=x; b=y",
                "--add-header", "Authentication-Results: client.example; dkim=pass",
                "--body", "token " + token));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        String stored = stored(token);
        assertThat(stored).as("the stored copy").contains("token " + token)
                .doesNotContainIgnoringCase("DKIM-Signature").doesNotContainIgnoringCase("Authentication-Results");
    }

    static String stored(String token) throws Exception {
        try (Stream<Path> files = Files.walk(data.resolve("mailboxes").resolve(USER))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f, StandardCharsets.ISO_8859_1);
                if (text.contains(token)) {
                    return text;
                }
            }
        }
        return "";
    }
}
