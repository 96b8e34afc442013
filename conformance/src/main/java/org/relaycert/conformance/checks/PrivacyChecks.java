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
}
