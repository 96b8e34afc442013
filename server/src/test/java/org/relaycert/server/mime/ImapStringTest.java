package org.relaycert.server.mime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImapStringTest {

    @Test
    void nstring() {
        assertThat(ImapString.nstring(null)).isEqualTo("NIL");
        assertThat(ImapString.nstring("")).isEqualTo("\"\"");
        assertThat(ImapString.nstring("a \"b\" \\c")).isEqualTo("\"a \\\"b\\\" \\\\c\"");
    }

    @Test
    void literalForEightBitAndLineBreaksCountsUtf8Octets() {
        assertThat(ImapString.nstring("Grüße")).isEqualTo("{7}\r\nGrüße");
        assertThat(ImapString.string("a\r\nb")).isEqualTo("{4}\r\na\r\nb");
    }

    @Test
    void astring() {
        assertThat(ImapString.astring("INBOX")).isEqualTo("INBOX");
        assertThat(ImapString.astring("a]b")).isEqualTo("a]b");
        assertThat(ImapString.astring("two words")).isEqualTo("\"two words\"");
        assertThat(ImapString.astring("")).isEqualTo("\"\"");
        assertThat(ImapString.astring("a{b")).isEqualTo("\"a{b\"");
    }
}
