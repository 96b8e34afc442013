package org.relaycert.conformance.checks;

import org.relaycert.conformance.probes.LoginFailure;
import org.relaycert.conformance.probes.RefusedLogins;
import org.relaycert.conformance.probes.StartTlsInjection;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relaycert.conformance.ConformanceCheck;
import org.relaycert.conformance.Evidence;
import org.relaycert.conformance.NeedsTargetAlone;
import org.relaycert.conformance.RequirementId;
import org.relaycert.wire.ImapResponse;
import org.relaycert.wire.ImapSession;
import org.relaycert.wire.SmtpReply;
import org.relaycert.wire.SmtpSession;
import org.relaycert.conformance.targets.Credentials;
import org.relaycert.conformance.targets.RelayUnderTest;
import org.relaycert.conformance.targets.Target;

/**
 * Security: no relaying through old address tricks, no command injection across STARTTLS, no user enumeration. (AUTH and LOGIN
 * before TLS are SMTP-02 and IMAP-03; VRFY is SMTP-01; plain relaying is FED-05.)
 */
@ConformanceCheck
@NeedsTargetAlone("measures the time refused logins take")
class SecurityChecks {
    /** A domain no relay of the target serves; nothing is ever delivered there (the relay must refuse). */
    static final String ELSEWHERE = "relaycert-elsewhere.test";

    @Test
    @RequirementId("SEC-01")
    void noRelayThroughAddressTricks(Target t, Evidence ev) throws Exception {
        RelayUnderTest r = t.primary();
        String here = r.domain();
        List<String> tricks = List.of(
                "victim%" + ELSEWHERE + "@" + here,
                ELSEWHERE + "!victim@" + here,
                "\"victim@" + ELSEWHERE + "\"@" + here,
                "@" + here + ":victim@" + ELSEWHERE,
                "victim%" + ELSEWHERE + "%" + here + "@" + here);
        List<String> accepted = new ArrayList<>();
        try (SmtpSession s = SmtpSession.open(r.smtp(), null)) {
            s.ehlo("relaycert.test");
            s.startTls(t.trust());
            s.ehlo("relaycert.test");
            for (String rcpt : tricks) {
                SmtpReply mail = s.command("MAIL FROM:<stranger@relaycert-outside.test>");
                assertThat(mail.code()).as("MAIL FROM from another relay: %s", mail).isEqualTo(250);
                SmtpReply reply = s.command("RCPT TO:<" + rcpt + ">");
                if (reply.positive()) {
                    accepted.add(rcpt + " -> " + reply);
                }
                s.command("RSET");
            }
            s.quit();
            ev.transcript("port 25 of " + here, s.transcript());
        }
        assertThat(accepted).as("recipients that route to %s accepted from an unauthenticated sender", ELSEWHERE).isEmpty();
    }

    @Test
    @RequirementId("SEC-02")
    void smtpStartTlsInjection(Target t, Evidence ev) throws Exception {
        try (SmtpSession s = SmtpSession.open(t.primary().smtp(), null)) {
            s.ehlo("relaycert.test");
            s.sendRaw("STARTTLS\r\nNOOP injected\r\n".getBytes(StandardCharsets.US_ASCII), "C: STARTTLS + NOOP in one write");
            SmtpReply start = s.readReply();
            assertThat(start.code()).as("STARTTLS: %s", start).isEqualTo(220);
            if (StartTlsInjection.upgrade(s, t.trust(), ev, "port 25") == StartTlsInjection.Outcome.REFUSED_BY_RELAY) {
                return;
            }
            SmtpReply first = s.ehlo("relaycert.test");
            ev.transcript("port 25", s.transcript());
            assertThat(first.lines().size()).as("first reply inside TLS must be the EHLO reply, not the injected NOOP's: %s",
                    first).isGreaterThan(1);
        }
    }

