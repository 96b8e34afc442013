package org.relaycert.server.mime;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Test message builders: lines joined with CRLF, as stored after SMTP. */
final class Messages {

    private Messages() {
    }

    static byte[] crlf(String... lines) {
        return (String.join("\r\n", lines)).getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static SectionSpec part(SectionSpec.Text text, Integer... path) {
        return new SectionSpec(List.of(path), text, List.of());
    }

    static SectionSpec fields(SectionSpec.Text text, String... names) {
        return new SectionSpec(List.of(), text, List.of(names));
    }
}
