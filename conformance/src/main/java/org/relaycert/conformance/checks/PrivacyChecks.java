package org.relaycert.conformance.checks;

import org.relaycert.conformance.mail.PolicyMail;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relaycert.conformance.ConformanceCheck;
import org.relaycert.conformance.Evidence;
import org.relaycert.conformance.RequirementId;
import org.relaycert.wire.SmtpReply;
import org.relaycert.wire.SmtpSession;
import org.relaycert.conformance.targets.Credentials;
import org.relaycert.conformance.targets.RelayUnderTest;
import org.relaycert.conformance.targets.Target;
import org.relaycert.conformance.verdict.Precondition;
import org.relaycert.fixtures.mail.MessageFactory;

/** What a delivered message tells about its sender beyond the encrypted content (chatmail header cleanup). */
@ConformanceCheck
class PrivacyChecks {

    @Test
    @RequirementId("PRIV-01")
    void senderIpAbsent(Target t, Evidence ev) throws Exception {
        RelayUnderTest relay = t.primary();
        Credentials a = relay.account();
        Credentials b = relay.account();
        String ip;
        try (SmtpSession s = SmtpSession.open(relay.smtps(), t.trust())) {
            s.ehlo("relaycert.test");
            SmtpReply auth = s.authPlain(a.address(), a.password());
            ip = s.localAddress().getHostAddress();
            SmtpReply r = auth.positive() ? s.sendMail(a.address(), List.of(b.address()),
                    MessageFactory.encrypted(a.address(), List.of(b.address())).getBytes(StandardCharsets.UTF_8)) : auth;
            s.quit();
            ev.transcript("submission", s.transcript());
            Precondition.require(r.code() == 250, "the suite's test mail accepted at submission", r.toString());
        }
        String delivered = PolicyMail.deliveredForSetUp(t, b, "the suite's test mail delivered to B");
        ev.line("sender connected from " + ip + "; delivered header:\n" + delivered.substring(0, Math.max(0, delivered.indexOf("\r\n\r\n"))));
        assertThat(delivered).as("delivered message mentions the sender's IP %s", ip).doesNotContain(ip);
    }

    @Test
    @RequirementId("PRIV-02")
    void subjectHidden(Target t, Evidence ev) throws Exception {
        RelayUnderTest relay = t.primary();
        Credentials a = relay.account();
        Credentials b = relay.account();
        String secret = "relaycert secret subject " + System.nanoTime();
        List<String> to = List.of(b.address());
        PolicyMail.submitAccepted(t, ev, "submission", a, to, MessageFactory.encrypted(a.address(), to, secret, ""));
        String delivered = PolicyMail.deliveredForSetUp(t, b, "the suite's test mail delivered to B");
        String header = delivered.substring(0, Math.max(0, delivered.indexOf("\r\n\r\n")));
        ev.line("delivered header:\n" + header);
        assertThat(header).as("the subject as written").doesNotContain(secret).contains("Subject: [...]");
    }

    /** IPv4 literals (each octet at most 255), and bracketed IPv6 literals as trace fields write them. */
    private static final java.util.regex.Pattern IP_LITERAL = java.util.regex.Pattern.compile(
            "(?<![\\w.])(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)(?![\\w.])"
                    + "|\\[(?:IPv6:)?[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}]");

    /** The IP literals in {@code text}, IPv6 ones without brackets and tag. */
    static java.util.Set<String> ipLiterals(String text) {
        java.util.Set<String> found = new java.util.LinkedHashSet<>();
        java.util.regex.Matcher m = IP_LITERAL.matcher(text);
        while (m.find()) {
            found.add(m.group().replaceAll("^\\[(IPv6:)?|]$", ""));
        }
        return found;
    }

    @Test
    @RequirementId("PRIV-01")
    void noForeignIpLiteral(Target t, Evidence ev) throws Exception {
        RelayUnderTest relay = t.primary();
        Credentials a = org.relaycert.conformance.verdict.Precondition.step("an account A", relay::account);
        Credentials b = org.relaycert.conformance.verdict.Precondition.step("an account B", relay::account);
        // The relay's own addresses: those its names resolve to and those the suite dials.
        java.util.Set<String> own = new java.util.HashSet<>();
        for (var e : List.of(relay.smtps(), relay.smtp(), relay.imaps(), relay.https())) {
            for (String name : List.of(e.host(), e.connectAddress())) {
                try {
                    for (java.net.InetAddress addr : java.net.InetAddress.getAllByName(name)) {
                        own.add(addr.getHostAddress());
                    }
                } catch (java.net.UnknownHostException unresolved) {
                    // a local-world name: its connect address stands for it
                }
            }
        }
        // What the relay says it sees of the client, where it says so (Exim, Sendmail: "Hello name [addr]").
        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        String local;
        try (SmtpSession s = SmtpSession.open(relay.smtps(), t.trust())) {
            SmtpReply ehlo = s.ehlo("relaycert.test");
            seen.addAll(ipLiterals(String.join("\n", ehlo.lines())));
            s.authPlain(a.address(), a.password());
            local = s.localAddress().getHostAddress();
            SmtpReply r = s.sendMail(a.address(), List.of(b.address()),
                    MessageFactory.encrypted(a.address(), List.of(b.address())).getBytes(StandardCharsets.UTF_8));
            s.quit();
            ev.transcript("submission", s.transcript());
            org.relaycert.conformance.verdict.Precondition.require(r.code() == 250, "the encrypted test message is accepted",
                    r.toString());
        }
        seen.removeAll(own);
        String delivered = org.relaycert.conformance.verdict.Precondition.step("the message reaches B",
                () -> PolicyMail.delivered(t, b).orElseThrow(() -> new AssertionError("nothing delivered to B")));
        java.util.Set<String> literals = ipLiterals(delivered);
        literals.removeAll(own);
        ev.line("relay's own addresses " + own + "; client socket " + local + "; the relay reports seeing " + seen
                + "; IP literals in the delivered message other than the relay's: " + literals);
        assertThat(literals).as("IP addresses in the delivered message that are not the relay's own "
                + "(the client's as the relay sees it, behind NAT not its socket address %s)", local).isEmpty();
        for (String addr : seen) {
            // also as reverse-DNS-like names write it (host-203-0-113-7.isp.example)
            assertThat(delivered).as("the client address the relay reported seeing (%s)", addr)
                    .doesNotContain(addr).doesNotContain(addr.replace('.', '-'));
        }
    }
}
