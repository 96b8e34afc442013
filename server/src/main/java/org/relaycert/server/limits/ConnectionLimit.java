package org.relaycert.server.limits;

/**
 * How many connections one listener keeps open at once, in total and from one client address.
 *
 * @param max        Postfix {@code maxproc} of the service, Dovecot {@code process_limit}
 * @param perAddress Postfix {@code smtpd_client_connection_count_limit}; {@code max} where there is none
 */
public record ConnectionLimit(int max, int perAddress) {
    public static final ConnectionLimit UNLIMITED = new ConnectionLimit(Integer.MAX_VALUE, Integer.MAX_VALUE);

    public ConnectionLimit {
        if (max < 1 || perAddress < 1) {
            throw new IllegalArgumentException("connection limits must be positive: " + max + ", " + perAddress);
        }
    }

    /** chatmail's master.cf: {@code max_smtp_connections} per SMTP service, one client may use a fifth. */
    public static ConnectionLimit smtp(int maxSmtpConnections) {
        return new ConnectionLimit(maxSmtpConnections, Math.max(1, maxSmtpConnections / 5));
    }

    /** chatmail's dovecot.conf: {@code max_imap_connections} imap processes, no per-address share. */
    public static ConnectionLimit imap(int maxImapConnections) {
        return new ConnectionLimit(maxImapConnections, maxImapConnections);
    }
}
