package org.relaycert.server.imap.command;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.relaycert.server.imap.parse.ArgumentReader;
import org.relaycert.server.imap.parse.SyntaxException;
import org.relaycert.server.imap.session.Completion;
import org.relaycert.server.imap.session.ImapSession;
import org.relaycert.server.imap.session.SessionState;
import org.relaycert.server.store.StoreException;

/**
 * RFC 3501 6.3.8 / 6.3.9 with RFC 5258 selection options read and ignored:
 * <pre>
 * list = "LIST" [SP "(" [option *(SP option)] ")"] SP mailbox SP list-mailbox [SP "RETURN" SP "(" ... ")"]
 * lsub = "LSUB" SP mailbox SP list-mailbox
 * </pre>
 * {@code *} matches anything, {@code %} anything but the separator {@code /}. Special-use attributes
 * (RFC 6154) are given to folders named Sent, Sent Messages, Trash, Drafts and Junk, as chatmail declares.
 */
public record ListFolders(String tag, String name, String reference, String pattern) implements ImapCommand {

    public static ListFolders parse(String tag, String name, ArgumentReader r) throws SyntaxException {
        r.sp();
        if (name.equals("LIST") && r.peekIs('(')) {
            r.astringList();
            r.sp();
        }
        String ref = r.astring();
        r.sp();
        String pattern = r.listMailbox();
        if (name.equals("LIST") && r.consume(' ')) {
            String ret = r.atom();
            if (!ret.equalsIgnoreCase("RETURN")) {
                throw new SyntaxException("expected RETURN");
            }
            r.sp();
            r.astringList();
        }
        r.end();
        return new ListFolders(tag, name, ref, pattern);
    }

    public Set<SessionState> validIn() {
        return AUTHENTICATED;
    }

    public Completion execute(ImapSession s) throws StoreException {
        if (pattern.isEmpty()) {
            s.untagged(name + " (\\Noselect) \"/\" \"\"");
            return Completion.ok(name + " completed.");
        }
        Pattern match = compile(reference + pattern);
        List<String> all = s.mailbox().folderNames();
        for (String folder : all) {
            if (!match.matcher(folder.equalsIgnoreCase("INBOX") ? "INBOX" : folder).matches()) {
                continue;
            }
            boolean children = all.stream().anyMatch(f -> f.startsWith(folder + "/"));
            String attrs = children ? "\\HasChildren" : "\\HasNoChildren";
            String special = specialUse(folder);
            if (special != null) {
                attrs += " " + special;
            }
            s.untagged(name + " (" + attrs + ") \"/\" " + ImapText.mailbox(folder));
        }
        return Completion.ok(name + " completed.");
    }

    static String specialUse(String folder) {
        return switch (folder.toLowerCase(Locale.ROOT)) {
            case "sent", "sent messages" -> "\\Sent";
            case "trash" -> "\\Trash";
            case "drafts" -> "\\Drafts";
            case "junk" -> "\\Junk";
            default -> null;
        };
    }

    private static Pattern compile(String wildcard) {
        StringBuilder re = new StringBuilder();
        // INBOX matches case-insensitively, everything else exactly.
        String w = wildcard.regionMatches(true, 0, "INBOX", 0, 5)
                && (wildcard.length() == 5 || wildcard.charAt(5) == '/') ? "INBOX" + wildcard.substring(5) : wildcard;
        for (char c : w.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '%' -> re.append("[^/]*");
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
