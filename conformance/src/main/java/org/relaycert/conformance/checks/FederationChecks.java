package org.relaycert.conformance.checks;

import org.relaycert.conformance.mail.FederationMail;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.relaycert.conformance.ConformanceCheck;
import org.relaycert.conformance.Evidence;
import org.relaycert.conformance.NeedsTargetAlone;
import org.relaycert.conformance.RequirementId;
import org.relaycert.conformance.client.RelayHttps;
import org.relaycert.wire.SmtpReply;
import org.relaycert.conformance.targets.Credentials;
import org.relaycert.conformance.targets.FederationControl;
import org.relaycert.conformance.targets.NotObservableException;
import org.relaycert.conformance.targets.RelayUnderTest;
import org.relaycert.conformance.targets.Target;
import org.relaycert.reports.FederationMatrix;

/** Mail between relays of different operators: both paths, TLS, outages, and no relaying for strangers. */
@ConformanceCheck
@NeedsTargetAlone("stops and restarts relays")
class FederationChecks {

    private static List<RelayUnderTest> twoOrMore(Target t) {
        List<RelayUnderTest> all = t.relays();
        if (all.size() < 2) {
            throw new NotObservableException("needs a second relay of another operator (-Dchatmail.target2=...)");
        }
        return all;
    }

    /** Every ordered pair; one evidence line and one figure per pair; the pairs that failed. */
    private static List<String> matrix(Target t, Evidence ev, String path) throws Exception {
        List<String> failed = new ArrayList<>();
        for (RelayUnderTest from : twoOrMore(t)) {
            for (RelayUnderTest to : t.relays()) {
                if (from == to) {
                    continue;
                }
                FederationMail.OptionalLong ms = FederationMail.deliver(t, from, to, ev);
                pair(ev, from, to, path, ms);
                if (!ms.isPresent()) {
                    failed.add(from.domain() + " -> " + to.domain());
                }
            }
        }
        return failed;
    }

    /** One cell of the report's federation matrix (read back from this line) and its latency figure. */
    private static void pair(Evidence ev, RelayUnderTest from, RelayUnderTest to, String path,
                             FederationMail.OptionalLong ms) {
        ev.line(FederationMatrix.evidenceLine(from.domain(), to.domain(), path, ms.value(),
                ms.isPresent() ? null : "not in the INBOX within " + FederationMail.ARRIVAL.toSeconds()
                        + " s, or bounced by the sender's relay before"));
        if (ms.isPresent()) {
            ev.figure("federation_" + path + "_ms", ms.value());
        }
    }

    @Test
    @RequirementId("FED-01")
    void mxdelivMatrix(Target t, Evidence ev) throws Exception {
        for (RelayUnderTest r : twoOrMore(t)) {
            Credentials user = r.account();
            RelayHttps.Answer probe = FederationMail.mxdeliv(t, r, "probe@relaycert.test", List.of(user.address()),
                    FederationMail.message("probe@relaycert.test", user.address(), FederationMail.token()), ev);
            assertThat(probe.statusCode()).as("%s serves POST /mxdeliv (an unsigned probe gets a mail reply, not %d)",
                    r.domain(), probe.statusCode()).isIn(200, 400);
            assertThat(probe.body().strip()).as("/mxdeliv answers with an SMTP reply line").matches("[245]\\d\\d .*");
        }
        assertThat(matrix(t, ev, "mxdeliv")).as("pairs that failed").isEmpty();
    }

