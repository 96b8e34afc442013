package org.relaycert.server.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relaycert.server.mime.Messages.crlf;
import static org.relaycert.server.mime.Messages.part;
import static org.relaycert.server.mime.Messages.text;

import org.junit.jupiter.api.Test;
import org.relaycert.server.mime.SectionSpec.Text;

class MixedMessageTest {

    final ParsedMessage message = ParsedMessage.parse(crlf(
            "From: \"Bob, the builder\" <bob@example.org>",
            "Sender: robot@example.org",
            "To: team: carol@example.org, Dave <dave@example.org>;",
            "Cc: <eve@example.org>",
            "Content-Type: multipart/mixed; boundary=b1",
            "",
            "This is the preamble.",
            "--b1",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "Content-Language: de, en",
            "",
            "Gr=C3=BC=C3=9Fe, soft=",
            "break",
            "--b1 ",
            "Content-Type: application/pdf; name=report.pdf",
            "Content-Transfer-Encoding: base64",
            "Content-Disposition: attachment; filename=\"report.pdf\"",
            "Content-ID: <att1@example.org>",
            "Content-Location: http://example.org/report.pdf",
            "",
            "JVBERi0xLjQK",
            "--b1--",
            "epilogue",
            ""));

    @Test
    void bodyStructureWithAttachmentAndExtensions() {
        assertThat(message.bodyStructure(true)).isEqualTo(
                "((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"utf-8\") NIL NIL \"QUOTED-PRINTABLE\" 29 1"
                        + " NIL NIL (\"de\" \"en\") NIL)"
                + "(\"APPLICATION\" \"PDF\" (\"NAME\" \"report.pdf\") \"<att1@example.org>\" NIL \"BASE64\" 12"
                        + " NIL (\"ATTACHMENT\" (\"FILENAME\" \"report.pdf\")) NIL \"http://example.org/report.pdf\")"
                + " \"MIXED\" (\"BOUNDARY\" \"b1\") NIL NIL NIL)");
    }

    @Test
    void sectionsOfParts() {
        assertThat(text(message.section(part(Text.ALL, 1)))).isEqualTo("Gr=C3=BC=C3=9Fe, soft=\r\nbreak");
        assertThat(text(message.section(part(Text.ALL, 2)))).isEqualTo("JVBERi0xLjQK");
        assertThat(text(message.section(part(Text.MIME, 1)))).isEqualTo(
                "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n"
                        + "Content-Language: de, en\r\n\r\n");
        assertThat(message.section(part(Text.TEXT, 2))).isEmpty();
    }

    @Test
    void searchTextIsDecodedFromQuotedPrintable() {
        assertThat(message.searchableText()).isEqualTo("Grüße, softbreak");
    }

    @Test
    void envelopeWithQuotedNameGroupAndSender() {
        assertThat(message.envelope()).isEqualTo("(NIL NIL"
                + " ((\"Bob, the builder\" NIL \"bob\" \"example.org\"))"
                + " ((NIL NIL \"robot\" \"example.org\"))"
                + " ((\"Bob, the builder\" NIL \"bob\" \"example.org\"))"
                + " ((NIL NIL \"team\" NIL)(NIL NIL \"carol\" \"example.org\")(\"Dave\" NIL \"dave\" \"example.org\")"
                + "(NIL NIL NIL NIL))"
                + " ((NIL NIL \"eve\" \"example.org\")) NIL NIL NIL)");
    }
}
