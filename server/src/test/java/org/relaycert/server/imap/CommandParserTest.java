package org.relaycert.server.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.relaycert.server.imap.command.Append;
import org.relaycert.server.imap.command.CopyMove;
import org.relaycert.server.imap.command.Fetch;
import org.relaycert.server.imap.command.FetchItem;
import org.relaycert.server.imap.command.ImapCommand;
import org.relaycert.server.imap.command.Login;
import org.relaycert.server.imap.command.Search;
import org.relaycert.server.imap.command.SearchKey;
import org.relaycert.server.imap.command.StoreFlags;
import org.relaycert.server.imap.parse.CommandParser;
import org.relaycert.server.imap.parse.SequenceSet;
import org.relaycert.server.imap.parse.SyntaxException;
import org.relaycert.server.mime.SectionSpec;

/** The parser alone: lines in, command values out. */
class CommandParserTest {
    private static ImapCommand parse(String line) throws SyntaxException {
        return CommandParser.parse(line.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void loginTakesAtomsQuotedStringsAndLiterals() throws Exception {
        assertThat(parse("a1 LOGIN alice \"pa ss\\\"word\"")).isEqualTo(new Login("a1", "alice", "pa ss\"word"));
        assertThat(parse("a2 login {5}\r\nalice {3+}\r\np w")).isEqualTo(new Login("a2", "alice", "p w"));
        assertThatThrownBy(() -> parse("a3 LOGIN alice")).isInstanceOf(SyntaxException.class);
        assertThatThrownBy(() -> parse("a4 LOGIN alice b c")).isInstanceOf(SyntaxException.class);
    }

    @Test
    void uidFetchWithSectionsAndPartials() throws Exception {
        Fetch f = (Fetch) parse("7 UID FETCH 1:*,5 (UID RFC822.SIZE BODY.PEEK[HEADER.FIELDS (Message-ID Chat-Version)] BODY[1.MIME] BODY[]<0.1024>)");
        assertThat(f.byUid()).isTrue();
        assertThat(f.set()).isEqualTo(new SequenceSet(List.of(new SequenceSet.Range(1, SequenceSet.STAR), new SequenceSet.Range(5, 5))));
        assertThat(f.items()).containsExactly(FetchItem.Simple.UID, FetchItem.Simple.RFC822_SIZE,
                new FetchItem.Content("BODY[HEADER.FIELDS (MESSAGE-ID CHAT-VERSION)]",
                        new SectionSpec(List.of(), SectionSpec.Text.HEADER_FIELDS, List.of("Message-ID", "Chat-Version")), false, -1, 0),
                new FetchItem.Content("BODY[1.MIME]", new SectionSpec(List.of(1), SectionSpec.Text.MIME, List.of()), true, -1, 0),
                new FetchItem.Content("BODY[]", SectionSpec.WHOLE, true, 0, 1024));
        assertThat(((Fetch) parse("8 FETCH 2 FULL")).items()).contains(FetchItem.Simple.ENVELOPE, FetchItem.Simple.BODY);
        assertThatThrownBy(() -> parse("9 FETCH 1 (BODY[MIME])")).isInstanceOf(SyntaxException.class);
        assertThatThrownBy(() -> parse("9 FETCH 0 FLAGS")).isInstanceOf(SyntaxException.class);
        assertThatThrownBy(() -> parse("9 FETCH 1 (FLAGS")).isInstanceOf(SyntaxException.class);
        assertThatThrownBy(() -> parse("9 FETCH 1:2: FLAGS")).isInstanceOf(SyntaxException.class);
    }

    @Test
    void sequenceSetsResolveStarAgainstTheLargestNumber() throws Exception {
        SequenceSet s = SequenceSet.parse("3:*");
        assertThat(s.contains(5, 5)).isTrue();
        assertThat(s.contains(2, 5)).isFalse();
        // "n:*" with n above the largest still names the largest (RFC 3501 6.4.8).
        assertThat(SequenceSet.parse("10:*").contains(5, 5)).isTrue();
    }

    @Test
    void storeModesAndFlags() throws Exception {
        assertThat(parse("s UID STORE 4 +FLAGS.SILENT (\\seen $MDNSent)"))
                .isEqualTo(new StoreFlags("s", true, SequenceSet.parse("4"), '+', true, Set.of("\\Seen", "$MDNSent")));
        assertThat(((StoreFlags) parse("s STORE 1 -FLAGS \\Deleted \\Flagged")).flags()).containsExactly("\\Deleted", "\\Flagged");
        assertThatThrownBy(() -> parse("s STORE 1 FLAGZ (\\Seen)")).isInstanceOf(SyntaxException.class);
    }

    @Test
    void copyMoveAndAppend() throws Exception {
        assertThat(parse("m UID MOVE 1:3 \"Delta Chat\"")).isEqualTo(new CopyMove("m", true, true, SequenceSet.parse("1:3"), "Delta Chat"));
        Append a = (Append) parse("p APPEND Sent (\\Seen) \"25-Nov-2026 10:11:12 +0200\" {3+}\r\nabc");
        assertThat(a.mailbox()).isEqualTo("Sent");
        assertThat(a.flags()).containsExactly("\\Seen");
        assertThat(a.date()).isEqualTo(Instant.parse("2026-11-25T08:11:12Z"));
        assertThat(a.content()).isEqualTo("abc".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void searchKeysNest() throws Exception {
        Search s = (Search) parse("q UID SEARCH CHARSET UTF-8 OR (UNSEEN FROM \"bob\") NOT UID 5:* LARGER 10");
        assertThat(s.key()).isEqualTo(new SearchKey.And(List.of(
                new SearchKey.Or(new SearchKey.And(List.of(new SearchKey.Flag("\\Seen", false), new SearchKey.Header("FROM", "bob"))),
                        new SearchKey.Not(new SearchKey.Sequence(SequenceSet.parse("5:*"), true))),
                new SearchKey.Size(true, 10))));
        assertThat(((Search) parse("q SEARCH CHARSET koi8-r ALL")).charset()).isEqualTo("KOI8-R");
        assertThatThrownBy(() -> parse("q SEARCH SINCE 2026-11-25")).isInstanceOf(SyntaxException.class);
        assertThatThrownBy(() -> parse("q SEARCH")).isInstanceOf(SyntaxException.class);
    }

    @Test
    void unknownCommandsAndMissingTagsAreSyntaxErrors() {
        assertThatThrownBy(() -> parse("x XYZZY")).hasMessageContaining("Unknown command XYZZY");
        assertThatThrownBy(() -> parse("x UID LIST")).hasMessageContaining("Unknown command UID LIST");
        assertThatThrownBy(() -> parse("NOOP")).isInstanceOf(SyntaxException.class);
        assertThat(CommandParser.tagOf("a+b NOOP".getBytes(StandardCharsets.US_ASCII))).isEqualTo("*");
        assertThat(CommandParser.tagOf("t7 FOO bar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("t7");
    }
}