    @Test
    @RequirementId("FED-02")
    void smtpMatrix(Target t, Evidence ev) throws Exception {
        List<RelayUnderTest> all = twoOrMore(t);
        FederationControl control = Target.require(t.federationControl(),
                "switching a relay's /mxdeliv off needs the operator (local world only)");
        List<String> failed = new ArrayList<>();
        for (RelayUnderTest to : all) {
            control.serveMxdeliv(to.domain(), false);
            try {
                RelayHttps.Answer gone = FederationMail.mxdeliv(t, to, "probe@relaycert.test", List.of("x@" + to.domain()),
                        "Subject: probe\r\n\r\nprobe\r\n", ev);
                assertThat(gone.statusCode()).as("/mxdeliv switched off at %s", to.domain()).isEqualTo(404);
                for (RelayUnderTest from : all) {
                    if (from == to) {
                        continue;
                    }
                    FederationMail.OptionalLong ms = FederationMail.deliver(t, from, to, ev);
                    pair(ev, from, to, "smtp", ms);
                    if (!ms.isPresent()) {
                        failed.add(from.domain() + " -> " + to.domain());
                    }
                }
            } finally {
                control.serveMxdeliv(to.domain(), true);
            }
        }
        assertThat(failed).as("pairs that failed over SMTP").isEmpty();
    }

    @Test
    @RequirementId("FED-03")
    void tlsBetweenRelays(Target t, Evidence ev) throws Exception {
        List<RelayUnderTest> all = twoOrMore(t);
        RelayUnderTest peer = all.get(1);
        try (var s = org.relaycert.wire.SmtpSession.open(peer.smtp(), null)) {
            s.ehlo("relaycert.test");
            SmtpReply plain = s.command("MAIL FROM:<probe@relaycert.test>");
            ev.transcript("plaintext on port 25 of " + peer.domain(), s.transcript());
            if (plain.positive()) {
                throw new NotObservableException(peer.domain() + " takes plaintext mail on port 25, so delivery to it "
                        + "cannot show that " + t.primary().domain() + " uses TLS");
            }
        }
        FederationMail.OptionalLong ms = FederationMail.deliver(t, t.primary(), peer, ev);
        assertThat(ms.isPresent()).as("%s -> %s delivered although the peer accepts only TLS", t.primary().domain(),
                peer.domain()).isTrue();
        ev.line(t.primary().domain() + " -> " + peer.domain() + " over TLS: delivered in " + ms.value() + " ms");
    }

    @Test
    @RequirementId("FED-04")
    void queuedWhileDown(Target t, Evidence ev) throws Exception {
        List<RelayUnderTest> all = twoOrMore(t);
        FederationControl control = Target.require(t.federationControl(),
                "stopping a relay needs its operator (local world only)");
        RelayUnderTest from = all.get(0);
        RelayUnderTest to = all.get(1);
        Credentials sender = from.account();
        Credentials rcpt = to.account();
        String token = FederationMail.token();
        control.stop(to.domain());
        SmtpReply sent;
        try {
            sent = FederationMail.submit(t, from, sender, rcpt.address(),
                    FederationMail.message(sender.address(), rcpt.address(), token), ev);
            ev.line(to.domain() + " stopped; " + from.domain() + " answered " + sent);
            assertThat(sent.code()).as("accepted while the peer is down: %s", sent).isEqualTo(250);
            // stay down for more than one attempt, so a relay that gives up at the first failure shows it
            var bounce = FederationMail.await(t, from, sender, token, java.time.Duration.ofSeconds(3));
            bounce.ifPresent(b -> ev.line("bounced while the peer was down"));
            assertThat(bounce).as("no bounce while the peer is briefly down").isEmpty();
        } finally {
            control.start(to.domain());
        }
        long back = System.nanoTime();
        // the sender retries on its own schedule: wait for its next attempt, where the operator can say when that is
        Optional<java.time.Duration> retry = control.retryDelay(from.domain());
        java.time.Duration wait = retry.map(FederationMail.ARRIVAL::plus).orElse(FederationMail.ARRIVAL);
        var got = FederationMail.await(t, to, rcpt, token, wait);
        if (got.isEmpty() && retry.isEmpty()) {
            throw new NotObservableException("not delivered within " + wait.toSeconds() + " s of " + to.domain()
                    + "'s return, and when " + from.domain() + " retries is unknown (Postfix's minimal_backoff_time "
                    + "is 300 s by default), so a later delivery cannot be ruled out");
        }
        assertThat(got).as("delivered within %s s after %s returned", wait.toSeconds(), to.domain()).isPresent();
        ev.line("delivered " + (System.nanoTime() - back) / 1_000_000 + " ms after " + to.domain() + " returned");
        ev.figure("redelivery_after_return_ms", (System.nanoTime() - back) / 1e6);
    }

