package org.relaycert.server.imap.command;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.relaycert.server.imap.parse.ArgumentReader;
import org.relaycert.server.imap.parse.SyntaxException;
import org.relaycert.server.imap.session.Completion;
import org.relaycert.server.imap.session.ImapSession;
import org.relaycert.server.imap.session.SessionState;
import org.relaycert.server.store.Folder;
import org.relaycert.server.store.MessageInfo;
import org.relaycert.server.store.StoreException;

/**
 * RFC 3501 6.3.11 with RFC 4315 APPENDUID:
 * <pre>
 * append    = "APPEND" SP mailbox [SP flag-list] [SP date-time] SP literal
 * date-time = DQUOTE date-day-fixed "-" date-month "-" date-year SP time SP zone DQUOTE
 * </pre>
 * Refused with OVERQUOTA when the user's mail would exceed the quota.
 */
public record Append(String tag, String mailbox, Set<String> flags, Instant date, ByteBuffer octets)
        implements ImapCommand {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d-MMM-yyyy HH:mm:ss Z", Locale.ROOT);

    public static Append parse(String tag, ArgumentReader r) throws SyntaxException {
        r.sp();
        String mailbox = r.astring();
        r.sp();
        Set<String> flags = new LinkedHashSet<>();
        if (r.peekIs('(')) {
            for (String f : r.flagList()) {
                if (!f.equalsIgnoreCase("\\Recent")) {
                    flags.add(SystemFlags.canonical(f));
                }
            }
            r.sp();
        }
        Instant date = null;
        if (r.peekIs('"')) {
            String text = r.quoted().trim();
            try {
                date = ZonedDateTime.parse(text, DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                throw new SyntaxException("bad date-time " + text);
            }
            r.sp();
        }
        if (!r.peekIs('{')) {
            throw new SyntaxException("APPEND needs a literal");
        }
        ByteBuffer content = r.literalOctets(); // a view into the command line: the message is not copied
        r.end();
        return new Append(tag, mailbox, Set.copyOf(flags), date, content);
    }

    /** The message (a copy). */
    public byte[] content() {
        byte[] out = new byte[octets.remaining()];
        octets.duplicate().get(out);
        return out;
    }

    public Set<SessionState> validIn() {
        return AUTHENTICATED;
    }

    public Completion execute(ImapSession s) throws StoreException {
        int length = octets.remaining();
        if (length == 0) {
            return Completion.no("Can't save a zero byte message.");
        }
        Folder folder;
        try {
            folder = s.mailbox().folder(mailbox);
        } catch (StoreException e) {
            if (e.kind() == StoreException.Kind.NONEXISTENT) {
                return Completion.no("TRYCREATE", "Mailbox doesn't exist: " + mailbox);
            }
            throw e;
        }
        long quota = s.config().quotaBytes();
        if (quota > 0 && s.mailbox().wouldExceed(length, quota)) {
            return Completion.no("OVERQUOTA", "Quota exceeded (mailbox for user is full)");
        }
        Instant when = date != null ? date : s.clock().instant();
        MessageInfo info = folder.append(() -> new ByteArrayInputStream(octets.array(),
                octets.arrayOffset() + octets.position(), length), length, flags, when);
        return Completion.ok("APPENDUID " + folder.uidValidity() + " " + info.uid(), "Append completed.");
    }
}
