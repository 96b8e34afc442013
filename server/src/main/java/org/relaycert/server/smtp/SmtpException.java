package org.relaycert.server.smtp;

import org.relaycert.server.delivery.Reply;

/** A command failed with a protocol reply; the session sends the reply and reads the next command. */
final class SmtpException extends Exception {
    private final Reply reply;

    SmtpException(Reply reply) {
        super(reply.line(), null, false, false);
        this.reply = reply;
    }

    SmtpException(int code, String enhanced, String text) {
        this(Reply.of(code, enhanced, text));
    }

    Reply reply() {
        return reply;
    }

    static SmtpException syntax(String usage) {
        return new SmtpException(501, "5.5.4", "Syntax: " + usage);
    }

    static SmtpException badSequence(String text) {
        return new SmtpException(503, "5.5.1", "Error: " + text);
    }
}