    @Test
    @RequirementId("FED-05")
    void noOpenRelay(Target t, Evidence ev) throws Exception {
        RelayUnderTest r = t.primary();
        String stranger = "stranger@relaycert-outside.test";
        String foreign = "victim@relaycert-elsewhere.test";
        try (var s = org.relaycert.wire.SmtpSession.open(r.smtp(), null)) {
            s.ehlo("relaycert.test");
            s.startTls(t.trust());
            s.ehlo("relaycert.test");
            s.command("MAIL FROM:<" + stranger + ">");
            // judged at RCPT, where Postfix's reject_unauth_destination answers: content filters come too late
            SmtpReply rcpt = s.command("RCPT TO:<" + foreign + ">");
            s.quit();
            ev.transcript("port 25 of " + r.domain(), s.transcript());
            assertThat(rcpt.code()).as("port 25, RCPT to another domain without authentication: %s", rcpt)
                    .isBetween(500, 599);
        }
        RelayHttps.Answer http = FederationMail.mxdeliv(t, r, stranger, List.of(foreign),
                FederationMail.message(stranger, foreign, FederationMail.token()), ev);
        assertThat(http.statusCode() / 100).as("/mxdeliv to another domain: %d", http.statusCode()).isNotEqualTo(2);
    }

    @Test
    @RequirementId("FED-05")
    void noOpenRelaySigned(Target t, Evidence ev) throws Exception {
        // An unsigned probe is refused for its missing signature by a relay that checks DKIM before it would relay,
        // so relaying itself is judged with mail that passes every other rule: encrypted, validly signed, aligned.
        RelayUnderTest r = t.primary();
        String foreign = "victim@relaycert-elsewhere.test";
        Optional<org.relaycert.conformance.targets.SigningDomain> canSign = t.suiteSigningDomain();
        if (canSign.isEmpty()) {
            // unsigned, then: judged only where the refusal is not the signature's (the relay check came first)
            String stranger = "stranger@relaycert-outside.test";
            RelayHttps.Answer unsigned = FederationMail.mxdeliv(t, r, stranger, List.of(foreign),
                    FederationMail.message(stranger, foreign, FederationMail.token()), ev);
            if (FederationMail.notServed(unsigned)) {
                ev.line("/mxdeliv not served (" + unsigned.statusCode() + "): nothing can be relayed over it");
                return;
            }
            assertThat(unsigned.statusCode() / 100).as("/mxdeliv to another domain: %d %s", unsigned.statusCode(),
                    unsigned.body().strip()).isNotEqualTo(2);
            if (unsigned.body().toUpperCase(java.util.Locale.ROOT).contains("DKIM")) {
                throw new NotObservableException("/mxdeliv refused the unsigned probe for its signature ("
                        + unsigned.body().strip() + "), before relaying was judged, and the suite may sign for no domain "
                        + "this relay trusts (local world only)");
            }
            ev.line("/mxdeliv refused the unsigned probe for another domain, not for its signature: judged");
            return;
        }
        org.relaycert.conformance.targets.SigningDomain signer = canSign.get();
        org.relaycert.conformance.client.DkimSigning signing = new org.relaycert.conformance.client.DkimSigning(
                signer.domain(), signer.selector(), signer.key());
        String sender = "alice@" + signer.domain();
        Credentials local = org.relaycert.conformance.verdict.Precondition.step("an account on " + r.domain(), r::account);
        // the control: the same signing is taken for a local recipient, so a refusal below is the relay check's
        String control = signing.sign(FederationMail.message(sender, local.address(), FederationMail.token()));
        RelayHttps.Answer ok = FederationMail.mxdeliv(t, r, sender, List.of(local.address()), control, ev);
        if (FederationMail.notServed(ok)) {
            throw new NotObservableException("the relay does not serve POST /mxdeliv (" + ok.statusCode() + ")");
        }
        org.relaycert.conformance.verdict.Precondition.require(ok.statusCode() == 200,
                "signed, encrypted mail from " + signer.domain() + " over /mxdeliv to a local user is taken",
                ok.statusCode() + " " + ok.body().strip());
        String relayed = signing.sign(FederationMail.message(sender, foreign, FederationMail.token()));
        RelayHttps.Answer http = FederationMail.mxdeliv(t, r, sender, List.of(foreign), relayed, ev);
        assertThat(http.statusCode() / 100).as("/mxdeliv, validly signed mail to another domain: %d %s",
                http.statusCode(), http.body().strip()).isNotEqualTo(2);
    }

