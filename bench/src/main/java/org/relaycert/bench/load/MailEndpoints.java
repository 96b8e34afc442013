package org.relaycert.bench.load;

/**
 * Where the driver submits (implicit-TLS SMTP) and where the recipient idles (implicit-TLS IMAP): one server
 * for the same-relay figures and the Postfix + Dovecot stack, two relays for the federated figure.
 */
record MailEndpoints(String smtpHost, int smtps, String imapHost, int imaps) {
    static MailEndpoints oneServer(String host, int smtps, int imaps) {
        return new MailEndpoints(host, smtps, host, imaps);
    }
}
