package org.relaycert.server.imap.command;

import java.time.LocalDate;
import java.util.List;
import org.relaycert.server.imap.parse.SequenceSet;

/** A parsed SEARCH criterion (RFC 3501 6.4.4); evaluated by {@link SearchMatcher}. */
public sealed interface SearchKey {
    /** ALL and the flag tests: {@code flag} present (or absent when {@code negate}); null flag = ALL. */
    record Flag(String flag, boolean present) implements SearchKey {
    }

    record Header(String field, String value) implements SearchKey {
    }

    /** BODY (text only) or TEXT (header and text). */
    record Text(String value, boolean includeHeader) implements SearchKey {
    }

    /** Internal-date (or Date: header when {@code sent}) comparisons: BEFORE / ON / SINCE. */
    record Date(String relation, LocalDate date, boolean sent) implements SearchKey {
    }

    record Size(boolean larger, long octets) implements SearchKey {
    }

    record Sequence(SequenceSet set, boolean byUid) implements SearchKey {
    }

    record Not(SearchKey key) implements SearchKey {
    }

    record Or(SearchKey left, SearchKey right) implements SearchKey {
    }

    record And(List<SearchKey> keys) implements SearchKey {
    }

    /** NEW and RECENT never match (this server reports no recent messages). */
    record Nothing() implements SearchKey {
    }
}
