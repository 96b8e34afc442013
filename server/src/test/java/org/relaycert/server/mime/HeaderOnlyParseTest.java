package org.relaycert.server.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ParsedMessage#parseHeader} (what FETCH reads for Delta Chat's header prefetch) answers ENVELOPE and the
 * top-level HEADER sections exactly as a parse of the whole message does, from any prefix that holds the header,
 * and declines a prefix that ends inside it.
 */
class HeaderOnlyParseTest {
    private static final List<String> MESSAGES = List.of(
            "From: <a@relay.test>\r\nTo: <b@relay.test>\r\nSubject: =?utf-8?q?Gr=C3=BC=C3=9Fe?=\r\n"
                    + "Message-ID: <1@x>\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n\r\nbody\r\n--b--\r\n",
            "From: a@b\nX-Long: one\n two\n three\n\nbody without CR\n",
            "From: a@b\r\nnot a header line\r\nrest\r\n",
            "Subject: only a header\r\n");
    private static final List<SectionSpec> SECTIONS = List.of(
            new SectionSpec(List.of(), SectionSpec.Text.HEADER, List.of()),
            new SectionSpec(List.of(), SectionSpec.Text.HEADER_FIELDS, List.of("FROM", "X-LONG", "SUBJECT")),
            new SectionSpec(List.of(), SectionSpec.Text.HEADER_FIELDS_NOT, List.of("TO")));

    @Test
    void theHeaderAloneAnswersAsTheWholeMessage() {
        for (String text : MESSAGES) {
            byte[] raw = text.getBytes(StandardCharsets.UTF_8);
            ParsedMessage whole = ParsedMessage.parse(raw);
            ParsedMessage header = ParsedMessage.parseHeader(raw, true).orElseThrow();
            assertThat(header.envelope()).isEqualTo(whole.envelope());
            for (SectionSpec spec : SECTIONS) {
                assertThat(header.section(spec)).as("%s of %s", spec, text).isEqualTo(whole.section(spec));
            }
            for (int cut = 1; cut < raw.length; cut++) {
                ParsedMessage.parseHeader(Arrays.copyOf(raw, cut), false).ifPresent(h -> {
                    for (SectionSpec spec : SECTIONS) {
                        assertThat(h.section(spec)).as("%s of a prefix of %s", spec, text).isEqualTo(whole.section(spec));
                    }
                });
            }
        }
    }

    @Test
    void aPrefixEndingInsideTheHeaderIsDeclined() {
        byte[] raw = MESSAGES.get(0).getBytes(StandardCharsets.UTF_8);
        assertThat(ParsedMessage.parseHeader(Arrays.copyOf(raw, 40), false)).isEmpty();
    }
}
