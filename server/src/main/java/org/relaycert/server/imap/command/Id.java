package org.relaycert.server.imap.command;

import java.util.Set;
import org.relaycert.server.imap.parse.ArgumentReader;
import org.relaycert.server.imap.parse.SyntaxException;
import org.relaycert.server.imap.session.Completion;
import org.relaycert.server.imap.session.ImapSession;
import org.relaycert.server.imap.session.SessionState;

/**
 * RFC 2971:
 * <pre>
 * id             = "ID" SP id-params-list
 * id-params-list = "(" *(string SP nstring) ")" / nil
 * </pre>
 * The client's parameters are read for syntax and not kept.
 */
public record Id(String tag) implements ImapCommand {

    public static Id parse(String tag, ArgumentReader r) throws SyntaxException {
        r.sp();
        if (r.peekIs('(')) {
            r.expect('(');
            boolean first = true;
            while (!r.consume(')')) {
                if (!first) {
                    r.sp();
                }
                first = false;
                r.string();
                r.sp();
                r.nstring();
            }
        } else {
            r.nstring();
        }
        r.end();
        return new Id(tag);
    }

    public Set<SessionState> validIn() {
        return ANY;
    }

    public Completion execute(ImapSession s) {
        s.untagged("ID (\"name\" \"relaycert\")");
        return Completion.ok("ID completed.");
    }
}
