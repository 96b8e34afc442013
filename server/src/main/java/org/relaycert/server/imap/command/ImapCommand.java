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

    /**
     * Whether EXPUNGE responses may precede this command's completion; RFC 3501 7.4.1 forbids them
     * during FETCH, STORE and SEARCH (not their UID forms) because sequence numbers would shift.
     */
    default boolean allowsExpungeResponses() {
        return true;
    }

    /** Runs the command, writing untagged responses to the session, and returns the tagged result. */
    Completion execute(ImapSession session) throws StoreException;
}
