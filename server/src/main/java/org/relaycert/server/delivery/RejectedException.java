package org.relaycert.server.delivery;

/** Thrown by a policy or intake step to refuse with a specific reply; the protocol layer sends it as is. */
public final class RejectedException extends Exception {
    private final Reply reply;

    public RejectedException(Reply reply) {
        super(reply.line(), null, false, false);
        this.reply = reply;
    }

    public Reply reply() {
        return reply;
    }
}
