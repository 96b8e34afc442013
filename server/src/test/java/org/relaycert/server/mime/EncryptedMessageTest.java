package org.relaycert.server.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relaycert.server.mime.Messages.crlf;
import static org.relaycert.server.mime.Messages.part;
import static org.relaycert.server.mime.Messages.text;

import org.junit.jupiter.api.Test;
import org.relaycert.server.mime.SectionSpec.Text;

/** The OpenPGP/MIME shape Delta Chat sends (RFC 3156 section 4). */
class EncryptedMessageTest {

    static final String ARMOR = "-----BEGIN PGP MESSAGE-----\r\n\r\nwV4DAAAA\r\n-----END PGP MESSAGE-----\r\n\r\n";
    static final String PART2_HEADER = "Content-Type: application/octet-stream; name=\"encrypted.asc\"\r\n"
            + "Content-Description: OpenPGP encrypted message\r\n"
            + "Content-Disposition: inline; filename=\"encrypted.asc\";\r\n\r\n";
    final ParsedMessage message = ParsedMessage.parse(crlf(
            "From: alice@example.org",
            "To: bob@example.org",
            "Subject: [...]",
            "Message-ID: <enc@example.org>",
            "MIME-Version: 1.0",
            "Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\";",
            " boundary=\"XYZ\"",
            "",
            "--XYZ",
            "Content-Type: application/pgp-encrypted",
            "Content-Description: PGP/MIME version identification",
            "",
            "Version: 1",
            "",
            "--XYZ",
            PART2_HEADER + ARMOR,
            "--XYZ--",
            ""));

    @Test
    void bodyStructureOfMultipartEncrypted() {
        assertThat(ARMOR.length()).isEqualTo(70);
        assertThat(message.bodyStructure(true)).isEqualTo(
                "((\"APPLICATION\" \"PGP-ENCRYPTED\" NIL NIL \"PGP/MIME version identification\" \"7BIT\" 12"
                        + " NIL NIL NIL NIL)"
                + "(\"APPLICATION\" \"OCTET-STREAM\" (\"NAME\" \"encrypted.asc\") NIL \"OpenPGP encrypted message\""
                        + " \"7BIT\" 70 NIL (\"INLINE\" (\"FILENAME\" \"encrypted.asc\")) NIL NIL)"
                + " \"ENCRYPTED\" (\"PROTOCOL\" \"application/pgp-encrypted\" \"BOUNDARY\" \"XYZ\") NIL NIL NIL)");
        assertThat(message.bodyStructure(false)).isEqualTo(
                "((\"APPLICATION\" \"PGP-ENCRYPTED\" NIL NIL \"PGP/MIME version identification\" \"7BIT\" 12)"
                + "(\"APPLICATION\" \"OCTET-STREAM\" (\"NAME\" \"encrypted.asc\") NIL \"OpenPGP encrypted message\""
                        + " \"7BIT\" 70) \"ENCRYPTED\")");
    }

    @Test
    void partsExcludeTheCrlfThatBelongsToTheDelimiter() {
        assertThat(text(message.section(part(Text.ALL, 1)))).isEqualTo("Version: 1\r\n");
        assertThat(text(message.section(part(Text.ALL, 2)))).isEqualTo(ARMOR);
        assertThat(text(message.section(part(Text.MIME, 2)))).isEqualTo(PART2_HEADER);
        assertThat(message.section(part(Text.ALL, 3))).isEmpty();
        assertThat(message.section(part(Text.ALL, 0))).isEmpty();
        assertThat(text(message.section(part(Text.TEXT)))).startsWith("--XYZ\r\n").endsWith("--XYZ--\r\n");
    }

    @Test
    void envelopeWithBareAddresses() {
        String alice = "((NIL NIL \"alice\" \"example.org\"))";
        assertThat(message.envelope()).isEqualTo("(NIL \"[...]\" " + alice + " " + alice + " " + alice
                + " ((NIL NIL \"bob\" \"example.org\")) NIL NIL NIL \"<enc@example.org>\")");
    }

    @Test
    void encryptedPayloadIsNotSearchText() {
        assertThat(message.searchableText()).isEmpty();
    }
}
