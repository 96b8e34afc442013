package org.relaycert.conformance.checks;

import org.relaycert.conformance.mail.FederationMail;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.relaycert.conformance.ConformanceCheck;
import org.relaycert.conformance.Evidence;
import org.relaycert.conformance.RequirementId;
import org.relaycert.conformance.client.DkimSignatures;
import org.relaycert.conformance.client.DkimSigning;
import org.relaycert.conformance.client.RelayHttps;
import org.relaycert.wire.SmtpReply;
import org.relaycert.conformance.targets.Credentials;
import org.relaycert.conformance.targets.NotObservableException;
import org.relaycert.conformance.targets.RelayUnderTest;
import org.relaycert.conformance.targets.SigningDomain;
import org.relaycert.conformance.targets.Target;

/** DKIM between relays: outbound signed, inbound verified with From alignment, bounces signed, headers stripped. */
@ConformanceCheck
class DkimChecks {

    private static RelayUnderTest peer(Target t) {
        return t.secondRelay().orElseThrow(() ->
                new NotObservableException("needs a second relay of another operator (-Dchatmail.target2=...)"));
    }

    @Test
    @RequirementId("DKIM-01")
    void outboundSigned(Target t, Evidence ev) throws Exception {
        RelayUnderTest peer = peer(t);
        FederationMail.OptionalLong ms = FederationMail.deliver(t, t.primary(), peer, ev);
        assertThat(ms.isPresent()).as("%s -> %s accepted by a peer that requires an aligned valid DKIM signature",
                t.primary().domain(), peer.domain()).isTrue();
        ev.line(t.primary().domain() + " -> " + peer.domain() + ": signature accepted, delivered in " + ms.value() + " ms");
    }

    @Test
    @RequirementId("DKIM-02")
    void unsignedInboundRefused(Target t, Evidence ev) throws Exception {
        RelayUnderTest r = t.primary();
        Credentials user = r.account();
        String from = "someone@" + peer(t).domain();
        String plain = FederationMail.message(from, user.address(), FederationMail.token());
        SmtpReply unsigned = FederationMail.viaPort25(t, r, from, List.of(user.address()), plain, ev);
        assertThat(unsigned.code()).as("unsigned on port 25: %s", unsigned).isBetween(500, 599);
        String forged = "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/simple; d=" + peer(t).domain()
                + "; s=opendkim; h=from:to:subject; bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=; b=AAAA\r\n" + plain;
        SmtpReply misSigned = FederationMail.viaPort25(t, r, from, List.of(user.address()), forged, ev);
        assertThat(misSigned.code()).as("mis-signed on port 25: %s", misSigned).isBetween(500, 599);
        RelayHttps.Answer http = FederationMail.mxdeliv(t, r, from, List.of(user.address()), plain, ev);
        assertThat(http.statusCode()).as("unsigned over /mxdeliv").isEqualTo(400);
        assertThat(http.body().strip()).as("/mxdeliv reply").startsWith("5");
    }

    @Test
    @RequirementId("DKIM-03")
    void forgedFromRefused(Target t, Evidence ev) throws Exception {
        // The suite signs itself, so no peer's own submission rules (From must match the login) stand in between.
        SigningDomain signer = Target.require(t.suiteSigningDomain(), "needs a domain the suite may DKIM-sign for, "
                + "published in the relay's DNS (local world only); a peer refuses forged From at submission first");
        DkimSigning signing = new DkimSigning(signer.domain(), signer.selector(), signer.key());
        RelayUnderTest victim = t.primary();
        Credentials rcpt = victim.account();
        String envelope = "postmaster@" + signer.domain();

        String ownFrom = "alice@" + signer.domain();
        String aligned = signing.sign(FederationMail.message(ownFrom, rcpt.address(), FederationMail.token()));
        SmtpReply control = FederationMail.viaPort25(t, victim, envelope, List.of(rcpt.address()), aligned, ev);
        ev.line("From " + ownFrom + ", signed d=" + signer.domain() + " (aligned): " + control);
        if (control.code() != 250) {
            throw new NotObservableException(victim.domain() + " refused validly signed, aligned mail from "
                    + signer.domain() + " (" + control + "), so a refusal of the forged From would prove nothing");
        }

        String forgedFrom = "ceo0000001@" + victim.domain();
        String forged = signing.sign(FederationMail.message(forgedFrom, rcpt.address(), FederationMail.token()));
        SmtpReply port25 = FederationMail.viaPort25(t, victim, envelope, List.of(rcpt.address()), forged, ev);
        ev.line("From " + forgedFrom + ", signed d=" + signer.domain() + " (valid, unaligned), port 25: " + port25);
        assertThat(port25.code()).as("port 25: valid signature of %s on mail From %s", signer.domain(), forgedFrom)
                .isBetween(500, 599);
        RelayHttps.Answer http = FederationMail.mxdeliv(t, victim, envelope, List.of(rcpt.address()),
                signing.sign(FederationMail.message(forgedFrom, rcpt.address(), FederationMail.token())), ev);
        assertThat(http.statusCode()).as("/mxdeliv: valid unaligned signature").isNotEqualTo(200);
        assertThat(http.body().strip()).as("/mxdeliv reply").startsWith("5");
    }

