package org.relaycert.server.dkim;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.relaycert.server.delivery.Envelope;
import org.relaycert.server.delivery.MailPolicy;
import org.relaycert.server.delivery.Origin;
import org.relaycert.server.delivery.RejectedException;
import org.relaycert.server.delivery.Reply;
import org.relaycert.server.delivery.SpooledMessage;
import org.relaycert.server.federation.IpLiteral;

/**
 * filtermail-incoming's DKIM rule (spec 8.2), on port 25 and {@code /mxdeliv}: at least one signature must
 * verify with {@code d=} equal to the From domain (strict alignment), else {@code 554 5.7.1}. A From domain that
 * is an address literal ({@code x@[1.2.3.4]}) needs no signature; the literal must be the connecting address.
 */
public final class InboundDkimPolicy implements MailPolicy {
    public static final Reply NO_SIGNATURE = Reply.of(554, "5.7.1", "No DKIM signature found");
    public static final Reply NO_VALID_SIGNATURE = Reply.of(554, "5.7.1", "No valid DKIM signature found");

    /** Which valid signatures count. */
    public enum Alignment {
        /** {@code d=} equals the From domain (chatmail's filtermail). */
        STRICT,
        /** Any valid signature (a verifier without DMARC-style alignment, as plain OpenDKIM verification). */
        NONE
    }

    private final DkimVerifier verifier;
    private final Alignment alignment;

    public InboundDkimPolicy(DkimVerifier verifier) {
        this(verifier, Alignment.STRICT);
    }

    public InboundDkimPolicy(DkimVerifier verifier, Alignment alignment) {
        this.verifier = verifier;
        this.alignment = alignment;
    }

    public DkimVerifier verifier() {
        return verifier;
    }

    /** The header is parsed in memory; body hashes are computed as the body streams from the spool. */
    @Override
    public SpooledMessage message(Envelope envelope, SpooledMessage message) throws RejectedException {
        if (envelope.origin() == Origin.SUBMISSION) {
            return message;
        }
        try {
            if (!message.crlfFramed()) { // bare line ends: the in-memory reading decides what is body
                return MailPolicy.super.message(envelope, message);
            }
        } catch (java.io.IOException e) {
            throw new RejectedException(Reply.of(451, "4.3.0", "Error: local error in processing"));
        }
        HeaderBlock block = HeaderBlock.parse(message.head());
        judge(envelope, block, () -> verifier.verify(block, c -> {
            try (java.io.InputStream body = message.openBody()) {
                return DkimSigner.bodyHash(body, c);
            }
        }));
        return message;
    }

    @Override
    public byte[] message(Envelope envelope, byte[] message) throws RejectedException {
        if (envelope.origin() == Origin.SUBMISSION) {
            return message;
        }
        judge(envelope, HeaderBlock.parse(message), () -> verifier.verify(message));
        return message;
    }

    private void judge(Envelope envelope, HeaderBlock block,
                       java.util.function.Supplier<List<DkimVerifier.Result>> verification) throws RejectedException {
        List<String> from = block.values("From");
        Optional<String> domain = from.size() == 1 ? fromDomain(from.get(0)) : Optional.empty();
        if (domain.isEmpty()) {
            throw new RejectedException(Reply.plain(500, "Invalid FROM header: " + String.join(", ", from).strip()));
        }
        Optional<java.net.InetAddress> literal = IpLiteral.parse(domain.get());
        if (literal.isPresent()) {
            // an address-literal relay has no DNS to publish a key in: it must connect from the address it names
            java.net.InetAddress origin = envelope.client() == null ? null : envelope.client().getAddress();
            if (!literal.get().equals(origin)) {
                throw new RejectedException(Reply.plain(500, "Invalid FROM domain literal: " + domain.get()
                        + " does not match origin IP " + (origin == null ? "unknown" : origin.getHostAddress())));
            }
            return;
        }
        List<DkimVerifier.Result> results = verification.get();
        if (results.isEmpty()) {
            throw new RejectedException(NO_SIGNATURE);
        }
        boolean aligned = results.stream().anyMatch(r -> r.valid()
                && (alignment == Alignment.NONE || r.domain().equalsIgnoreCase(domain.get())));
        if (!aligned) {
            throw new RejectedException(NO_VALID_SIGNATURE);
        }
    }

    /**
     * The domain of the single address in a From value ({@code "Name" <a@b>} or {@code a@b}); comments are no part
     * of it (Postfix's own DSNs say {@code MAILER-DAEMON@domain (Mail Delivery System)}).
     */
    static Optional<String> fromDomain(String value) {
        String v = value.replace("\r\n", "").replaceAll("\\([^()\"]*\\)", " ").strip();
        int lt = v.lastIndexOf('<');
        int gt = v.lastIndexOf('>');
        String addr = lt >= 0 && gt > lt ? v.substring(lt + 1, gt) : v;
        int at = addr.lastIndexOf('@');
        if (at <= 0 || at == addr.length() - 1 || addr.contains(",")) {
            return Optional.empty();
        }
        return Optional.of(addr.substring(at + 1).strip().toLowerCase(Locale.ROOT));
    }
}