    @Test
    @RequirementId("SEC-03")
    void imapStartTlsInjection(Target t, Evidence ev) throws Exception {
        try (ImapSession s = ImapSession.open(t.primary().imap(), null)) {
            s.sendRaw("x1 STARTTLS\r\nx2 CAPABILITY\r\n".getBytes(StandardCharsets.US_ASCII), "C: STARTTLS + CAPABILITY in one write");
            ImapResponse start = s.readUntilTagged("x1");
            assertThat(start.ok()).as("STARTTLS: %s", start).isTrue();
            assertThat(start.untagged()).as("nothing answered before TLS").isEmpty();
            if (StartTlsInjection.upgrade(s, t.trust(), ev, "port 143") == StartTlsInjection.Outcome.REFUSED_BY_RELAY) {
                return;
            }
            ImapResponse noop = s.command("NOOP");
            ev.transcript("port 143", s.transcript());
            assertThat(noop.untagged()).as("answers to the injected command inside TLS")
                    .noneMatch(l -> l.startsWith("x2 ") || l.startsWith("* CAPABILITY"));
            assertThat(noop.ok()).as("NOOP inside TLS: %s", noop).isTrue();
        }
    }

    @Test
    @RequirementId("SEC-04")
    void noUserEnumeration(Target t, Evidence ev) throws Exception {
        RelayUnderTest r = t.primary();
        Credentials known = r.account();
        try (SmtpSession s = SmtpSession.open(r.smtp(), null)) {
            s.ehlo("relaycert.test");
            s.startTls(t.trust());
            s.ehlo("relaycert.test");
            for (String verb : List.of("EXPN", "VRFY")) {
                SmtpReply forKnown = s.command(verb + " " + known.address());
                SmtpReply forUnknown = s.command(verb + " " + r.freshCredentials().address());
                assertThat(forKnown.code()).as("%s existing %s vs unknown %s", verb, forKnown, forUnknown)
                        .isEqualTo(forUnknown.code());
            }
            s.quit();
            ev.transcript("port 25", s.transcript());
        }
    }

    /**
     * In chatmail a login to a free address with an acceptable password creates the account, so the enumeration probe
     * is a login that cannot create one: a too-short password. For an existing account and for a free address it
     * must be refused with the same reply, on IMAP and on SMTP; an address that can never be an account (over-long
     * local part) too.
     */
    @Test
    @RequirementId("SEC-05")
    void refusedLoginsAnswerAlike(Target t, Evidence ev) throws Exception {
        RelayUnderTest r = t.primary();
        Credentials known = r.account();
        String free = r.freshCredentials().address();
        String impossible = "nosuchuser" + "x".repeat(30) + "@" + r.domain();
        String password = RefusedLogins.TOO_SHORT;
        LoginFailure imapKnown = LoginFailure.measure(t, r, known.address(), password, ev);
        LoginFailure imapFree = LoginFailure.measure(t, r, free, password, ev);
        LoginFailure imapImpossible = LoginFailure.measure(t, r, impossible, known.password() + "-wrong", ev);
        ev.line("IMAP: existing '" + imapKnown.reply() + "', unknown '" + imapFree.reply() + "', impossible '"
                + imapImpossible.reply() + "'");
        assertThat(imapFree.reply()).as("IMAP LOGIN refusal, unknown address vs existing account")
                .isEqualTo(imapKnown.reply());
        assertThat(imapImpossible.reply()).as("IMAP LOGIN refusal, impossible address vs existing account")
                .isEqualTo(imapKnown.reply());
        RefusedLogins.Samples smtp = RefusedLogins.measure(t, r, known.address(), free, password, 1, ev);
        ev.line("SMTP: existing '" + smtp.firstReplies().get(0) + "', unknown '" + smtp.secondReplies().get(0) + "'");
        assertThat(smtp.firstReplies().get(0)).as("SMTP AUTH refusal of an existing account").startsWith("535");
        assertThat(smtp.secondReplies()).as("SMTP AUTH refusal, unknown address vs existing account")
                .containsOnly(smtp.firstReplies().get(0));
    }

