package org.relaycert.server.imap.command;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.relaycert.server.imap.session.SelectedFolder;
import org.relaycert.server.mime.ParsedMessage;
import org.relaycert.server.store.Folder;
import org.relaycert.server.store.StoreException;

/** Evaluates a {@link SearchKey} against one message; content is read and parsed only when a key needs it. */
final class SearchMatcher {
    private final Folder folder;
    private final SelectedFolder.Numbered message;
    private final int exists;
    private final long lastUid;
    private ParsedMessage parsed;
    private byte[] raw;

    SearchMatcher(Folder folder, SelectedFolder.Numbered message, int exists, long lastUid) {
        this.folder = folder;
        this.message = message;
        this.exists = exists;
        this.lastUid = lastUid;
    }

    boolean matches(SearchKey key) throws StoreException {
        return switch (key) {
            case SearchKey.Flag f -> f.flag() == null || message.info().flags().stream()
                    .anyMatch(x -> x.equalsIgnoreCase(f.flag())) == f.present();
            case SearchKey.Nothing n -> false;
            case SearchKey.Size s -> s.larger() ? message.info().size() > s.octets() : message.info().size() < s.octets();
            case SearchKey.Sequence s -> s.byUid() ? s.set().contains(message.uid(), lastUid) : s.set().contains(message.seq(), exists);
            case SearchKey.Not n -> !matches(n.key());
            case SearchKey.Or o -> matches(o.left()) || matches(o.right());
            case SearchKey.And a -> {
                for (SearchKey k : a.keys()) {
                    if (!matches(k)) {
                        yield false;
                    }
                }
                yield true;
            }
            case SearchKey.Header h -> parsed().headers(h.field()).stream().anyMatch(v -> contains(v, h.value()))
                    || (h.value().isEmpty() && !parsed().headers(h.field()).isEmpty());
            case SearchKey.Text t -> contains(parsed().searchableText(), t.value())
                    || (t.includeHeader() && contains(headerText(), t.value()));
            case SearchKey.Date d -> compare(d);
        };
    }

    private boolean compare(SearchKey.Date d) {
        LocalDate date;
        if (d.sent()) {
            var header = parsed().header("Date");
            if (header.isEmpty()) {
                return false;
            }
            try {
                date = ZonedDateTime.parse(header.get().trim().replaceAll("\\s+\\(.*\\)$", ""),
                        DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate();
            } catch (RuntimeException e) {
                return false;
            }
        } else {
            date = message.info().internalDate().atZone(ZoneOffset.UTC).toLocalDate();
        }
        return switch (d.relation()) {
            case "BEFORE" -> date.isBefore(d.date());
            case "ON" -> date.isEqual(d.date());
            default -> !date.isBefore(d.date());
        };
    }

    private static boolean contains(String haystack, String needle) {
        return haystack.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
    }

    private String headerText() {
        try {
            byte[] r = raw();
            String s = new String(r, StandardCharsets.UTF_8);
            int end = s.indexOf("\r\n\r\n");
            return end < 0 ? s : s.substring(0, end);
        } catch (StoreException e) {
            return "";
        }
    }

    private byte[] raw() throws StoreException {
        if (raw == null) {
            raw = folder.read(message.uid());
        }
        return raw;
    }

    private ParsedMessage parsed() {
        if (parsed == null) {
            try {
                parsed = ParsedMessage.parse(raw());
            } catch (StoreException e) {
                parsed = ParsedMessage.parse(new byte[0]);
            }
        }
        return parsed;
    }
}
