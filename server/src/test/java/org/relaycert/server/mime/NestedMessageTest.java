package org.relaycert.server.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relaycert.server.mime.Messages.crlf;
import static org.relaycert.server.mime.Messages.part;
import static org.relaycert.server.mime.Messages.text;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.relaycert.server.mime.SectionSpec.Text;

/** message/rfc822 parts and the part numbering of RFC 3501 section 6.4.5. */
class NestedMessageTest {

    static final String INNER_HEADER = "From: carol@example.org\r\nSubject: inner\r\n"
            + "Content-Type: multipart/alternative; boundary=\"in\"\r\n\r\n";
    static final String INNER_BODY = "--in\r\n\r\nplain\r\n--in\r\nContent-Type: text/html\r\n\r\n<p>html</p>\r\n--in--\r\n";
    static final String FORWARD_MIME = "Content-Type: message/rfc822\r\n\r\n";
    final ParsedMessage message = ParsedMessage.parse(crlf(
            "Subject: fwd",
            "Content-Type: multipart/mixed; boundary=\"out\"",
            "",
            "--out",
            "",
            "See attached.",
            "--out",
            FORWARD_MIME + INNER_HEADER + INNER_BODY,
            "--out--",
            ""));

    @Test
    void bodyStructureCarriesEnvelopeBodyAndLinesOfTheEncapsulatedMessage() {
        int size = INNER_HEADER.length() + INNER_BODY.length();
        assertThat(size).isEqualTo(164);
        String carol = "((NIL NIL \"carol\" \"example.org\"))";
        assertThat(message.bodyStructure(false)).isEqualTo(
                "((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 13 0)"
                + "(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 164"
                + " (NIL \"inner\" " + carol + " " + carol + " " + carol + " NIL NIL NIL NIL NIL)"
                + " ((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 5 0)"
                + "(\"TEXT\" \"HTML\" NIL NIL NIL \"7BIT\" 11 0) \"ALTERNATIVE\") 12)"
                + " \"MIXED\")");
    }

    @Test
    void sectionsInsideTheEncapsulatedMessage() {
        assertThat(text(message.section(part(Text.ALL, 1)))).isEqualTo("See attached.");
        assertThat(text(message.section(part(Text.ALL, 2)))).isEqualTo(INNER_HEADER + INNER_BODY);
        assertThat(text(message.section(part(Text.MIME, 2)))).isEqualTo(FORWARD_MIME);
        assertThat(text(message.section(part(Text.HEADER, 2)))).isEqualTo(INNER_HEADER);
        assertThat(text(message.section(part(Text.TEXT, 2)))).isEqualTo(INNER_BODY);
        assertThat(text(message.section(new SectionSpec(List.of(2), Text.HEADER_FIELDS, List.of("Subject")))))
                .isEqualTo("Subject: inner\r\n\r\n");
        assertThat(text(message.section(part(Text.ALL, 2, 1)))).isEqualTo("plain");
        assertThat(text(message.section(part(Text.ALL, 2, 2)))).isEqualTo("<p>html</p>");
        assertThat(text(message.section(part(Text.MIME, 2, 2)))).isEqualTo("Content-Type: text/html\r\n\r\n");
        assertThat(message.section(part(Text.ALL, 2, 3))).isEmpty();
        assertThat(message.section(part(Text.ALL, 1, 1))).isEmpty();
        assertThat(message.section(part(Text.HEADER, 1))).isEmpty();
    }

    @Test
    void searchTextIncludesEncapsulatedTextParts() {
        assertThat(message.searchableText()).isEqualTo("See attached.\nplain\n<p>html</p>");
    }

    @Test
    void nonMultipartEncapsulatedMessageHasOnlyPartOne() {
        ParsedMessage m = ParsedMessage.parse(crlf(
                "Content-Type: message/rfc822", "", "Subject: in", "", "body line", ""));
        assertThat(text(m.section(part(Text.ALL, 1)))).isEqualTo("Subject: in\r\n\r\nbody line\r\n");
        assertThat(text(m.section(part(Text.ALL, 1, 1)))).isEqualTo("body line\r\n");
        assertThat(text(m.section(part(Text.HEADER, 1)))).isEqualTo("Subject: in\r\n\r\n");
        assertThat(m.section(part(Text.ALL, 1, 2))).isEmpty();
        assertThat(m.bodyStructure(false)).isEqualTo("(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 26"
                + " (NIL \"in\" NIL NIL NIL NIL NIL NIL NIL NIL)"
                + " (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 11 1) 3)");
    }
}
