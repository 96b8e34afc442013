package org.relaycert.server.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relaycert.server.mime.Messages.crlf;
import static org.relaycert.server.mime.Messages.part;
import static org.relaycert.server.mime.Messages.text;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.relaycert.server.mime.SectionSpec.Text;

/** Broken input degrades instead of failing; offsets stay exact. */
class MalformedMessageTest {

    static final String US_ASCII = "(\"CHARSET\" \"us-ascii\")";

    @Test
    void noBlankLineMakesEverythingHeader() {
        ParsedMessage m = ParsedMessage.parse(crlf("Subject: x", "From: a@example.org", ""));
        assertThat(m.bodyStructure(true))
                .isEqualTo("(\"TEXT\" \"PLAIN\" " + US_ASCII + " NIL NIL \"7BIT\" 0 0 NIL NIL NIL NIL)");
        assertThat(text(m.section(part(Text.HEADER)))).isEqualTo("Subject: x\r\nFrom: a@example.org\r\n");
        assertThat(m.section(part(Text.TEXT))).isEmpty();
        assertThat(m.headers("From")).containsExactly("a@example.org");
    }

    @Test
    void nonHeaderLineStartsTheBodyWithoutBlankLine() {
        ParsedMessage m = ParsedMessage.parse(crlf("Subject: x", "this is body", ""));
        assertThat(text(m.section(part(Text.HEADER)))).isEqualTo("Subject: x\r\n");
        assertThat(text(m.section(part(Text.TEXT)))).isEqualTo("this is body\r\n");
        assertThat(m.bodyStructure(false)).isEqualTo("(\"TEXT\" \"PLAIN\" " + US_ASCII + " NIL NIL \"7BIT\" 14 1)");
    }

    @Test
    void boundaryThatNeverOccursDegradesToTextPlain() {
        ParsedMessage m = ParsedMessage.parse(crlf(
                "Content-Type: multipart/mixed; boundary=abc", "", "--xyz", "", "hello", "--xyz--", ""));
        assertThat(m.bodyStructure(false)).isEqualTo("(\"TEXT\" \"PLAIN\" " + US_ASCII + " NIL NIL \"7BIT\" 25 4)");
        assertThat(text(m.section(part(Text.ALL, 1)))).isEqualTo("--xyz\r\n\r\nhello\r\n--xyz--\r\n");
        assertThat(m.searchableText()).isEqualTo("--xyz\r\n\r\nhello\r\n--xyz--\r\n");
    }

    @Test
    void multipartWithoutBoundaryParameterDegradesToTextPlain() {
        ParsedMessage m = ParsedMessage.parse(crlf("Content-Type: multipart/mixed", "", "x"));
        assertThat(m.bodyStructure(false)).isEqualTo("(\"TEXT\" \"PLAIN\" " + US_ASCII + " NIL NIL \"7BIT\" 1 0)");
    }

    @Test
    void missingCloseDelimiterEndsLastPartAtEndOfMessage() {
        ParsedMessage m = ParsedMessage.parse(crlf(
                "Content-Type: multipart/mixed; boundary=b", "", "--b", "", "one", "--b", "", "two", "more"));
        assertThat(text(m.section(part(Text.ALL, 1)))).isEqualTo("one");
        assertThat(text(m.section(part(Text.ALL, 2)))).isEqualTo("two\r\nmore");
        assertThat(m.bodyStructure(false)).isEqualTo("((\"TEXT\" \"PLAIN\" " + US_ASCII + " NIL NIL \"7BIT\" 3 0)"
                + "(\"TEXT\" \"PLAIN\" " + US_ASCII + " NIL NIL \"7BIT\" 9 1) \"MIXED\")");
    }

    @Test
    void bareLineFeedsAreLineBreaks() {
        byte[] raw = "Subject: lf\nContent-Type: text/plain\n\nline1\nline2\n".getBytes(StandardCharsets.US_ASCII);
        ParsedMessage m = ParsedMessage.parse(raw);
        assertThat(m.bodyStructure(true)).isEqualTo("(\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 12 2 NIL NIL NIL NIL)");
        assertThat(text(m.section(part(Text.HEADER)))).isEqualTo("Subject: lf\nContent-Type: text/plain\n\n");
        assertThat(m.headers("subject")).containsExactly("lf");
    }

    @Test
    void bareLineFeedMultipart() {
        byte[] raw = "Content-Type: multipart/mixed; boundary=q\n\n--q\n\nA\n--q\n\nB\n--q--\n"
                .getBytes(StandardCharsets.US_ASCII);
        ParsedMessage m = ParsedMessage.parse(raw);
        assertThat(text(m.section(part(Text.ALL, 1)))).isEqualTo("A");
        assertThat(text(m.section(part(Text.ALL, 2)))).isEqualTo("B");
    }

    @Test
    void unparseableContentTypeIsTextPlain() {
        ParsedMessage m = ParsedMessage.parse(crlf("Content-Type: garbage", "", "x"));
        assertThat(m.bodyStructure(false)).isEqualTo("(\"TEXT\" \"PLAIN\" " + US_ASCII + " NIL NIL \"7BIT\" 1 0)");
    }

    @Test
    void emptyInput() {
        ParsedMessage m = ParsedMessage.parse(new byte[0]);
        assertThat(m.envelope()).isEqualTo("(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)");
        assertThat(m.bodyStructure(false)).isEqualTo("(\"TEXT\" \"PLAIN\" " + US_ASCII + " NIL NIL \"7BIT\" 0 0)");
        assertThat(m.section(SectionSpec.WHOLE)).isEmpty();
        assertThat(m.searchableText()).isEmpty();
    }

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(42);
        String alphabet = "-\r\n :;=\"abAB/\t";
        String[] seeds = {"Content-Type: multipart/mixed; boundary=a\r\n\r\n--a\r\n",
            "Content-Type: message/rfc822\r\n\r\n", "From: =?x?q?", "Content-Type: text/plain; charset=\"bogus\r\n"};
        for (int round = 0; round < 2000; round++) {
            StringBuilder s = new StringBuilder(seeds[round % seeds.length]);
            int len = random.nextInt(200);
            for (int i = 0; i < len; i++) {
                s.append(random.nextInt(10) == 0 ? (char) random.nextInt(256) : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            byte[] raw = s.toString().getBytes(StandardCharsets.ISO_8859_1);
            ParsedMessage m = ParsedMessage.parse(raw);
            assertThat(m.bodyStructure(true)).startsWith("(").endsWith(")");
            assertThat(m.envelope()).startsWith("(").endsWith(")");
            assertThat(m.section(SectionSpec.WHOLE)).isEqualTo(raw);
            m.section(new SectionSpec(List.of(1, 1), Text.ALL, List.of()));
            m.section(new SectionSpec(List.of(1), Text.HEADER_FIELDS, List.of("From")));
            m.headers("From");
            m.searchableText();
        }
    }
}
