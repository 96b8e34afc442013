package org.relaycert.server.delivery;

/**
 * What becomes of mail the relay accepted but cannot deliver to a local mailbox, as the real-world settings
 * behind it. {@link #chatmail()} is what chatmail deploys; the other values describe relays in the wild.
 *
 * @param unknownRecipients     how a recipient of our domain without a mailbox is treated
 * @param resetForgedReturnPath filtermail 0.5.2 and later (issue #67): mail from another relay whose MAIL FROM
 *                              is not its From address is reinjected with the null sender {@code <>}, so no
 *                              bounce ever goes to a forged (or SRS) return path
 */
public record BounceRules(UnknownRecipients unknownRecipients, boolean resetForgedReturnPath) {

    /** Postfix {@code local_recipient_maps} and what the local delivery agent does with the rest. */
    public enum UnknownRecipients {
        /**
         * {@code local_recipient_maps =} (empty): accepted at RCPT, refused afterwards by LMTP
         * ({@code 550 5.1.1 User doesn't exist}) and bounced to the sender, so RCPT tells no one who exists.
         */
        BOUNCE,
        /** Postfix's default {@code local_recipient_maps}: {@code 550 5.1.1 ... User unknown} at RCPT. */
        REFUSE_AT_RCPT,
        /** A catch-all to a discarding alias ({@code luser_relay} to {@code /dev/null}): accepted and dropped. */
        DISCARD
    }

    public static BounceRules chatmail() {
        return new BounceRules(UnknownRecipients.BOUNCE, true);
    }

    public BounceRules withUnknownRecipients(UnknownRecipients treatment) {
        return new BounceRules(treatment, resetForgedReturnPath);
    }

    public BounceRules withResetForgedReturnPath(boolean reset) {
        return new BounceRules(unknownRecipients, reset);
    }
}
