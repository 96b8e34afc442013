package org.relaycert.server.imap.command;

import java.util.EnumSet;
import java.util.Set;
import org.relaycert.server.imap.session.Completion;
import org.relaycert.server.imap.session.ImapSession;
import org.relaycert.server.imap.session.SessionState;
import org.relaycert.server.store.StoreException;

/** A parsed client command: a value from the parser plus the behaviour that answers it. */
public interface ImapCommand {
    Set<SessionState> ANY = EnumSet.of(SessionState.NOT_AUTHENTICATED, SessionState.AUTHENTICATED, SessionState.SELECTED);
    Set<SessionState> NOT_AUTHENTICATED = EnumSet.of(SessionState.NOT_AUTHENTICATED);
    Set<SessionState> AUTHENTICATED = EnumSet.of(SessionState.AUTHENTICATED, SessionState.SELECTED);
    Set<SessionState> SELECTED = EnumSet.of(SessionState.SELECTED);

    String tag();

    /** States in which the command is allowed; elsewhere the session answers BAD. */
    Set<SessionState> validIn();

    /** Runs the command, writing untagged responses to the session, and returns the tagged result. */
    Completion execute(ImapSession session) throws StoreException;
}
