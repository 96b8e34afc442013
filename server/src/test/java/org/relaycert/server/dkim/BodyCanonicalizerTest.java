package org.relaycert.server.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The streamed body canonicalization gives what {@link Canonicalization#body} gives, for the RFC 6376 examples
 * and for random bodies made of the characters that matter (WSP, CR, LF, text), and the streamed body hash is
 * the in-memory one.
 */
class BodyCanonicalizerTest {

    @Test
    void rfcExamplesAndEdges() throws IOException {
        String[] bodies = {"", "\r\n", "\r\n\r\n", " C \r\nD \t E\r\n\r\n\r\n", "abc", "abc ", "abc \r", "abc\r\n\r",
            " \r \n", "\r", "\n", " ", "\t\r\n", "a\r\n \r\n", "a\r\r\n\r\n", "x \t \r\n\r\n y \r\n\r\n\r\n"};
        for (String body : bodies) {
            for (Canonicalization c : Canonicalization.values()) {
                assertThat(streamed(body, c)).as("%s of [%s]", c, body).isEqualTo(c.body(body));
            }
        }
    }

    @Test
    void randomBodiesAsInMemory() throws IOException {
        Random random = new Random(7);
        String alphabet = "  \t\r\n\r\nab.\u0085";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(24);
            for (int k = 0; k < n; k++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String body = b.toString();
            for (Canonicalization c : Canonicalization.values()) {
                assertThat(streamed(body, c)).as("%s of [%s]", c, body.replace("\r", "\\r").replace("\n", "\\n"))
                        .isEqualTo(c.body(body));
            }
        }
    }

    @Test
    void streamedBodyHashIsTheInMemoryOne() throws IOException {
        String body = "Hello \t world  \r\n\r\nsecond line\r\n\r\n\r\n";
        for (Canonicalization c : Canonicalization.values()) {
            assertThat(DkimSigner.bodyHash(new ByteArrayInputStream(body.getBytes(StandardCharsets.ISO_8859_1)), c))
                    .isEqualTo(DkimSigner.bodyHash(body, c));
        }
    }

    private static String streamed(String body, Canonicalization c) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BodyCanonicalizer canonical = new BodyCanonicalizer(c, out)) {
            canonical.write(body.getBytes(StandardCharsets.ISO_8859_1));
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
