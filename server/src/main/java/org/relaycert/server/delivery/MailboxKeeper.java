package org.relaycert.server.delivery;

import org.relaycert.server.store.StoreException;
import org.relaycert.server.store.UserMailbox;

/** Housekeeping after each local delivery (chatmail: Dovecot's quota warning runs chatmail-quota-expire). */
@FunctionalInterface
public interface MailboxKeeper {
    void delivered(UserMailbox mailbox) throws StoreException;

    MailboxKeeper NONE = mailbox -> { };
}
