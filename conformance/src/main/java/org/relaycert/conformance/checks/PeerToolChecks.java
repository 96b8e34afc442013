package org.relaycert.conformance.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaycert.conformance.ConformanceCheck;
import org.relaycert.conformance.Evidence;
import org.relaycert.conformance.RequirementId;
import org.relaycert.conformance.peer.MbsyncRun;
import org.relaycert.conformance.peer.PeerTool;
import org.relaycert.conformance.peer.TestsslScan;
import org.relaycert.conformance.targets.Credentials;
import org.relaycert.conformance.targets.Endpoint;
import org.relaycert.conformance.targets.RelayUnderTest;
import org.relaycert.conformance.targets.Target;

/**
 * The same rules as the protocol checks, judged by real peers from the operating system: swaks for SMTP
 * transactions, mbsync for an IMAP sync both ways, testssl.sh for the TLS ports. Each is a second opinion
 * on its requirement; a missing tool makes the check "not observable", never a pass.
 */
@ConformanceCheck
class PeerToolChecks {
    private static final Duration SWAKS = Duration.ofSeconds(30);

    private static PeerTool.Run swaks(Path dir, Endpoint e, Evidence ev, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--server", PeerTool.dialAddress(e), "--port", String.valueOf(e.port()),
                "--ehlo", "relaycert.test", "--timeout", "20"));
        e.source().ifPresent(a -> all.addAll(List.of("--local-interface", a.getHostAddress())));
        all.addAll(List.of(args));
        PeerTool.Run run = PeerTool.require("swaks").run(dir, SWAKS, all);
        ev.line(run.describe());
        return run;
    }

    @Test
    @RequirementId("SMTP-03")
    void swaksPlaintextMxRefused(Target t, Evidence ev, @TempDir Path dir) throws Exception {
        RelayUnderTest relay = t.primary();
        String to = relay.account().address();
        PeerTool.Run plain = swaks(dir, relay.smtp(), ev, "--from", "peer@relaycert.test", "--to", to, "--quit-after", "RCPT");
        PeerTool.Run tls = swaks(dir, relay.smtp(), ev, "--tls", "--from", "peer@relaycert.test", "--to", to,
                "--quit-after", "RCPT");
        assertThat(tls.exitCode()).as("swaks with STARTTLS up to RCPT (the TLS path works)").isZero();
        assertThat(plain.exitCode()).as("swaks without STARTTLS must be refused before RCPT is accepted").isNotZero();
        assertThat(plain.output()).as("a 5xx reply in the plaintext transaction").containsPattern("<\\*\\* +5\\d\\d");
    }

    @Test
    @RequirementId("SMTP-02")
    void swaksAuthOnlyAfterStartTls(Target t, Evidence ev, @TempDir Path dir) throws Exception {
        RelayUnderTest relay = t.primary();
        Credentials c = relay.account();
        List<String> auth = List.of("--auth", "PLAIN", "--auth-user", c.address(), "--auth-password", c.password(),
                "--from", c.address(), "--to", c.address(), "--quit-after", "AUTH");
        PeerTool.Run tls = swaks(dir, relay.submission(), ev, concat(List.of("--tls"), auth));
        PeerTool.Run plain = swaks(dir, relay.submission(), ev, concat(List.of(), auth));
        assertThat(tls.exitCode()).as("swaks AUTH after STARTTLS").isZero();
        assertThat(plain.exitCode()).as("swaks AUTH without STARTTLS must not succeed").isNotZero();
    }

    private static String[] concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all.toArray(String[]::new);
    }

    @Test
    @RequirementId("IMAP-03")
    void mbsyncSyncsOnlyOverTls(Target t, Evidence ev, @TempDir Path dir) throws Exception {
        MbsyncRun.syncBothWaysAndRefusePlaintext(t, ev, dir);
    }

    @Test
    @RequirementId("TLS-01")
    void testsslFindsNothingSevere(Target t, Evidence ev, @TempDir Path dir) throws Exception {
        RelayUnderTest relay = t.primary();
        List<TestsslScan.Result> results = TestsslScan.scan(List.of(
                new TestsslScan.Port(relay.smtps(), null), new TestsslScan.Port(relay.imaps(), null),
                new TestsslScan.Port(relay.smtp(), "smtp")), ev, dir);
        List<String> severe = new ArrayList<>();
        for (TestsslScan.Result r : results) {
            severe.addAll(r.severeFindings());
            severe.addAll(r.legacyProtocolsOffered());
        }
        assertThat(severe).as("testssl.sh findings rated HIGH/CRITICAL, and TLS 1.0/1.1 offered").isEmpty();
    }
}
