package org.relaycert.server.smtp;

import static org.relaycert.server.smtp.Command.authRequiresTls;
import static org.relaycert.server.smtp.Command.requiresAuth;
import static org.relaycert.server.smtp.Command.requiresHelo;
import static org.relaycert.server.smtp.Command.requiresTls;

import java.util.Locale;
import java.util.Optional;

/** The verbs this server knows, each bound to its command with the policy decorators it needs. */
enum Verb {
    EHLO(new Ehlo()),
    HELO(new Helo()),
    MAIL(requiresTls(requiresHelo(requiresAuth(new Mail())))),
    RCPT(requiresTls(new Rcpt())),
    DATA(requiresTls(new Data())),
    RSET(new Rset()),
    NOOP(new Noop()),
    QUIT(new Quit()),
    VRFY(requiresTls(new Vrfy())),
    EXPN(new Expn()),
    HELP(new Help()),
    STARTTLS(new StartTls()),
    AUTH(authRequiresTls(requiresHelo(new Auth())));

    private final Command command;

    Verb(Command command) {
        this.command = command;
    }

    Command command() {
        return command;
    }

    static Optional<Verb> lookup(String word) {
        String upper = word.toUpperCase(Locale.ROOT);
        for (Verb v : values()) {
            if (v.name().equals(upper)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
