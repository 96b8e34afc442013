package org.relaycert.server.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relaycert.server.mime.Messages.crlf;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void base64WithLatin1CharsetIsDecoded() {
        String encoded = Base64.getEncoder().encodeToString("Käse".getBytes(StandardCharsets.ISO_8859_1));
        ParsedMessage m = ParsedMessage.parse(crlf(
                "Content-Type: text/plain; charset=\"ISO-8859-1\"", "Content-Transfer-Encoding: base64", "", encoded));
        assertThat(m.searchableText()).isEqualTo("Käse");
    }

    @Test
    void unknownCharsetFallsBackToUtf8() {
        ParsedMessage m = ParsedMessage.parse(crlf("Content-Type: text/plain; charset=x-unknown", "", "Grüße"));
        assertThat(m.searchableText()).isEqualTo("Grüße");
    }

    @Test
    void eightBitParameterValueBecomesLiteralAndRfc2231NameIsKept() {
        ParsedMessage m = ParsedMessage.parse(crlf(
                "Content-Type: multipart/mixed; boundary=z", "", "--z",
                "Content-Type: application/octet-stream; name=\"ü.txt\"; x=ä",
                "Content-Disposition: attachment; filename*=utf-8''%C3%BC.txt",
                "", "x", "--z--"));
        assertThat(m.bodyStructure(true)).isEqualTo(
                "((\"APPLICATION\" \"OCTET-STREAM\" (\"NAME\" {6}\r\nü.txt \"X\" {2}\r\nä) NIL NIL \"7BIT\" 1"
                + " NIL (\"ATTACHMENT\" (\"FILENAME*\" \"utf-8''%C3%BC.txt\")) NIL NIL)"
                + " \"MIXED\" (\"BOUNDARY\" \"z\") NIL NIL NIL)");
    }
}

