package org.relaycert.conformance.checks;

import org.relaycert.conformance.mail.FederationMail;
import org.relaycert.conformance.mail.PolicyMail;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.relaycert.conformance.ConformanceCheck;
import org.relaycert.conformance.Evidence;
import org.relaycert.conformance.RequirementId;
import org.relaycert.conformance.client.RelayHttps;
import org.relaycert.wire.SmtpReply;
import org.relaycert.conformance.targets.Credentials;
import org.relaycert.conformance.targets.NotObservableException;
import org.relaycert.conformance.targets.RelayUnderTest;
import org.relaycert.conformance.targets.Target;
import org.relaycert.fixtures.mail.MessageFactory;
import org.relaycert.conformance.verdict.Precondition;

/**
 * Encryption enforcement (chatmail filtermail): only OpenPGP-encrypted mail passes, apart from the few
 * cleartext kinds chatmail lets through. Mail "from another relay" is sent on port 25 without DKIM: a
 * relay that verifies DKIM checks encryption first (chatmail does), so a refusal for missing encryption
 * is still a 523, while mail that passes the encryption rule may then be refused for its missing
 * signature; such checks only require that the encryption rule did not refuse it.
 */
@ConformanceCheck
class EncryptionChecks {
    static final String ENCRYPTION_NEEDED = "Encryption Needed";

    static void assertEncryptionNeeded(SmtpReply r, String what) {
        assertThat(r.code()).as("%s -> %s", what, r).isEqualTo(523);
        assertThat(r.text()).as("%s -> %s", what, r).contains(ENCRYPTION_NEEDED);
    }

    static void assertAccepted(SmtpReply r, String what) {
        assertThat(r.code()).as("%s -> %s", what, r).isEqualTo(250);
    }

    static void assertNotRefusedForCleartext(SmtpReply r, String what) {
        assertThat(r.code()).as("%s -> %s (must not be refused as unencrypted)", what, r).isNotEqualTo(523);
        assertThat(r.code() == 250 || r.text().contains("DKIM")).as("%s -> %s: accepted, or refused only for DKIM", what, r).isTrue();
    }

    /** filtermail's {@code 500 Invalid FROM <from> for <mailfrom>} (online test_reject_forged_from). */
    static void assertInvalidFrom(SmtpReply r, String what) {
        assertThat(r.code()).as("%s -> %s", what, r).isEqualTo(500);
        assertThat(r.text()).as("%s -> %s", what, r).contains("Invalid FROM");
    }

    static String outsider() {
        return "someone@" + PolicyMail.FOREIGN;
    }

    @Test
    @RequirementId("ENC-01")
    void cleartextSubmissionRefused(Target t, Evidence ev) throws Exception {
        RelayUnderTest relay = t.primary();
        Credentials a = relay.account();
        Credentials b = relay.account();
        assertEncryptionNeeded(PolicyMail.submit(t, ev, "cleartext A->B", a, List.of(b.address()),
                MessageFactory.plain(a.address(), List.of(b.address()))), "cleartext A->B");
        // 523 where the relay takes external recipients; a relay without federation refuses them at RCPT
        SmtpReply external = PolicyMail.submit(t, ev, "cleartext A->external", a, List.of(outsider()),
                MessageFactory.plain(a.address(), List.of(outsider())));
        assertThat(external.positive()).as("cleartext A->external -> %s", external).isFalse();
        if (external.code() != 523) {
            ev.line("external recipient refused before the content was seen: " + external);
        }
    }

    @Test
    @RequirementId("ENC-02")
    void cleartextIncomingRefused(Target t, Evidence ev) throws Exception {
        Credentials b = t.primary().account();
        assertEncryptionNeeded(PolicyMail.incoming(t, ev, "port 25 cleartext", outsider(), List.of(b.address()),
                MessageFactory.plain(outsider(), List.of(b.address()))), "port 25 cleartext to " + b.address());
    }

    @Test
    @RequirementId("ENC-13")
    void cleartextMxdelivRefused(Target t, Evidence ev) throws Exception {
        Credentials b = t.primary().account();
        RelayHttps.Answer r = FederationMail.mxdeliv(t, t.primary(), outsider(), List.of(b.address()),
                MessageFactory.plain(outsider(), List.of(b.address())), ev);
        if (FederationMail.notServed(r)) {
            throw new NotObservableException("the relay does not serve POST /mxdeliv (" + r.statusCode() + "): mail from "
                    + "other relays comes on port 25 only, and FED-01 judges whether it should");
        }
        assertThat(r.statusCode()).as("/mxdeliv cleartext -> %d %s", r.statusCode(), r.body().strip()).isEqualTo(400);
        String line = r.body().strip();
        assertThat(line).as("/mxdeliv answers with an SMTP reply line").matches("\\d{3}[ -].*");
        assertEncryptionNeeded(new SmtpReply(Integer.parseInt(line.substring(0, 3)), List.of(line)), "/mxdeliv cleartext to " + b.address());
        // the negative read waits until a control sent after the probe reached B (PolicyMail.deliveredBesidesControl)
        assertThat(PolicyMail.deliveredBesidesControl(t, ev, t.primary().account(), b)).as("nothing reached " + b.address()).isEmpty();
    }

