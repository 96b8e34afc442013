package org.relaycert.server.imap.command;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.relaycert.server.imap.ImapMetadata;
import org.relaycert.server.imap.parse.ArgumentReader;
import org.relaycert.server.imap.parse.SyntaxException;
import org.relaycert.server.imap.session.Completion;
import org.relaycert.server.imap.session.ImapSession;
import org.relaycert.server.imap.session.Response;
import org.relaycert.server.imap.session.SessionState;
import org.relaycert.server.store.StoreException;

/**
 * RFC 5464 (only when the relay supplies an {@link ImapMetadata}):
 * <pre>
 * getmetadata = "GETMETADATA" [SP "(" getmetadata-option *(SP getmetadata-option) ")"] SP mailbox SP entries
 * entries     = entry / "(" entry *(SP entry) ")"
 * setmetadata = "SETMETADATA" SP mailbox SP "(" entry-value *(SP entry-value) ")"
 * entry-value = entry SP value          ; value = nstring / literal8
 * response    = "METADATA" SP mailbox SP "(" entry SP value *(SP entry SP value) ")"
 * </pre>
 * Options (MAXSIZE, DEPTH) are accepted and ignored; a missing entry is reported as NIL, as Dovecot does.
 * On the wire as Dovecot: SETMETADATA takes spaces before its closing parenthesis, and responses send entry
 * names as atoms and every value as a literal (chatmail's survey tooling parses only that form).
 */
public record Metadata(String tag, String mailbox, Map<String, String> values, boolean set) implements ImapCommand {

    public static Metadata parseGet(String tag, ArgumentReader r) throws SyntaxException {
        r.sp();
        if (r.peekIs('(')) {
            r.astringList();
            r.sp();
        }
        String mailbox = r.astring();
        r.sp();
        List<String> entries = r.peekIs('(') ? r.astringList() : List.of(r.astring());
        r.end();
        Map<String, String> wanted = new LinkedHashMap<>();
        for (String e : entries) {
            wanted.put(checked(e), null);
        }
        if (wanted.isEmpty()) {
            throw new SyntaxException("GETMETADATA needs an entry");
        }
        return new Metadata(tag, mailbox, wanted, false);
    }

    public static Metadata parseSet(String tag, ArgumentReader r) throws SyntaxException {
        r.sp();
        String mailbox = r.astring();
        r.sp();
        r.expect('(');
        Map<String, String> values = new LinkedHashMap<>();
        do {
            if (r.peekIs(')') && !values.isEmpty()) {
                break; // "(/private/devicetoken "1111" )": Dovecot's list parser skips the trailing space
            }
            String entry = checked(r.astring());
            r.sp();
            String value;
            if (r.consume('~')) {
                value = new String(r.literal(), StandardCharsets.UTF_8);
            } else {
                value = r.nstring();
            }
            values.put(entry, value);
        } while (r.consume(' '));
        r.expect(')');
        r.end();
        return new Metadata(tag, mailbox, values, true);
    }

    private static String checked(String entry) throws SyntaxException {
        String lower = entry.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("/private/") || lower.startsWith("/shared/")) || lower.endsWith("/") || entry.contains("*")
                || entry.contains("%") || entry.contains("//")) {
            throw new SyntaxException("invalid metadata entry name " + entry);
        }
        return entry;
    }

    public Set<SessionState> validIn() {
        return AUTHENTICATED;
    }

    public Completion execute(ImapSession s) throws StoreException {
        ImapMetadata metadata = s.metadata();
        if (metadata == null) {
            return Completion.bad("Unknown command " + (set ? "SETMETADATA" : "GETMETADATA"));
        }
        String box = mailbox;
        if (!box.isEmpty()) {
            box = s.mailbox().folder(mailbox).name();
        }
        if (set) {
            for (var e : values.entrySet()) {
                if (!metadata.set(s.address(), box, e.getKey(), e.getValue())) {
                    return Completion.no("PERMISSIONDENIED", "Entry may not be set: " + e.getKey());
                }
            }
            return Completion.ok("Setmetadata completed.");
        }
        Response r = Response.line("* METADATA " + (box.isEmpty() ? "\"\"" : ImapText.mailbox(box)) + " (");
        List<String> entries = new ArrayList<>(values.keySet());
        for (int i = 0; i < entries.size(); i++) {
            r.text((i == 0 ? "" : " ") + ImapText.astring(entries.get(i)) + " ");
            String value = metadata.get(s.address(), box, entries.get(i)).orElse(null);
            if (value == null) {
                r.text("NIL");
            } else {
                r.literal(value.getBytes(StandardCharsets.UTF_8));
            }
        }
        s.write(r.text(")"));
        return Completion.ok("Getmetadata completed.");
    }
}
