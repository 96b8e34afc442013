package org.relaycert.server.smtp;

import org.relaycert.server.delivery.Origin;

/**
 * The three SMTP listeners of a chatmail relay and how they differ (spec 2.1, 2.4, 2.5).
 * Every port requires TLS before mail commands; the submission ports also require AUTH.
 */
public enum SmtpPort {
    /** Port 25: other relays; STARTTLS mandatory, no AUTH offered, any sender. */
    MX(25, false, Origin.MX),
    /** Port 587: users; STARTTLS mandatory, AUTH only after TLS and required for MAIL. */
    SUBMISSION(587, false, Origin.SUBMISSION),
    /** Port 465: users; implicit TLS (wrapper mode), AUTH required for MAIL. */
    SUBMISSIONS(465, true, Origin.SUBMISSION);

    private final int standardPort;
    private final boolean implicitTls;
    private final Origin origin;

    SmtpPort(int standardPort, boolean implicitTls, Origin origin) {
        this.standardPort = standardPort;
        this.implicitTls = implicitTls;
        this.origin = origin;
    }

    public int standardPort() {
        return standardPort;
    }

    /** TLS starts with the connection, before the greeting (RFC 8314). */
    public boolean implicitTls() {
        return implicitTls;
    }

    /** Users submit here: AUTH is offered after TLS and required before MAIL. */
    public boolean submission() {
        return origin == Origin.SUBMISSION;
    }

    public Origin origin() {
        return origin;
    }
}