    @Test
    @RequirementId("ENC-03")
    void fakeShellsRefused(Target t, Evidence ev) throws Exception {
        Credentials a = t.primary().account();
        Credentials b = t.primary().account();
        List<String> to = List.of(b.address());
        assertEncryptionNeeded(PolicyMail.submit(t, ev, "armor in text/plain", a, to,
                MessageFactory.fakeArmorInText(a.address(), to)), "armor in text/plain");
        assertEncryptionNeeded(PolicyMail.submit(t, ev, "literal data packet", a, to,
                MessageFactory.fakeLiteralPacket(a.address(), to)), "OpenPGP/MIME carrying a literal data packet");
        assertEncryptionNeeded(PolicyMail.submit(t, ev, "trailing packet", a, to,
                MessageFactory.fakeTrailingPacket(a.address(), to)), "encrypted packets followed by a literal packet");
    }

    @Test
    @RequirementId("ENC-04")
    void realEncryptedAccepted(Target t, Evidence ev) throws Exception {
        Credentials a = t.primary().account();
        Credentials b = t.primary().account();
        List<String> to = List.of(b.address());
        assertAccepted(PolicyMail.submit(t, ev, "encrypted A->B", a, to, MessageFactory.encrypted(a.address(), to)), "encrypted A->B");
        assertThat(PolicyMail.delivered(t, b)).as("delivered to B").hasValueSatisfying(m ->
                assertThat(m).contains("multipart/encrypted").contains("-----BEGIN PGP MESSAGE-----"));
        // a large one: BouncyCastle streams the SEIPD in partial-length chunks
        assertAccepted(PolicyMail.submit(t, ev, "encrypted 2 MB A->B", a, to,
                MessageFactory.encryptedOfSize(a.address(), b.address(), 2_000_000)), "encrypted 2 MB");
        assertNotRefusedForCleartext(PolicyMail.incoming(t, ev, "port 25 encrypted", outsider(), to,
                MessageFactory.encrypted(outsider(), to)), "port 25 encrypted");
    }

    @Test
    @RequirementId("ENC-05")
    void secureJoinAccepted(Target t, Evidence ev) throws Exception {
        Credentials a = t.primary().account();
        Credentials b = t.primary().account();
        for (String step : List.of("vc-request", "vg-request")) {
            assertAccepted(PolicyMail.submit(t, ev, step + " A->B", a, List.of(b.address()),
                    MessageFactory.secureJoin(a.address(), b.address(), step)), step + " submitted");
            assertNotRefusedForCleartext(PolicyMail.incoming(t, ev, step + " port 25", outsider(), List.of(b.address()),
                    MessageFactory.secureJoin(outsider(), b.address(), step)), step + " on port 25");
        }
    }

    @Test
    @RequirementId("ENC-06")
    void secureJoinLookalikeRefused(Target t, Evidence ev) throws Exception {
        Credentials a = t.primary().account();
        Credentials b = t.primary().account();
        for (String step : List.of("vc-request", "vg-request")) {
            assertEncryptionNeeded(PolicyMail.submit(t, ev, step + " look-alike A->B", a, List.of(b.address()),
                    MessageFactory.secureJoinLookalike(a.address(), b.address(), step)), step + " look-alike submitted");
            assertEncryptionNeeded(PolicyMail.incoming(t, ev, step + " look-alike port 25", outsider(), List.of(b.address()),
                    MessageFactory.secureJoinLookalike(outsider(), b.address(), step)), step + " look-alike on port 25");
        }
    }

    @Test
    @RequirementId("ENC-07")
    void setupMessageToSelfAccepted(Target t, Evidence ev) throws Exception {
        Credentials a = t.primary().account();
        assertAccepted(PolicyMail.submit(t, ev, "setup message A->A", a, List.of(a.address()),
                MessageFactory.setupMessage(a.address(), List.of(a.address()))), "Autocrypt Setup Message to oneself");
    }

    @Test
    @RequirementId("ENC-08")
    void setupMessageToOthersRefused(Target t, Evidence ev) throws Exception {
        Credentials a = t.primary().account();
        Credentials b = t.primary().account();
        assertEncryptionNeeded(PolicyMail.submit(t, ev, "setup message A->B", a, List.of(b.address()),
                MessageFactory.setupMessage(a.address(), List.of(b.address()))), "setup message to another user");
    }

