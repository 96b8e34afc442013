package org.relaycert.conformance.checks;

import org.relaycert.conformance.mail.FederationMail;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.relaycert.conformance.ConformanceCheck;
import org.relaycert.conformance.Evidence;
import org.relaycert.conformance.RequirementId;
import org.relaycert.conformance.client.DkimSignatures;
import org.relaycert.conformance.client.DkimSigning;
import org.relaycert.wire.SmtpReply;
import org.relaycert.conformance.targets.Credentials;
import org.relaycert.conformance.targets.NotObservableException;
import org.relaycert.conformance.targets.RelayUnderTest;
import org.relaycert.conformance.targets.SigningDomain;
import org.relaycert.conformance.targets.Target;

/**
 * Mail for users that do not exist, as another relay sees it: taken (RCPT reveals no one, SEC-07), then answered
 * with a signed delivery status notification to the sender, and never to a return path the From address disowns.
 */
@ConformanceCheck
class BounceChecks {
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"(),:;]+@([^\\s<>\"(),:;]+)");

    private static RelayUnderTest peer(Target t) {
        return t.secondRelay().orElseThrow(() ->
                new NotObservableException("needs a second relay of another operator (-Dchatmail.target2=...)"));
    }

    @Test
    @RequirementId("FED-06")
    void unknownUserBouncedToTheSender(Target t, Evidence ev) throws Exception {
        RelayUnderTest r = t.primary();
        RelayUnderTest peer = peer(t);
        Credentials sender = peer.account();
        String nobody = r.freshCredentials().address();
        String token = FederationMail.token();
        long start = System.nanoTime();
        SmtpReply sent = FederationMail.submit(t, peer, sender, nobody,
                FederationMail.message(sender.address(), nobody, token), ev);
        org.relaycert.conformance.verdict.Precondition.require(sent.code() == 250, "the suite's test mail to " + nobody + " taken by " + peer.domain(), sent.toString());
        Optional<String> dsn = FederationMail.await(t, peer, sender, token, FederationMail.ARRIVAL);
        assertThat(dsn).as("a DSN for %s in the INBOX of %s within %s", nobody, sender.address(), FederationMail.ARRIVAL)
                .isPresent();
        long ms = (System.nanoTime() - start) / 1_000_000;
        ev.figure("bounce_ms", ms).line("DSN for " + nobody + " reached " + sender.address() + " after " + ms + " ms");
        String report = dsn.get();
        String header = report.split("\r\n\r\n", 2)[0];
        ev.line("DSN header: " + header.lines().filter(l -> l.matches("(?i)^(From|To|Subject|Content-Type|Auto-Submitted):.*"))
                .toList());
        assertThat(fromDomain(header)).as("the DSN comes from the mailer daemon of %s, which took the message "
                + "(a DSN of %s would mean a refusal at RCPT)", r.domain(), peer.domain()).hasValue(r.domain());
        assertThat(header.replaceAll("\r\n[ \t]+", " ")).as("RFC 3464 report")
                .containsPattern("(?i)Content-Type:\\s*multipart/report;[^\r\n]*report-type=\"?delivery-status");
        assertThat(report).as("message/delivery-status part").containsPattern("(?i)Content-Type:\\s*message/delivery-status")
                .containsPattern("(?i)Final-Recipient:\\s*rfc822;\\s*<?" + Pattern.quote(nobody))
                .containsPattern("(?i)Action:\\s*failed").containsPattern("(?i)Status:\\s*5\\.\\d{1,3}\\.\\d{1,3}");
        List<DkimSignatures.Verdict> verdicts = new DkimSignatures(t.dnsResolver()).verify(report);
        verdicts.forEach(v -> ev.line("DSN DKIM d=" + v.domain() + ": " + v.reason()));
        if (verdicts.isEmpty()) {
            // Relays remove DKIM-Signature before the mailbox (DKIM-05); the sender's relay took the DSN over
            // port 25 or /mxdeliv only with a valid signature aligned with its From (DKIM-02, DKIM-03).
            ev.line(peer.domain() + " removed the DSN's DKIM-Signature before the mailbox; it let the DSN in only "
                    + "with a valid signature of " + r.domain());
        } else {
            assertThat(verdicts).as("valid signature of %s on the DSN", r.domain())
                    .anyMatch(v -> v.valid() && v.domain().equalsIgnoreCase(r.domain()));
        }
    }

    @Test
    @RequirementId("FED-07")
    void noBounceToAForgedReturnPath(Target t, Evidence ev) throws Exception {
        SigningDomain signer = Target.require(t.suiteSigningDomain(), "needs a domain the suite may DKIM-sign for, "
                + "published in the relay's DNS (local world only): the forged mail must pass the relay's DKIM check");
        RelayUnderTest r = t.primary();
        RelayUnderTest peer = peer(t);
        Credentials victim = peer.account();
        DkimSigning signing = new DkimSigning(signer.domain(), signer.selector(), signer.key());

        String forgedToken = FederationMail.token();
        String nobody = r.freshCredentials().address();
        String forged = signing.sign(FederationMail.message("alice@" + signer.domain(), nobody, forgedToken));
        SmtpReply taken = FederationMail.viaPort25(t, r, victim.address(), List.of(nobody), forged, ev);
        ev.line("MAIL FROM:<" + victim.address() + ">, From alice@" + signer.domain() + ", to " + nobody + ": " + taken);
        assertThat(taken.code()).as("a From that differs from MAIL FROM is not refused: %s", taken).isEqualTo(250);

        // Positive control: the same kind of failure with an honest return path does come back to that mailbox.
        String controlToken = FederationMail.token();
        String alsoNobody = r.freshCredentials().address();
        SmtpReply sent = FederationMail.submit(t, peer, victim, alsoNobody,
                FederationMail.message(victim.address(), alsoNobody, controlToken), ev);
        org.relaycert.conformance.verdict.Precondition.require(sent.code() == 250, "the control message taken by " + peer.domain(), sent.toString());
        if (FederationMail.await(t, peer, victim, controlToken, FederationMail.ARRIVAL).isEmpty()) {
            throw new NotObservableException("no DSN reached " + victim.address() + " for mail with an honest return "
                    + "path to an unknown user of " + r.domain() + " (FED-06), so silence about the forged one proves nothing");
        }
        ev.line("control: the DSN for " + alsoNobody + " reached " + victim.address());
        // The forged message was taken first and goes the same way; a few seconds more cover any reordering.
        Optional<String> misdirected = FederationMail.await(t, peer, victim, forgedToken, Duration.ofSeconds(5));
        misdirected.ifPresent(m -> ev.line("DSN for the forged message reached " + victim.address()));
        assertThat(misdirected).as("a DSN sent to the forged return path %s", victim.address()).isEmpty();
    }

    /** The domain of the (first) From address of a header block, lower case. */
    static Optional<String> fromDomain(String header) {
        for (String field : header.replaceAll("\r\n[ \t]+", " ").split("\r\n")) {
            if (field.regionMatches(true, 0, "From:", 0, 5)) {
                Matcher m = ADDRESS.matcher(field.substring(5));
                return m.find() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
