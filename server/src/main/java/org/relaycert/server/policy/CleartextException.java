package org.relaycert.server.policy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.relaycert.server.delivery.Envelope;
import org.relaycert.server.delivery.Origin;

/**
 * A kind of cleartext mail a chatmail relay lets through although it is not encrypted. The reference
 * exceptions are chatmail's; {@link EncryptionPolicy#withExceptions} replaces the list.
 */
@FunctionalInterface
public interface CleartextException {

    boolean allows(Envelope envelope, MailFacts mail) throws MailFacts.UnparsableException;

    /** chatmail's list: Secure-Join handshakes, the self-sent Autocrypt Setup Message, mailer-daemon bounces. */
    static List<CleartextException> chatmail() {
        return List.of(SECURE_JOIN, SETUP_MESSAGE_TO_SELF, MAILER_DAEMON_BOUNCE);
    }

    /**
     * The first Secure-Join step, sent before keys are known: header {@code Secure-Join: vc-request} or
     * {@code vg-request}, and a multipart whose one text/plain part says exactly that (trimmed, any case).
     */
    CleartextException SECURE_JOIN = (envelope, mail) -> {
        String step = mail.header("Secure-Join").orElse("");
        if (!step.equals("vc-request") && !step.equals("vg-request") || !mail.isMultipart() || mail.nestedMultipart()) {
            return false;
        }
        List<MailFacts.Leaf> leaves = mail.leaves();
        if (leaves.size() != 1 || !leaves.get(0).mimeType().equals("text/plain")) {
            return false;
        }
        String body = leaves.get(0).text().strip().toLowerCase(Locale.ROOT);
        return body.equals("secure-join: vc-request") || body.equals("secure-join: vg-request");
    };

    /**
     * The Autocrypt Setup Message (Autocrypt 1.1 section 4.4) a user sends to themselves, outgoing only:
     * one recipient equal to From, Subject exactly "Autocrypt Setup Message", top-level multipart/mixed.
     */
    CleartextException SETUP_MESSAGE_TO_SELF = (envelope, mail) -> envelope.origin() == Origin.SUBMISSION
            && envelope.recipients().size() == 1
            && mail.fromAddress().map(from -> from.equalsIgnoreCase(envelope.recipients().get(0))).orElse(false)
            && mail.header("Subject").map("Autocrypt Setup Message"::equals).orElse(false)
            && mail.mimeType().equals("multipart/mixed");

    /**
     * A delivery status notification (RFC 3464) from another relay's mailer daemon, incoming only: a
     * non-empty Auto-Submitted header, From {@code mailer-daemon@...}, top-level multipart/report.
     */
    CleartextException MAILER_DAEMON_BOUNCE = (envelope, mail) -> envelope.origin() != Origin.SUBMISSION
            && !mail.header("Auto-Submitted").orElse("").isEmpty()
            && mail.fromAddress().map(a -> a.startsWith("mailer-daemon@")).orElse(false)
            && mail.mimeType().equals("multipart/report");

    /**
     * chatmail.ini {@code passthrough_senders} (exact addresses) and {@code passthrough_recipients} (exact
     * addresses, or {@code @domain}): mail from such a sender, or only to such recipients, passes. Removed
     * from chatmail in 1.11.0; empty lists (the default) let nothing through.
     */
    static CleartextException passthrough(List<String> senders, List<String> recipients) {
        Set<String> from = Set.copyOf(senders.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList());
        List<String> to = recipients.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        return (envelope, mail) -> from.contains(envelope.mailFrom().toLowerCase(Locale.ROOT))
                || !to.isEmpty() && envelope.recipients().stream().allMatch(r -> to.stream().anyMatch(p ->
                        p.startsWith("@") ? r.toLowerCase(Locale.ROOT).endsWith(p) : r.equalsIgnoreCase(p)));
    }
}
