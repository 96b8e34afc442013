package org.relaycert.conformance.checks;

import org.relaycert.conformance.mail.Messages;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.relaycert.conformance.ConformanceCheck;
import org.relaycert.conformance.Evidence;
import org.relaycert.conformance.RequirementId;
import org.relaycert.wire.ImapResponse;
import org.relaycert.wire.ImapSession;
import org.relaycert.wire.SmtpReply;
import org.relaycert.wire.SmtpSession;
import org.relaycert.conformance.targets.Credentials;
import org.relaycert.conformance.targets.Target;

/** IMAP basics that Delta Chat relies on. */
@ConformanceCheck
class ImapChecks {

    @Test
    @RequirementId("IMAP-01")
    void xchatmailAdvertised(Target t, Evidence ev) throws Exception {
        Credentials c = t.primary().account();
        try (ImapSession s = ImapSession.open(t.primary().imaps(), t.trust())) {
            List<String> before = s.capabilities();
            s.login(c.address(), c.password());
            List<String> after = s.capabilities();
            ev.transcript("993", s.transcript());
            assertThat(before).as("capabilities before login").contains("XCHATMAIL");
            assertThat(after).as("capabilities after login").contains("XCHATMAIL");
        }
    }

    @Test
    @RequirementId("IMAP-02")
    void coreExtensionsAdvertised(Target t, Evidence ev) throws Exception {
        Credentials c = t.primary().account();
        try (ImapSession s = ImapSession.open(t.primary().imaps(), t.trust())) {
            s.login(c.address(), c.password());
            List<String> caps = s.capabilities();
            ev.transcript("993", s.transcript());
            assertThat(caps).as("capabilities after login").contains("IDLE", "UIDPLUS", "MOVE");
        }
    }

    @Test
    @RequirementId("IMAP-03")
    void loginDisabledBeforeStartTls(Target t, Evidence ev) throws Exception {
        Credentials c = t.primary().account();
        try (ImapSession s = ImapSession.open(t.primary().imap(), null)) {
            List<String> caps = s.capabilities();
            ImapResponse login = s.login(c.address(), c.password());
            ev.transcript("143 without TLS", s.transcript());
            assertThat(caps).as("capabilities before STARTTLS").contains("STARTTLS", "LOGINDISABLED");
            assertThat(login.ok()).as("LOGIN before STARTTLS: %s", login.tagged()).isFalse();
        }
    }

    @Test
    @RequirementId("IMAP-04")
    void idleAnnouncesNewMail(Target t, Evidence ev) throws Exception {
        Credentials rcpt = t.primary().account();
        Credentials sender = t.primary().account();
        try (ImapSession idle = ImapSession.open(t.primary().imaps(), t.trust())) {
            idle.login(rcpt.address(), rcpt.password());
            ImapResponse select = idle.command("SELECT INBOX");
            assertThat(select.ok()).as("SELECT INBOX").isTrue();
            assertThat(idle.idle()).as("IDLE accepted").isPresent();
            long sentAt;
            try (SmtpSession smtp = SmtpSession.open(t.primary().smtps(), t.trust())) {
                smtp.ehlo("relaycert.test");
                SmtpReply auth = smtp.authPlain(sender.address(), sender.password());
                SmtpReply sent = !auth.positive() ? auth : smtp.sendMail(sender.address(), List.of(rcpt.address()),
                        Messages.forDelivery(sender.address(), rcpt.address()).getBytes(StandardCharsets.UTF_8));
                sentAt = System.nanoTime();
                ev.transcript("submission", smtp.transcript());
                org.relaycert.conformance.verdict.Precondition.require(sent.code() == 250, "the suite's test mail accepted at submission", sent.toString());
            }
            Optional<String> exists = idle.awaitUntagged(l -> l.matches("\\* \\d+ EXISTS"), Duration.ofSeconds(10));
            exists.ifPresent(e -> ev.figure("idle_exists_after_250_ms", (System.nanoTime() - sentAt) / 1e6));
            idle.done();
            ev.transcript("idle", idle.transcript());
            assertThat(exists).as("untagged EXISTS while idling").isPresent();
        }
    }
}
