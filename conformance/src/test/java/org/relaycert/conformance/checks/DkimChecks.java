package org.relaycert.conformance.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.relaycert.conformance.ConformanceCheck;
import org.relaycert.conformance.Evidence;
import org.relaycert.conformance.RequirementId;
import org.relaycert.conformance.client.DkimSignatures;
import org.relaycert.conformance.client.DkimSigning;
import org.relaycert.conformance.client.RelayHttps;
import org.relaycert.conformance.client.SmtpReply;
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
    @DisplayName("DKIM-01 mail leaving the relay carries a valid DKIM signature of its domain")
    void outboundSigned(Target t, Evidence ev) throws Exception {
        RelayUnderTest peer = peer(t);
        FederationMail.OptionalLong ms = FederationMail.deliver(t, t.primary(), peer, ev);
        assertThat(ms.isPresent()).as("%s -> %s accepted by a peer that requires an aligned valid DKIM signature",
                t.primary().domain(), peer.domain()).isTrue();
        ev.line(t.primary().domain() + " -> " + peer.domain() + ": signature accepted, delivered in " + ms.value() + " ms");
    }

    @Test
    @RequirementId("DKIM-02")
    @DisplayName("DKIM-02 unsigned or mis-signed inbound mail is refused on port 25 and /mxdeliv")
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
    @DisplayName("DKIM-03 inbound mail whose valid signature is not of the From domain (forged From) is refused")
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

    @Test
    @RequirementId("DKIM-04")
    @DisplayName("DKIM-04 bounces are DKIM-signed by the relay's domain")
    void bouncesSigned(Target t, Evidence ev) throws Exception {
        // The relay's own user writes to an unknown user of the same relay: the DSN is delivered locally, so no
        // other relay's inbound cleanup (DKIM-05) removes the signature before the suite sees it.
        RelayUnderTest r = t.primary();
        Credentials sender = r.account();
        String nobody = r.freshCredentials().address();
        String token = FederationMail.token();
        SmtpReply sent = FederationMail.submit(t, r, sender, nobody, FederationMail.message(sender.address(), nobody, token), ev);
        assertThat(sent.code()).as("submission to an unknown user: %s", sent).isEqualTo(250);
        Optional<String> bounce = FederationMail.await(t, r, sender, token, FederationMail.ARRIVAL);
        assertThat(bounce).as("bounce for %s", nobody).isPresent();
        List<DkimSignatures.Verdict> verdicts = new DkimSignatures(t.dnsResolver()).verify(bounce.get());
        verdicts.forEach(v -> ev.line("bounce DKIM d=" + v.domain() + ": " + v.reason()));
        assertThat(verdicts).as("valid signature of %s on the bounce", r.domain())
                .anyMatch(v -> v.valid() && v.domain().equalsIgnoreCase(r.domain()));
    }

    @Test
    @RequirementId("DKIM-05")
    @DisplayName("DKIM-05 DKIM-Signature and Authentication-Results are removed before the mailbox")
    void traceHeadersStripped(Target t, Evidence ev) throws Exception {
        RelayUnderTest peer = peer(t);
        Credentials sender = peer.account();
        Credentials rcpt = t.primary().account();
        String token = FederationMail.token();
        SmtpReply sent = FederationMail.submit(t, peer, sender, rcpt.address(),
                FederationMail.message(sender.address(), rcpt.address(), token), ev);
        assertThat(sent.code()).as("submission: %s", sent).isEqualTo(250);
        Optional<String> got = FederationMail.await(t, t.primary(), rcpt, token, FederationMail.ARRIVAL);
        assertThat(got).as("delivered %s -> %s", peer.domain(), t.primary().domain()).isPresent();
        String header = got.get().split("\r\n\r\n", 2)[0];
        ev.line("header fields at " + t.primary().domain() + ": " + header.lines()
                .filter(l -> !l.startsWith(" ") && !l.startsWith("\t")).map(l -> l.split(":", 2)[0]).toList());
        assertThat(header).doesNotContainIgnoringCase("DKIM-Signature:").doesNotContainIgnoringCase("Authentication-Results:");
    }
}
