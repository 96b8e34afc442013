package org.relaycert.server.delivery;

/** Thrown by a policy or intake step to refuse with a specific reply; the protocol layer sends it as is. */
public final class RejectedException extends Exception {
    private final Reply reply;
    private final boolean atRecipient;

    public RejectedException(Reply reply) {
        this(reply, false);
    }

    private RejectedException(Reply reply, boolean atRecipient) {
        super(reply.line(), null, false, false);
        this.reply = reply;
        this.atRecipient = atRecipient;
    }

    /**
     * A refusal of MAIL FROM that SMTP sends at each RCPT instead, as Postfix does with chatmail's
     * {@code smtpd_delay_reject = yes} (its default): MAIL gets 250 and every recipient gets this reply.
     */
    public static RejectedException atRecipient(Reply reply) {
        return new RejectedException(reply, true);
    }

    /** Whether SMTP sends this refusal at RCPT rather than at the command that caused it. */
    public boolean delayedToRecipient() {
        return atRecipient;
    }

    public Reply reply() {
        return reply;
    }
}
