package org.relaycert.server.imap.command;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.relaycert.server.imap.parse.ArgumentReader;
import org.relaycert.server.imap.parse.SequenceSet;
import org.relaycert.server.imap.parse.SyntaxException;

/**
 * RFC 3501 9:
 * <pre>
 * search     = "SEARCH" [SP "CHARSET" SP astring] 1*(SP search-key)
 * search-key = "ALL" / "ANSWERED" / "BCC" SP astring / "BEFORE" SP date / "BODY" SP astring / "CC" SP astring /
 *              "DELETED" / "FLAGGED" / "FROM" SP astring / "KEYWORD" SP flag-keyword / "NEW" / "OLD" /
 *              "ON" SP date / "RECENT" / "SEEN" / "SINCE" SP date / "SUBJECT" SP astring / "TEXT" SP astring /
 *              "TO" SP astring / "UNANSWERED" / "UNDELETED" / "UNFLAGGED" / "UNKEYWORD" SP flag-keyword /
 *              "UNSEEN" / "DRAFT" / "HEADER" SP header-fld-name SP astring / "LARGER" SP number / "NOT" SP search-key /
 *              "OR" SP search-key SP search-key / "SENTBEFORE" SP date / "SENTON" SP date / "SENTSINCE" SP date /
 *              "SMALLER" SP number / "UID" SP sequence-set / "UNDRAFT" / sequence-set / "(" search-key *(SP search-key) ")"
 * date       = date-text / DQUOTE date-text DQUOTE
 * </pre>
 */
final class SearchParser {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ROOT);

    private SearchParser() {
    }

    static SearchKey parseAll(ArgumentReader r) throws SyntaxException {
        List<SearchKey> keys = new ArrayList<>();
        while (r.consume(' ')) {
            keys.add(key(r));
        }
        if (keys.isEmpty()) {
            throw new SyntaxException("SEARCH needs a search key");
        }
        return keys.size() == 1 ? keys.getFirst() : new SearchKey.And(keys);
    }

    static SearchKey key(ArgumentReader r) throws SyntaxException {
        if (r.consume('(')) {
            List<SearchKey> keys = new ArrayList<>();
            keys.add(key(r));
            while (r.consume(' ')) {
                keys.add(key(r));
            }
            r.expect(')');
            return new SearchKey.And(keys);
        }
        int c = r.peek();
        if (Character.isDigit(c) || c == '*') {
            return new SearchKey.Sequence(r.sequenceSet(), false);
        }
        String name = r.atom().toUpperCase(Locale.ROOT);
        return switch (name) {
            case "ALL", "OLD" -> new SearchKey.Flag(null, true);
            case "NEW", "RECENT" -> new SearchKey.Nothing();
            case "ANSWERED", "DELETED", "FLAGGED", "SEEN", "DRAFT" -> new SearchKey.Flag(flag(name), true);
            case "UNANSWERED", "UNDELETED", "UNFLAGGED", "UNSEEN", "UNDRAFT" -> new SearchKey.Flag(flag(name.substring(2)), false);
            case "KEYWORD" -> new SearchKey.Flag(arg(r, true), true);
            case "UNKEYWORD" -> new SearchKey.Flag(arg(r, true), false);
            case "BCC", "CC", "FROM", "SUBJECT", "TO" -> new SearchKey.Header(name, arg(r, false));
            case "HEADER" -> {
                String field = arg(r, false);
                yield new SearchKey.Header(field, arg(r, false));
            }
            case "BODY" -> new SearchKey.Text(arg(r, false), false);
            case "TEXT" -> new SearchKey.Text(arg(r, false), true);
            case "BEFORE", "ON", "SINCE" -> new SearchKey.Date(name, date(r), false);
            case "SENTBEFORE", "SENTON", "SENTSINCE" -> new SearchKey.Date(name.substring(4), date(r), true);
            case "LARGER", "SMALLER" -> {
                r.sp();
                yield new SearchKey.Size(name.equals("LARGER"), r.number());
            }
            case "UID" -> {
                r.sp();
                yield new SearchKey.Sequence(r.sequenceSet(), true);
            }
            case "NOT" -> {
                r.sp();
                yield new SearchKey.Not(key(r));
            }
            case "OR" -> {
                r.sp();
                SearchKey left = key(r);
                r.sp();
                yield new SearchKey.Or(left, key(r));
            }
            default -> throw new SyntaxException("unknown search key " + name);
        };
    }

    private static String flag(String name) {
        return "\\" + name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }

    private static String arg(ArgumentReader r, boolean keyword) throws SyntaxException {
        r.sp();
        return keyword ? r.atom() : r.astring();
    }

    private static LocalDate date(ArgumentReader r) throws SyntaxException {
        r.sp();
        String text = r.peekIs('"') ? r.quoted() : r.atom();
        try {
            return LocalDate.parse(text, DATE);
        } catch (DateTimeParseException e) {
            throw new SyntaxException("bad date " + text);
        }
    }

}
