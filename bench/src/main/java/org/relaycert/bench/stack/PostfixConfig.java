package org.relaycert.bench.stack;

/**
 * A private Postfix instance's {@code main.cf} and {@code master.cf} (started with {@code postfix -c DIR}):
 * queue and data directories in the stack directory, listening only on the stack's loopback address,
 * submission with implicit TLS on a high port authenticated by Dovecot's SASL socket, and one virtual
 * mailbox domain delivered by LMTP to Dovecot. Otherwise Postfix's defaults, as Debian ships it.
 */
public final class PostfixConfig {
    private PostfixConfig() {
    }

    public static String mainCf(StackLayout s) {
        return """
                # relaycert bench: a private Postfix instance (postfix -c %1$s); not the system's.
                compatibility_level = 3.6
                queue_directory = %2$s
                data_directory = %3$s
                meta_directory = /etc/postfix
                maillog_file = %4$s
                maillog_file_prefixes = %11$s
                myhostname = stack.%5$s
                mydomain = %5$s
                myorigin = %5$s
                mydestination =
                inet_interfaces = %6$s
                inet_protocols = ipv4
                mynetworks =
                alias_maps =
                alias_database =
                local_recipient_maps =
                biff = no
                smtputf8_enable = no
                # no DNS: the only destination is the virtual domain, handed to Dovecot over LMTP
                smtp_dns_support_level = disabled
                virtual_mailbox_domains = %5$s
                virtual_transport = lmtp:inet:%6$s:%7$d
                smtpd_tls_cert_file = %8$s
                smtpd_tls_key_file = %9$s
                smtpd_tls_security_level = may
                smtpd_sasl_type = dovecot
                smtpd_sasl_path = %10$s
                smtpd_sasl_auth_enable = yes
                smtpd_relay_restrictions = permit_sasl_authenticated, reject_unauth_destination
                smtpd_recipient_restrictions = permit_sasl_authenticated, reject
                """.formatted(s.postfixConfig(), s.postfixQueue(), s.postfixData(), s.postfixLog(), s.domain(), s.host(),
                s.lmtp(), s.certificate(), s.key(), s.authSocket(), s.dir());
    }

    /** Debian's services, none chrooted (the queue is not a chroot jail), plus submission over implicit TLS. */
    public static String masterCf(StackLayout s) {
        return """
                # service    type  private unpriv chroot wakeup maxproc command
                %1$s:%2$d inet  n       -      n      -      -       smtpd -o smtpd_tls_wrappermode=yes -o smtpd_sasl_auth_enable=yes
                pickup       unix  n       -      n      60     1       pickup
                cleanup      unix  n       -      n      -      0       cleanup
                qmgr         unix  n       -      n      300    1       qmgr
                tlsmgr       unix  -       -      n      1000?  1       tlsmgr
                rewrite      unix  -       -      n      -      -       trivial-rewrite
                bounce       unix  -       -      n      -      0       bounce
                defer        unix  -       -      n      -      0       bounce
                trace        unix  -       -      n      -      0       bounce
                verify       unix  -       -      n      -      1       verify
                flush        unix  n       -      n      1000?  0       flush
                proxymap     unix  -       -      n      -      -       proxymap
                proxywrite   unix  -       -      n      -      1       proxymap
                smtp         unix  -       -      n      -      -       smtp
                relay        unix  -       -      n      -      -       smtp
                showq        unix  n       -      n      -      -       showq
                error        unix  -       -      n      -      -       error
                retry        unix  -       -      n      -      -       error
                discard      unix  -       -      n      -      -       discard
                lmtp         unix  -       -      n      -      -       lmtp
                anvil        unix  -       -      n      -      1       anvil
                scache       unix  -       -      n      -      1       scache
                postlog      unix-dgram n   -      n      -      1       postlogd
                """.formatted(s.host(), s.smtps());
    }
}
