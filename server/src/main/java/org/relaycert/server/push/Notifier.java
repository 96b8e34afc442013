package org.relaycert.server.push;

/**
 * What happens when a message reaches a user's INBOX by delivery: the relay's way of waking the user's
 * devices. Must return quickly and never throw: delivery never waits for a notification.
 */
@FunctionalInterface
public interface Notifier {

    /** A relay without push (plain Dovecot): devices learn of mail only when they poll or IDLE. */
    Notifier NONE = address -> {
    };

    void delivered(String address);
}
