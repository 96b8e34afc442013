package org.relaycert.server.mime;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Part bytes agree with an independent MIME parser (Angus Mail's raw part streams). */
class CrossCheckTest {

    @Test
    void partBytesMatchAngusMail() throws Exception {
        for (byte[] raw : List.of(
                new EncryptedMessageTest().message.section(SectionSpec.WHOLE),
                new MixedMessageTest().message.section(SectionSpec.WHOLE),
                new NestedMessageTest().message.section(SectionSpec.WHOLE))) {
            ParsedMessage parsed = ParsedMessage.parse(raw);
            MimeMessage reference = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
            MimeMultipart multipart = (MimeMultipart) reference.getContent();
            assertThat(multipart.getCount()).isGreaterThan(1);
            for (int i = 0; i < multipart.getCount(); i++) {
                MimeBodyPart part = (MimeBodyPart) multipart.getBodyPart(i);
                byte[] expected = part.getRawInputStream().readAllBytes();
                byte[] actual = parsed.section(new SectionSpec(List.of(i + 1), SectionSpec.Text.ALL, List.of()));
                assertThat(new String(actual, "UTF-8")).isEqualTo(new String(expected, "UTF-8"));
                assertThat(actual.length).isEqualTo(part.getSize());
            }
        }
    }
}
