package org.relaycert.bench.stack;

import java.nio.file.Path;

/**
 * Where a private Postfix + Dovecot stack lives: everything under one directory, listening on one loopback
 * address on high ports, so it never touches the system's own services or configuration.
 *
 * @param dir       the stack's directory (configuration, queue, mail, logs)
 * @param host      the loopback address both listen on
 * @param domain    the virtual mailbox domain
 * @param smtps     Postfix submission port (implicit TLS, SASL through Dovecot)
 * @param imaps     Dovecot IMAP port (implicit TLS)
 * @param lmtp      Dovecot LMTP port (Postfix's virtual transport)
 * @param mailUid   owner of the Maildirs (an unprivileged system user)
 * @param mailGid   its group
 */
public record StackLayout(Path dir, String host, String domain, int smtps, int imaps, int lmtp, int mailUid, int mailGid) {

    public Path postfixConfig() {
        return dir.resolve("postfix");
    }

    public Path postfixQueue() {
        return dir.resolve("postfix-queue");
    }

    public Path postfixData() {
        return dir.resolve("postfix-data");
    }

    public Path postfixLog() {
        return dir.resolve("postfix.log");
    }

    public Path dovecotConfig() {
        return dir.resolve("dovecot").resolve("dovecot.conf");
    }

    public Path dovecotRun() {
        return dir.resolve("dovecot-run");
    }

    public Path dovecotLog() {
        return dir.resolve("dovecot.log");
    }

    public Path users() {
        return dir.resolve("dovecot").resolve("users");
    }

    /** Dovecot's SASL socket for Postfix's smtpd (Dovecot names it relative to its base directory). */
    public Path authSocket() {
        return dovecotRun().resolve("auth-postfix");
    }

    public Path mail() {
        return dir.resolve("mail");
    }

    public Path tls() {
        return dir.resolve("tls");
    }

    public Path certificate() {
        return tls().resolve("cert.pem");
    }

    public Path key() {
        return tls().resolve("key.pem");
    }
}
