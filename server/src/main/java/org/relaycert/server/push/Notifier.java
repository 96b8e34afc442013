package org.relaycert.server.push;

/**
 * What happens when a message reaches a user's INBOX by delivery: the relay's way of waking the user's
 * devices. Must return quickly and never throw: delivery never waits for a notification.
 */
@FunctionalInterface
public interface Notifier {

    /** A relay without push (plain Dovecot): devices learn of mail only when they poll or IDLE. */
    Notifier NONE = new Notifier() {
        @Override
        public void delivered(String address) {
        }

        @Override
        public boolean interested(String address) {
            return false;
        }
    };

    void delivered(String address);

    /**
     * Whether {@link #delivered} could do anything for {@code address} (it has devices to wake): asked first, so a
     * delivery to a user without any does not read the new message's header to find out whether it would notify.
     */
    default boolean interested(String address) {
        return true;
    }
}
