package org.relaycert.server.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relaycert.server.mime.Messages.crlf;
import static org.relaycert.server.mime.Messages.fields;
import static org.relaycert.server.mime.Messages.part;
import static org.relaycert.server.mime.Messages.text;

import org.junit.jupiter.api.Test;
import org.relaycert.server.mime.SectionSpec.Text;

class PlainTextMessageTest {

    static final String HEADER = String.join("\r\n",
            "From: Alice <alice@example.org>",
            "To: bob@example.org",
            "Subject: Hello \"world\"",
            "Date: Wed, 25 Nov 2026 10:00:00 +0000",
            "Message-ID: <m1@example.org>",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 7bit",
            "", "");
    static final String BODY = "Hi Bob,\r\nsecond line\r\n";
    final ParsedMessage message = ParsedMessage.parse(crlf(HEADER + BODY));

    @Test
    void bodyStructureCountsExactOctetsAndLines() {
        assertThat(BODY.length()).isEqualTo(22);
        assertThat(message.bodyStructure(true))
                .isEqualTo("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"utf-8\") NIL NIL \"7BIT\" 22 2 NIL NIL NIL NIL)");
        assertThat(message.bodyStructure(false))
                .isEqualTo("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"utf-8\") NIL NIL \"7BIT\" 22 2)");
    }

    @Test
    void envelopeDefaultsSenderAndReplyToToFromAndEscapesQuotes() {
        String alice = "((\"Alice\" NIL \"alice\" \"example.org\"))";
        assertThat(message.envelope()).isEqualTo("(\"Wed, 25 Nov 2026 10:00:00 +0000\" \"Hello \\\"world\\\"\" "
                + alice + " " + alice + " " + alice
                + " ((NIL NIL \"bob\" \"example.org\")) NIL NIL NIL \"<m1@example.org>\")");
    }

    @Test
    void sectionsAreTheStoredBytes() {
        assertThat(text(message.section(SectionSpec.WHOLE))).isEqualTo(HEADER + BODY);
        assertThat(text(message.section(part(Text.HEADER)))).isEqualTo(HEADER);
        assertThat(text(message.section(part(Text.TEXT)))).isEqualTo(BODY);
        assertThat(text(message.section(part(Text.ALL, 1)))).isEqualTo(BODY);
        assertThat(text(message.section(part(Text.MIME, 1)))).isEqualTo(HEADER);
        assertThat(message.section(part(Text.ALL, 2))).isEmpty();
        assertThat(message.section(part(Text.ALL, 1, 1))).isEmpty();
        assertThat(message.section(part(Text.HEADER, 1))).isEmpty();
        assertThat(message.section(part(Text.MIME))).isEmpty();
    }

    @Test
    void headerFieldsKeepOriginalOrderAndEndWithBlankLine() {
        assertThat(text(message.section(fields(Text.HEADER_FIELDS, "subject", "FROM", "X-Missing"))))
                .isEqualTo("From: Alice <alice@example.org>\r\nSubject: Hello \"world\"\r\n\r\n");
        assertThat(text(message.section(fields(Text.HEADER_FIELDS_NOT,
                "From", "To", "Date", "Message-ID", "Content-Type", "Content-Transfer-Encoding"))))
                .isEqualTo("Subject: Hello \"world\"\r\n\r\n");
        assertThat(text(message.section(fields(Text.HEADER_FIELDS, "X-Missing")))).isEqualTo("\r\n");
    }

    @Test
    void headersAndSearchText() {
        assertThat(message.headers("subject")).containsExactly("Hello \"world\"");
        assertThat(message.header("X-Missing")).isEmpty();
        assertThat(message.searchableText()).isEqualTo(BODY);
    }

    @Test
    void foldedEncodedHeaderIsUnfoldedAndDecoded() {
        ParsedMessage m = ParsedMessage.parse(crlf(
                "Subject: =?utf-8?q?Gr=C3=BC=C3=9Fe?=", " aus Berlin", "Received: a", "Received: b", "", "x"));
        assertThat(m.headers("Subject")).containsExactly("Grüße aus Berlin");
        assertThat(m.headers("received")).containsExactly("a", "b");
        // ENVELOPE keeps the raw, still encoded subject; clients decode it.
        assertThat(m.envelope()).startsWith("(NIL \"=?utf-8?q?Gr=C3=BC=C3=9Fe?= aus Berlin\" NIL NIL NIL NIL");
        // No Content-Type: the RFC 2045 default, shown with its charset.
        assertThat(m.bodyStructure(false)).isEqualTo("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 1 0)");
    }

    @Test
    void eightBitHeaderBecomesLiteralInEnvelope() {
        ParsedMessage m = ParsedMessage.parse(crlf("Subject: Grüße", "From: Jörg <j@example.org>", "", "x"));
        assertThat(m.envelope()).startsWith("(NIL {7}\r\nGrüße ((");
        assertThat(m.envelope()).contains("(({5}\r\nJörg NIL \"j\" \"example.org\"))");
    }
}
