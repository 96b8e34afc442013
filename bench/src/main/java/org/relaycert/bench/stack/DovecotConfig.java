package org.relaycert.bench.stack;

import java.util.Map;

/**
 * A private Dovecot instance's configuration (started with {@code dovecot -F -c FILE}): IMAP with implicit TLS
 * and LMTP on the stack's loopback address and high ports, its own base and state directories, a static
 * passwd-file of the bench accounts (plain passwords: these are throwaway loopback accounts), Maildirs in the
 * stack directory owned by an unprivileged user, and the SASL socket Postfix authenticates through.
 * IDLE is Dovecot's default (inotify on the Maildir).
 */
public final class DovecotConfig {
    private DovecotConfig() {
    }

    public static String dovecotConf(StackLayout s) {
        return """
                # relaycert bench: a private Dovecot instance (dovecot -c %1$s); not the system's.
                base_dir = %2$s
                state_dir = %2$s/state
                log_path = %3$s
                protocols = imap lmtp
                listen = %4$s
                ssl = required
                ssl_cert = <%5$s
                ssl_key = <%6$s
                auth_mechanisms = plain login
                mail_location = maildir:%7$s/%%d/%%n
                first_valid_uid = %8$d
                first_valid_gid = %9$d
                mail_uid = %8$d
                mail_gid = %9$d
                passdb {
                  driver = passwd-file
                  args = scheme=PLAIN username_format=%%u %10$s
                }
                userdb {
                  driver = static
                  args = uid=%8$d gid=%9$d home=%7$s/%%d/%%n allow_all_users=yes
                }
                service imap-login {
                  inet_listener imap {
                    port = 0
                  }
                  inet_listener imaps {
                    address = %4$s
                    port = %11$d
                    ssl = yes
                  }
                }
                service lmtp {
                  inet_listener lmtp {
                    address = %4$s
                    port = %12$d
                  }
                }
                service auth {
                  unix_listener %13$s {
                    mode = 0666
                  }
                }
                protocol imap {
                  mail_max_userip_connections = 10000
                }
                """.formatted(s.dovecotConfig(), s.dovecotRun(), s.dovecotLog(), s.host(), s.certificate(), s.key(),
                s.mail(), s.mailUid(), s.mailGid(), s.users(), s.imaps(), s.lmtp(), s.authSocket().getFileName());
    }

    /** One {@code address:{PLAIN}password} line per account. */
    public static String passwdFile(Map<String, String> passwords) {
        StringBuilder b = new StringBuilder();
        passwords.forEach((address, password) -> {
            if (address.contains(":") || password.contains(":") || address.contains("\n") || password.contains("\n")) {
                throw new IllegalArgumentException("a passwd-file field cannot hold ':' or a line break: " + address);
            }
            b.append(address).append(":{PLAIN}").append(password).append('\n');
        });
        return b.toString();
    }
}
