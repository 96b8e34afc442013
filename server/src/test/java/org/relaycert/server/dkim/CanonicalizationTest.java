package org.relaycert.server.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 6376 section 3.4.5's examples, byte for byte. */
class CanonicalizationTest {
    private static final String MESSAGE = "A: X\r\nB : Y\t\r\n\tZ  \r\n\r\n C \r\nD \t E\r\n\r\n\r\n";

    @Test
    void relaxedHeadersAsInRfc6376() {
        HeaderBlock block = HeaderBlock.parse(MESSAGE.getBytes(StandardCharsets.ISO_8859_1));
        StringBuilder out = new StringBuilder();
        block.fields().forEach(f -> out.append(Canonicalization.RELAXED.header(f)));
        assertThat(out.toString()).isEqualTo("a:X\r\nb:Y Z\r\n");
    }

    @Test
    void relaxedBodyAsInRfc6376() {
        HeaderBlock block = HeaderBlock.parse(MESSAGE.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(Canonicalization.RELAXED.body(block.body())).isEqualTo(" C\r\nD E\r\n");
    }

    @Test
    void simpleHeadersAndBodyAsInRfc6376() {
        HeaderBlock block = HeaderBlock.parse(MESSAGE.getBytes(StandardCharsets.ISO_8859_1));
        StringBuilder out = new StringBuilder();
        block.fields().forEach(f -> out.append(Canonicalization.SIMPLE.header(f)));
        assertThat(out.toString()).isEqualTo("A: X\r\nB : Y\t\r\n\tZ  \r\n");
        assertThat(Canonicalization.SIMPLE.body(block.body())).isEqualTo(" C \r\nD \t E\r\n");
    }

    @Test
    void emptyBodies() {
        assertThat(Canonicalization.SIMPLE.body("")).isEqualTo("\r\n");
        assertThat(Canonicalization.SIMPLE.body("\r\n\r\n")).isEqualTo("\r\n");
        assertThat(Canonicalization.RELAXED.body("")).isEmpty();
        assertThat(Canonicalization.RELAXED.body("\r\n")).isEmpty();
    }
}