    /**
     * Same probe, timed: an existing account pays its password hash, so a refusal for a free address must pay a
     * comparable one. Sixteen interleaved SMTP AUTH refusals each; medians compared, and only a gross difference
     * fails: over 5 times and over 5 ms (a skipped Argon2id check is 10 to 100 times a refusal without one). Both
     * sides being slow on a busy machine moves no ratio, so it does not make the check flaky.
     */
    @Test
    @RequirementId("SEC-06")
    void refusedLoginsTakeAlike(Target t, Evidence ev) throws Exception {
        RelayUnderTest r = t.primary();
        Credentials known = r.account();
        String free = r.freshCredentials().address();
        RefusedLogins.Samples s = RefusedLogins.measure(t, r, known.address(), free, RefusedLogins.TOO_SHORT, 16, ev);
        s.first().forEach(ms -> ev.figure("refused_login_existing_ms", ms));
        s.second().forEach(ms -> ev.figure("refused_login_unknown_ms", ms));
        double existing = s.firstMedian();
        double unknown = s.secondMedian();
        double diff = Math.abs(existing - unknown);
        double ratio = Math.max(existing, unknown) / Math.max(0.5, Math.min(existing, unknown));
        ev.figure("refused_login_median_diff_ms", diff).figure("refused_login_median_ratio", ratio);
        ev.line(String.format(java.util.Locale.ROOT, "refused SMTP AUTH, median of %d: existing account %.1f ms, unknown"
                + " address %.1f ms (difference %.1f ms, ratio %.2f)", s.first().size(), existing, unknown, diff, ratio));
        assertThat(ratio > 5 && diff > 5)
                .as("refused-login medians differ grossly: existing %.1f ms, unknown %.1f ms", existing, unknown).isFalse();
    }

    @Test
    @RequirementId("SEC-07")
    void rcptRevealsNoUsers(Target t, Evidence ev) throws Exception {
        RelayUnderTest r = t.primary();
        String known = r.account().address();
        String unknown = r.freshCredentials().address();
        try (SmtpSession s = SmtpSession.open(r.smtp(), null)) {
            s.ehlo("relaycert.test");
            s.startTls(t.trust());
            s.ehlo("relaycert.test");
            SmtpReply forKnown = rcpt(s, known);
            SmtpReply forUnknown = rcpt(s, unknown);
            s.quit();
            ev.transcript("port 25 of " + r.domain(), s.transcript());
            ev.line("RCPT existing " + known + ": " + forKnown + "; unknown " + unknown + ": " + forUnknown);
            assertThat(forKnown.code()).as("RCPT of an existing account: %s", forKnown).isEqualTo(250);
            assertThat(statusOf(forUnknown)).as("RCPT existing %s vs unknown %s", forKnown, forUnknown)
                    .isEqualTo(statusOf(forKnown));
        }
    }

    /** One transaction from another relay's user up to RCPT, then RSET. */
    private static SmtpReply rcpt(SmtpSession s, String recipient) throws IOException {
        SmtpReply mail = s.command("MAIL FROM:<stranger@relaycert-outside.test>");
        assertThat(mail.code()).as("MAIL FROM from another relay: %s", mail).isEqualTo(250);
        SmtpReply reply = s.command("RCPT TO:<" + recipient + ">");
        s.command("RSET");
        return reply;
    }

    /** The reply code and its enhanced status code (RFC 3463), if any: what a prober could tell apart. */
    private static String statusOf(SmtpReply r) {
        String line = r.lines().isEmpty() ? "" : r.lines().get(0);
        String first = (line.length() > 4 ? line.substring(4) : "").strip().split("\\s+", 2)[0];
        return r.code() + (first.matches("[245]\\.\\d{1,3}\\.\\d{1,3}") ? " " + first : "");
    }
}
