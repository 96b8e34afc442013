package org.relaycert.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaildirFlagsTest {
    @TempDir
    Path dir;

    @Test
    void systemFlagsBecomeSortedInfoLettersAndBack() throws Exception {
        KeywordTable table = KeywordTable.load(dir);
        Set<String> flags = MaildirFlags.canonical(Set.of("\\seen", "\\Draft", "\\Answered", "\\Flagged",
                "\\Deleted", "\\Recent"));
        assertThat(flags).containsExactly("\\Seen", "\\Answered", "\\Flagged", "\\Deleted", "\\Draft");
        String letters = MaildirFlags.encode(flags, table);
        assertThat(letters).isEqualTo("DFRST");
        assertThat(MaildirFlags.decode(letters, table)).isEqualTo(flags);
    }

    @Test
    void keywordsGetLettersThatSurviveReloading() throws Exception {
        KeywordTable table = KeywordTable.load(dir);
        String letters = MaildirFlags.encode(MaildirFlags.canonical(Set.of("\\Seen", "$MDNSent", "$Forwarded")),
                table);
        assertThat(letters).isEqualTo("Sab");
        KeywordTable reloaded = KeywordTable.load(dir);
        assertThat(MaildirFlags.decode(letters, reloaded)).containsExactly("\\Seen", "$Forwarded", "$MDNSent");
        // letters go in sorted keyword order; the same keyword in another case reuses its letter
        assertThat(MaildirFlags.encode(MaildirFlags.canonical(Set.of("$mdnsent")), reloaded)).isEqualTo("b");
        // P (passed) has no IMAP flag; unknown keyword letters are ignored
        assertThat(MaildirFlags.decode("PSz", reloaded)).containsExactly("\\Seen");
    }

    @Test
    void badFlagsAreRefused() {
        assertThatThrownBy(() -> MaildirFlags.canonical(Set.of("\\Important"))).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> MaildirFlags.canonical(Set.of("two words"))).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> MaildirFlags.canonical(Set.of("par(en"))).isInstanceOf(StoreException.class);
    }

    @Test
    void atMost26KeywordsPerFolder() throws Exception {
        KeywordTable table = KeywordTable.load(dir);
        for (int i = 0; i < KeywordTable.MAX_KEYWORDS; i++) {
            table.letterFor("k" + i);
        }
        assertThatThrownBy(() -> table.letterFor("one-too-many")).isInstanceOf(StoreException.class);
        assertThat(table.letterFor("K25")).isEqualTo('z');
    }
}
