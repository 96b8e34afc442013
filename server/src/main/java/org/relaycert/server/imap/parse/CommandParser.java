package org.relaycert.server.imap.parse;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.relaycert.server.imap.command.Append;
import org.relaycert.server.imap.command.Authenticate;
import org.relaycert.server.imap.command.CopyMove;
import org.relaycert.server.imap.command.Expunge;
import org.relaycert.server.imap.command.Fetch;
import org.relaycert.server.imap.command.FolderCommand;
import org.relaycert.server.imap.command.Id;
import org.relaycert.server.imap.command.ImapCommand;
import org.relaycert.server.imap.command.ListFolders;
import org.relaycert.server.imap.command.Login;
import org.relaycert.server.imap.command.Metadata;
import org.relaycert.server.imap.command.Quota;
import org.relaycert.server.imap.command.Search;
import org.relaycert.server.imap.command.Select;
import org.relaycert.server.imap.command.SimpleCommands;
import org.relaycert.server.imap.command.Status;
import org.relaycert.server.imap.command.StoreFlags;

/**
 * Turns one decoded line into a command value (RFC 3501 9):
 * <pre>
 * command = tag SP (command-any / command-auth / command-nonauth / command-select) CRLF
 * tag     = 1*&lt;any ASTRING-CHAR except "+"&gt;
 * uid     = "UID" SP (copy / move / fetch / search / store / uid-expunge)
 * </pre>
 * No behaviour here: the result says what was asked, the command classes decide what happens.
 */
public final class CommandParser {
    private CommandParser() {
    }

    /** The tag of a line, for answering a line that does not parse; {@code *} when there is none. */
    public static String tagOf(byte[] line) {
        int end = 0;
        while (end < line.length && end < 64 && ArgumentReader.isAtomChar(line[end] & 0xff) && line[end] != '+') {
            end++;
        }
        boolean ok = end > 0 && (end == line.length || line[end] == ' ');
        return ok ? new String(line, 0, end, StandardCharsets.US_ASCII) : "*";
    }

    public static ImapCommand parse(byte[] line) throws SyntaxException {
        ArgumentReader r = new ArgumentReader(line);
        String tag = r.word(c -> ArgumentReader.isAtomChar(c) && c != '+', "a tag");
        r.sp();
        String name = r.atom().toUpperCase(Locale.ROOT);
        boolean byUid = false;
        if (name.equals("UID")) {
            r.sp();
            byUid = true;
            name = r.atom().toUpperCase(Locale.ROOT);
        }
        ImapCommand command = byUid ? uidCommand(tag, name, r) : command(tag, name, r);
        if (command == null) {
            throw new SyntaxException("Unknown command " + (byUid ? "UID " : "") + name);
        }
        return command;
    }

    private static ImapCommand uidCommand(String tag, String name, ArgumentReader r) throws SyntaxException {
        return switch (name) {
            case "FETCH" -> Fetch.parse(tag, true, r);
            case "STORE" -> StoreFlags.parse(tag, true, r);
            case "COPY", "MOVE" -> CopyMove.parse(tag, name, true, r);
            case "SEARCH" -> Search.parse(tag, true, r);
            case "EXPUNGE" -> Expunge.parse(tag, name, true, r);
            default -> null;
        };
    }

    private static ImapCommand command(String tag, String name, ArgumentReader r) throws SyntaxException {
        return switch (name) {
            case "CAPABILITY" -> noArgs(r, new SimpleCommands.Capability(tag));
            case "NOOP", "CHECK" -> noArgs(r, new SimpleCommands.Noop(tag, name));
            case "LOGOUT" -> noArgs(r, new SimpleCommands.Logout(tag));
            case "STARTTLS" -> noArgs(r, new SimpleCommands.StartTls(tag));
            case "IDLE" -> noArgs(r, new SimpleCommands.Idle(tag));
            case "UNSELECT" -> noArgs(r, new SimpleCommands.Unselect(tag));
            case "NAMESPACE" -> noArgs(r, new SimpleCommands.Namespace(tag));
            case "CLOSE" -> Expunge.parse(tag, name, false, r);
            case "EXPUNGE" -> Expunge.parse(tag, name, false, r);
            case "ENABLE" -> enable(tag, r);
            case "SUBSCRIBE", "UNSUBSCRIBE" -> subscribe(tag, name, r);
            case "LOGIN" -> Login.parse(tag, r);
            case "AUTHENTICATE" -> Authenticate.parse(tag, r);
            case "ID" -> Id.parse(tag, r);
            case "LIST", "LSUB" -> ListFolders.parse(tag, name, r);
            case "CREATE", "DELETE", "RENAME" -> FolderCommand.parse(tag, name, r);
            case "SELECT", "EXAMINE" -> Select.parse(tag, name, r);
            case "STATUS" -> Status.parse(tag, r);
            case "APPEND" -> Append.parse(tag, r);
            case "FETCH" -> Fetch.parse(tag, false, r);
            case "STORE" -> StoreFlags.parse(tag, false, r);
            case "COPY", "MOVE" -> CopyMove.parse(tag, name, false, r);
            case "SEARCH" -> Search.parse(tag, false, r);
            case "GETQUOTAROOT", "GETQUOTA" -> Quota.parse(tag, name, r);
            case "GETMETADATA" -> Metadata.parseGet(tag, r);
            case "SETMETADATA" -> Metadata.parseSet(tag, r);
            default -> null;
        };
    }

    private static ImapCommand noArgs(ArgumentReader r, ImapCommand c) throws SyntaxException {
        r.end();
        return c;
    }

    /** {@code enable = "ENABLE" 1*(SP capability)}. */
    private static ImapCommand enable(String tag, ArgumentReader r) throws SyntaxException {
        java.util.List<String> caps = new java.util.ArrayList<>();
        do {
            r.sp();
            caps.add(r.atom());
        } while (!r.atEnd());
        return new SimpleCommands.Enable(tag, caps);
    }

    private static ImapCommand subscribe(String tag, String name, ArgumentReader r) throws SyntaxException {
        r.sp();
        String mailbox = r.astring();
        r.end();
        return new SimpleCommands.Subscribe(tag, name, mailbox);
    }
}