    @Test
    @RequirementId("FED-01")
    void mxdelivIsThePathUsed(Target t, Evidence ev) throws Exception {
        List<RelayUnderTest> all = twoOrMore(t);
        FederationControl control = Target.require(t.federationControl(),
                "closing a relay's port 25 needs the operator (local world only); on other targets FED-01's matrix "
                        + "shows delivery, not which path carried it");
        List<String> failed = new ArrayList<>();
        for (RelayUnderTest to : all) {
            if (!control.acceptSmtpFromRelays(to.domain(), false)) {
                throw new NotObservableException("the operator cannot close port 25 of " + to.domain());
            }
            try {
                for (RelayUnderTest from : all) {
                    if (from == to) {
                        continue;
                    }
                    FederationMail.OptionalLong ms = FederationMail.deliver(t, from, to, ev);
                    ev.line(from.domain() + " -> " + to.domain() + " with port 25 of " + to.domain() + " closed to relays: "
                            + (ms.isPresent() ? "delivered in " + ms.value() + " ms, so over /mxdeliv" : "not delivered"));
                    if (!ms.isPresent()) {
                        failed.add(from.domain() + " -> " + to.domain());
                    }
                }
            } finally {
                control.acceptSmtpFromRelays(to.domain(), true);
            }
        }
        assertThat(failed).as("pairs whose sender did not deliver over /mxdeliv (only SMTP was closed)").isEmpty();
    }

    @Test
    @RequirementId("FED-03")
    void peerCertificateVerified(Target t, Evidence ev) throws Exception {
        List<RelayUnderTest> all = twoOrMore(t);
        FederationControl control = Target.require(t.federationControl(),
                "giving a peer a certificate for another name needs the operator (local world only)");
        RelayUnderTest from = t.primary();
        RelayUnderTest peer = all.get(1);
        Credentials sender = org.relaycert.conformance.verdict.Precondition.step("an account on " + from.domain(), from::account);
        Credentials rcpt = org.relaycert.conformance.verdict.Precondition.step("an account on " + peer.domain(), peer::account);
        String token = FederationMail.token();
        if (!control.presentOtherNameCertificate(peer.domain(), true)) {
            throw new NotObservableException("the operator cannot give " + peer.domain() + " another certificate");
        }
        boolean senderStopped = false;
        try {
            SmtpReply sent = FederationMail.submit(t, from, sender, rcpt.address(),
                    FederationMail.message(sender.address(), rcpt.address(), token), ev);
            org.relaycert.conformance.verdict.Precondition.require(sent.code() == 250, "the test message is accepted", sent.toString());
            // the sender tries (and, verifying, fails) while the peer shows the wrong name; then it is stopped, so
            // no retry after the peer's own certificate is back can deliver before the peer's INBOX is read
            Thread.sleep(FederationMail.ARRIVAL.toMillis() / 3);
            control.stop(from.domain());
            senderStopped = true;
        } finally {
            control.presentOtherNameCertificate(peer.domain(), false);
        }
        try {
            var got = FederationMail.await(t, peer, rcpt, token, java.time.Duration.ofSeconds(1));
            ev.line(from.domain() + " -> " + peer.domain() + " while " + peer.domain() + " showed a certificate for "
                    + "other-name." + peer.domain() + ".invalid: " + (got.isPresent() ? "delivered" : "not delivered"));
            assertThat(got).as("delivered to %s although its certificate named another host (TLS without verification)",
                    peer.domain()).isEmpty();
        } finally {
            if (senderStopped) {
                control.start(from.domain());
            }
        }
    }
}
