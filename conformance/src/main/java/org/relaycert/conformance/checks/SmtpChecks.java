package org.relaycert.conformance.checks;

import static org.assertj.core.api.Assertions.assertThat;

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

/** SMTP basics every chatmail relay shows on ports 25 and 587. */
@ConformanceCheck
class SmtpChecks {

    @Test
    @RequirementId("SMTP-01")
    void vrfyRevealsNothing(Target t, Evidence ev) throws Exception {
        RelayUnderTest relay = t.primary();
        Credentials existing = relay.account();
        try (SmtpSession s = SmtpSession.open(relay.smtp(), null)) {
            s.ehlo("relaycert.test");
            s.startTls(t.trust());
            s.ehlo("relaycert.test");
            List<String> names = List.of(existing.address(), relay.freshCredentials().address(), "postmaster", existing.localpart());
            for (String name : names) {
                SmtpReply r = s.command("VRFY " + name);
                assertThat(r.code()).as("VRFY %s -> %s", name, r).isEqualTo(252);
            }
            ev.transcript("port 25", s.transcript());
        }
    }

    @Test
    @RequirementId("SMTP-02")
    void noAuthBeforeStartTls(Target t, Evidence ev) throws Exception {
        Credentials c = t.primary().account();
        try (SmtpSession s = SmtpSession.open(t.primary().submission(), null)) {
            SmtpReply ehlo = s.ehlo("relaycert.test");
            SmtpReply auth = s.authPlain(c.address(), c.password());
            ev.transcript("port 587 before TLS", s.transcript());
            assertThat(ehlo.advertises("AUTH")).as("AUTH advertised before STARTTLS: %s", ehlo).isFalse();
            assertThat(auth.code()).as("AUTH before STARTTLS: %s", auth).isBetween(500, 599);
            assertThat(ehlo.advertises("STARTTLS")).as("STARTTLS advertised: %s", ehlo).isTrue();
            s.startTls(t.trust());
            SmtpReply after = s.ehlo("relaycert.test");
            ev.transcript("port 587 after TLS", s.transcript());
            assertThat(after.advertises("AUTH")).as("AUTH advertised after STARTTLS: %s", after).isTrue();
        }
    }

    @Test
    @RequirementId("SMTP-03")
    void mxRequiresStartTls(Target t, Evidence ev) throws Exception {
        RelayUnderTest relay = t.primary();
        try (SmtpSession s = SmtpSession.open(relay.smtp(), null)) {
            s.ehlo("relaycert.test");
            SmtpReply mail = s.command("MAIL FROM:<someone@relaycert.test>");
            ev.transcript("port 25 without TLS", s.transcript());
            assertThat(mail.code()).as("MAIL FROM before STARTTLS: %s", mail).isBetween(500, 599);
        }
    }

    @Test
    @RequirementId("SMTP-04")
    void ehloExtensions(Target t, Evidence ev) throws Exception {
        try (SmtpSession s = SmtpSession.open(t.primary().smtps(), t.trust())) {
            SmtpReply ehlo = s.ehlo("relaycert.test");
            ev.transcript("port 465", s.transcript());
            for (String ext : List.of("SIZE", "PIPELINING", "8BITMIME", "ENHANCEDSTATUSCODES")) {
                assertThat(ehlo.advertises(ext)).as("%s in %s", ext, ehlo).isTrue();
            }
        }
    }
}
