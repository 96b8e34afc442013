package org.relaycert.server;

/** The listening services of a relay. */
public enum Service {
    /** Port 25: MX for other relays, STARTTLS mandatory. */
    SMTP,
    /** Port 587: submission, STARTTLS mandatory. */
    SUBMISSION,
    /** Port 465: submission over implicit TLS. */
    SMTPS,
    /** Port 143: IMAP with STARTTLS. */
    IMAP,
    /** Port 993: IMAP over implicit TLS. */
    IMAPS,
    /** Port 443: HTTPS (/new, autoconfig, /mxdeliv). */
    HTTPS
}