    @Test
    @RequirementId("ENC-09")
    void bounceAccepted(Target t, Evidence ev) throws Exception {
        Credentials b = t.primary().account();
        assertNotRefusedForCleartext(PolicyMail.incoming(t, ev, "bounce port 25", "", List.of(b.address()),
                MessageFactory.bounce(PolicyMail.FOREIGN, b.address())), "mailer-daemon bounce");
    }

    @Test
    @RequirementId("ENC-10")
    void bounceLookalikeRefused(Target t, Evidence ev) throws Exception {
        Credentials b = t.primary().account();
        assertEncryptionNeeded(PolicyMail.incoming(t, ev, "bounce look-alike port 25", "", List.of(b.address()),
                MessageFactory.bounceLookalike(PolicyMail.FOREIGN, b.address())), "mailer-daemon advert");
    }

    @Test
    @RequirementId("ENC-11")
    void mixedRecipientLists(Target t, Evidence ev) throws Exception {
        Credentials a = t.primary().account();
        Credentials b = t.primary().account();
        Credentials c = t.primary().account();
        List<String> mixed = List.of(a.address(), b.address(), c.address());
        String cleartext = MessageFactory.plain(a.address(), mixed);
        assertEncryptionNeeded(PolicyMail.submit(t, ev, "cleartext A->A,B,C", a, mixed, cleartext),
                "cleartext to oneself and two others");
        assertAccepted(PolicyMail.submit(t, ev, "encrypted A->A,B,C", a, mixed,
                MessageFactory.encrypted(a.address(), mixed)), "encrypted to oneself and two others");
        assertThat(PolicyMail.delivered(t, c)).as("C got the encrypted message").isPresent();
        // the negative read waits until a control sent after the cleartext reached B (PolicyMail.deliveredBesidesControl)
        assertThat(PolicyMail.deliveredBesidesControl(t, ev, a, b)).as("the cleartext reached B")
                .noneMatch(m -> m.contains(PolicyMail.messageId(cleartext)));
    }

    @Test
    @RequirementId("ENC-12")
    void senderMismatchRefused(Target t, Evidence ev) throws Exception {
        Credentials a = t.primary().account();
        Credentials b = t.primary().account();
        List<String> to = List.of(b.address());
        SmtpReply envelope = PolicyMail.submit(t, ev, "MAIL FROM B as A", a, b.address(), to, MessageFactory.encrypted(b.address(), to));
        SmtpReply local = PolicyMail.submit(t, ev, "From: B as A", a, to, MessageFactory.encrypted(b.address(), to));
        SmtpReply external = PolicyMail.submit(t, ev, "From: outsider as A", a, to, MessageFactory.encrypted(outsider(), to));
        // set-up: the same message, correctly addressed, is taken and delivered (else a refusal above proves
        // nothing about the sender); it is also the positive control of the negative read at the end
        List<String> reached = PolicyMail.deliveredBesidesControl(t, ev, a, b);
        // Postfix reject_sender_login_mismatch: 553, at MAIL or (delayed reject) at RCPT
        assertThat(envelope.code()).as("MAIL FROM another user -> %s", envelope).isEqualTo(553);
        assertInvalidFrom(local, "From header of another local user");
        assertInvalidFrom(external, "From header of an external address");
        assertThat(reached).as("nothing forged reached B").isEmpty();
    }

    /** A message shape built for a sender and recipients. */
    @FunctionalInterface
    interface Shape {
        String build(String from, List<String> to);
    }

    /**
     * Every entry path of mail that must be refused as cleartext: submission on 465 and 587 as {@code a}, and,
     * as another relay, port 25 and {@code POST /mxdeliv} (where served) to the protected account {@code b}.
     * Each answer must be the 523 of the encryption rule; a path a relay does not serve is noted, not judged.
     */
    static void assertRefusedOnEveryPath(Target t, Evidence ev, String what, Shape shape, Credentials a, Credentials b)
            throws Exception {
        List<String> to = List.of(b.address());
        assertEncryptionNeeded(PolicyMail.submit(t, ev, what + " on 465", a, to, shape.build(a.address(), to)), what + " on 465");
        assertEncryptionNeeded(PolicyMail.submitStartTls(t, ev, what + " on 587", a, to, shape.build(a.address(), to)),
                what + " on 587");
        assertRefusedFromOtherRelays(t, ev, what, shape, b);
    }

