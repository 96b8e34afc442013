package org.relaycert.server.expiry;

/** What a message's age is measured from when the sweep decides whether it expired. */
public enum MessageAge {
    /**
     * Its INTERNALDATE, which Dovecot's Maildir keeps as the file mtime, so a message APPENDed with an old
     * date-time is old at once (chatmail expire.py looks at the mtime).
     */
    INTERNALDATE,
    /** When it reached this server, whatever date an APPEND gave it (servers that expire by receipt time). */
    ARRIVAL
}