    /**
     * As upstream's online test does: a user of the second relay writes to an unknown user of the relay, which takes
     * the mail (chatmail's Postfix accepts any local address at RCPT), fails it at delivery and bounces it. The bounce
     * leaves for the other relay, so it is signed there ({@code internal_mail_filter_classes = bounce}); a relay's own
     * users never see it signed, since chatmail strips DKIM-Signature on every local delivery. The signature is judged
     * where it can be seen: on the DSN itself, or through a receiving relay shown to refuse unsigned mail of that domain.
     */
    @Test
    @RequirementId("DKIM-04")
    void bouncesSigned(Target t, Evidence ev) throws Exception {
        RelayUnderTest r = t.primary();
        RelayUnderTest peer = t.secondRelay().orElseThrow(() -> new NotObservableException("a relay signs a bounce "
                + "when it leaves for another relay, and strips signatures on local delivery: needs a second relay "
                + "(-Dchatmail.target2=...)"));
        Credentials sender = peer.account();
        String nobody = r.freshCredentials().address();
        String token = FederationMail.token();
        SmtpReply sent = FederationMail.submit(t, peer, sender, nobody, FederationMail.message(sender.address(), nobody, token), ev);
        if (sent.code() != 250 && sent.toString().contains("5.1.1")) {
            throw new NotObservableException(peer.domain() + " refused the unknown recipient " + nobody + " itself (" + sent
                    + "), so " + r.domain() + " had nothing to bounce");
        }
        // the suite's own test mail refused (e.g. 523 from a content filter): the situation was never set up
        org.relaycert.conformance.verdict.Precondition.require(sent.code() == 250,
                "the suite's test mail to an unknown user taken by " + peer.domain(), sent.toString());
        Optional<String> dsn = FederationMail.await(t, peer, sender, token, FederationMail.ARRIVAL);
        if (dsn.isPresent()) {
            String header = dsn.get().split("\r\n\r\n", 2)[0];
            Optional<String> origin = BounceChecks.fromDomain(header);
            if (!origin.map(r.domain()::equalsIgnoreCase).orElse(false)) {
                throw new NotObservableException("the DSN for " + nobody + " came from " + origin.orElse("no From address")
                        + ", not from " + r.domain() + ": it refused the recipient at RCPT and sent no bounce of its own");
            }
            List<DkimSignatures.Verdict> verdicts = new DkimSignatures(t.dnsResolver()).verify(dsn.get());
            verdicts.forEach(v -> ev.line("bounce DKIM d=" + v.domain() + ": " + v.reason()));
            if (!verdicts.isEmpty()) {
                assertThat(verdicts).as("valid signature of %s on its bounce", r.domain())
                        .anyMatch(v -> v.valid() && v.domain().equalsIgnoreCase(r.domain()));
                return;
            }
            ev.line(peer.domain() + " removed the bounce's DKIM-Signature before the mailbox (as chatmail does)");
        } else {
            ev.line("no DSN for " + nobody + " reached " + sender.address() + " within " + FederationMail.ARRIVAL);
        }
        boolean enforced = refusesUnsigned(t, peer, r.domain(), sender, ev);
        if (dsn.isPresent()) {
            if (!enforced) {
                throw new NotObservableException(peer.domain() + " removed the bounce's signature and takes unsigned mail "
                        + "of " + r.domain() + " too, so whether the bounce was signed cannot be seen");
            }
            ev.line(peer.domain() + " refuses unsigned mail of " + r.domain() + " and took the bounce: it was signed");
            return;
        }
        if (!enforced) {
            throw new NotObservableException("no bounce arrived at all (FED-06 judges that), and " + peer.domain()
                    + " takes unsigned mail, so its absence says nothing about signing");
        }
        throw new AssertionError("the bounce of " + r.domain() + " for " + nobody + " never reached " + sender.address()
                + " at " + peer.domain() + ", which refuses unsigned mail of " + r.domain()
                + ": the bounce was unsigned (or never sent, see FED-06)");
    }

    /** Whether {@code receiver} refuses, on port 25, encrypted mail that claims {@code domain} without a signature. */
    private static boolean refusesUnsigned(Target t, RelayUnderTest receiver, String domain, Credentials rcpt, Evidence ev)
            throws java.io.IOException {
        String from = "mailer-daemon@" + domain;
        SmtpReply probe = FederationMail.viaPort25(t, receiver, from, List.of(rcpt.address()),
                FederationMail.message(from, rcpt.address(), FederationMail.token()), ev);
        ev.line("probe: unsigned mail from " + from + " to " + receiver.domain() + " on port 25: " + probe);
        return probe.code() >= 500 && probe.code() <= 599;
    }

    @Test
    @RequirementId("DKIM-05")
    void traceHeadersStripped(Target t, Evidence ev) throws Exception {
        RelayUnderTest peer = peer(t);
        Credentials sender = peer.account();
        Credentials rcpt = t.primary().account();
        String token = FederationMail.token();
        SmtpReply sent = FederationMail.submit(t, peer, sender, rcpt.address(),
                FederationMail.message(sender.address(), rcpt.address(), token), ev);
        org.relaycert.conformance.verdict.Precondition.require(sent.code() == 250, "the suite's test mail taken by " + peer.domain(), sent.toString());
        Optional<String> got = FederationMail.await(t, t.primary(), rcpt, token, FederationMail.ARRIVAL);
        org.relaycert.conformance.verdict.Precondition.require(got.isPresent(), "the suite's test mail delivered " + peer.domain() + " -> " + t.primary().domain(),
                "not in the INBOX within " + FederationMail.ARRIVAL.toSeconds() + " s");
        String header = got.get().split("\r\n\r\n", 2)[0];
        ev.line("header fields at " + t.primary().domain() + ": " + header.lines()
                .filter(l -> !l.startsWith(" ") && !l.startsWith("\t")).map(l -> l.split(":", 2)[0]).toList());
        assertThat(header).doesNotContainIgnoringCase("DKIM-Signature:").doesNotContainIgnoringCase("Authentication-Results:");
    }
}