    /** Port 25 and {@code POST /mxdeliv} (where served), as another relay, to the protected account {@code b}. */
    static void assertRefusedFromOtherRelays(Target t, Evidence ev, String what, Shape shape, Credentials b) throws Exception {
        List<String> to = List.of(b.address());
        assertEncryptionNeeded(PolicyMail.incoming(t, ev, what + " on port 25", outsider(), to, shape.build(outsider(), to)),
                what + " on port 25");
        RelayHttps.Answer r = FederationMail.mxdeliv(t, t.primary(), outsider(), to, shape.build(outsider(), to), ev);
        if (FederationMail.notServed(r)) {
            ev.line(what + ": /mxdeliv not served (" + r.statusCode() + "), that path not judged");
            return;
        }
        String line = r.body().strip();
        assertThat(r.statusCode()).as("%s on /mxdeliv -> %d %s", what, r.statusCode(), line).isEqualTo(400);
        assertThat(line).as("%s on /mxdeliv answers with an SMTP reply line", what).matches("(?s)\\d{3}[ -].*");
        assertEncryptionNeeded(new SmtpReply(Integer.parseInt(line.substring(0, 3)), List.of(line)), what + " on /mxdeliv");
    }

    @Test
    @RequirementId("ENC-03")
    void fakeShellsRefusedOnEveryPath(Target t, Evidence ev) throws Exception {
        Credentials a = Precondition.step("an account A", () -> t.primary().account());
        Credentials b = Precondition.step("an account B", () -> t.primary().account());
        java.util.Map<String, Shape> shells = new java.util.LinkedHashMap<>();
        shells.put("armor in text/plain", MessageFactory::fakeArmorInText);
        shells.put("literal data packet", MessageFactory::fakeLiteralPacket);
        shells.put("trailing packet", MessageFactory::fakeTrailingPacket);
        shells.put("third, cleartext part", MessageFactory::fakeThirdPart);
        shells.put("nested multipart with cleartext", MessageFactory::fakeNestedMultipart);
        for (var shell : shells.entrySet()) {
            assertRefusedOnEveryPath(t, ev, shell.getKey(), shell.getValue(), a, b);
        }
    }

    @Test
    @RequirementId("ENC-03")
    void versionArmorHeaderSubmissionRefused(Target t, Evidence ev) throws Exception {
        Credentials a = Precondition.step("an account A", () -> t.primary().account());
        Credentials b = Precondition.step("an account B", () -> t.primary().account());
        List<String> to = List.of(b.address());
        assertEncryptionNeeded(PolicyMail.submit(t, ev, "Version: armor header on 465", a, to,
                MessageFactory.encryptedWithVersionArmor(a.address(), to)), "armor with a Version: header on 465");
        assertEncryptionNeeded(PolicyMail.submitStartTls(t, ev, "Version: armor header on 587", a, to,
                MessageFactory.encryptedWithVersionArmor(a.address(), to)), "armor with a Version: header on 587");
    }

    @Test
    @RequirementId("ENC-08")
    void setupMessageToSelfAndOthersRefused(Target t, Evidence ev) throws Exception {
        Credentials a = Precondition.step("an account A", () -> t.primary().account());
        Credentials b = Precondition.step("an account B", () -> t.primary().account());
        for (List<String> to : List.of(List.of(a.address(), b.address()), List.of(b.address(), a.address()))) {
            assertEncryptionNeeded(PolicyMail.submit(t, ev, "setup message A->" + to, a, to,
                    MessageFactory.setupMessage(a.address(), to)), "setup message to " + to);
        }
        assertThat(PolicyMail.afterSettling(t, b)).as("no setup message reached B").isEmpty();
    }

    @Test
    @RequirementId("ENC-10")
    void reportsOtherThanBouncesRefused(Target t, Evidence ev) throws Exception {
        Credentials a = Precondition.step("an account A", () -> t.primary().account());
        Credentials b = Precondition.step("an account B", () -> t.primary().account());
        assertRefusedFromOtherRelays(t, ev, "cleartext read receipt from a user",
                (from, to) -> MessageFactory.report(from, to, "disposition-notification"), b);
        assertRefusedFromOtherRelays(t, ev, "delivery report from postmaster (no mailer daemon)",
                (from, to) -> MessageFactory.report("postmaster@" + PolicyMail.FOREIGN, to, "delivery-status"), b);
        List<String> to = List.of(b.address());
        assertEncryptionNeeded(PolicyMail.submit(t, ev, "read receipt submitted", a, to,
                MessageFactory.report(a.address(), to, "disposition-notification")), "cleartext read receipt submitted by a user");
        assertEncryptionNeeded(PolicyMail.submit(t, ev, "delivery report submitted", a, to,
                MessageFactory.report(a.address(), to, "delivery-status")), "delivery report submitted by a user");
    }
}
