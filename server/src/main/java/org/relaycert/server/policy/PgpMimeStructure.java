package org.relaycert.server.policy;

import java.util.List;
import org.relaycert.server.delivery.Origin;

/**
 * The OpenPGP/MIME structure test (RFC 3156 section 4), as chatmail's filtermail applies it:
 *
 * <pre>
 * Content-Type: multipart/encrypted; protocol="application/pgp-encrypted"
 *   part 1: application/pgp-encrypted   body, trimmed, exactly "Version: 1"
 *   part 2: application/octet-stream    body an armored OpenPGP message (see {@link ArmoredMessage})
 *                                       whose packets pass {@link OpenPgpPackets}
 * no nested multiparts, no third part
 * </pre>
 *
 * Armor header lines ({@code Version:}) are refused in submitted mail and skipped in mail from other relays,
 * as filtermail's {@code check_armored_payload(outgoing)} does.
 *
 * Unlike filtermail v0.2.0, the encrypted part must exist (a lone version part does not pass).
 */
public record PgpMimeStructure(OpenPgpPackets packets) implements EncryptedTest {

    public static PgpMimeStructure reference() {
        return new PgpMimeStructure(OpenPgpPackets.reference());
    }

    /** The incoming form: armor headers skipped. */
    @Override
    public boolean isEncrypted(MailFacts mail) throws MailFacts.UnparsableException {
        return isEncrypted(mail, true);
    }

    @Override
    public boolean isEncrypted(MailFacts mail, Origin origin) throws MailFacts.UnparsableException {
        return isEncrypted(mail, origin != Origin.SUBMISSION);
    }

    private boolean isEncrypted(MailFacts mail, boolean armorHeadersAllowed) throws MailFacts.UnparsableException {
        if (!mail.mimeType().equals("multipart/encrypted")
                || !mail.contentTypeParameter("protocol").map("application/pgp-encrypted"::equalsIgnoreCase).orElse(false)
                || mail.nestedMultipart() || mail.childCount() != 2) {
            return false;
        }
        List<MailFacts.Leaf> parts = mail.leaves();
        MailFacts.Leaf version = parts.get(0);
        MailFacts.Leaf data = parts.get(1);
        return version.mimeType().equals("application/pgp-encrypted")
                && version.text().strip().equals("Version: 1")
                && data.mimeType().equals("application/octet-stream")
                && data.read(text -> ArmoredMessage.isEncrypted(text, packets, armorHeadersAllowed));
    }
}
