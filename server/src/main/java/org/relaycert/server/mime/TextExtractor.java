package org.relaycert.server.mime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.QuotedPrintableInputStream;

/**
 * Decoded text of the text/* leaves of a message, for SEARCH BODY and TEXT: transfer encoding
 * (quoted-printable, base64) is undone with mime4j's decoders, then the charset parameter applies.
 * Unknown charsets and broken encodings fall back to UTF-8 and best effort rather than failing.
 */
final class TextExtractor {

    private TextExtractor() {
    }

    static String extract(byte[] raw, MimePart root) {
        StringBuilder out = new StringBuilder();
        collect(raw, root, out);
        return out.toString();
    }

    private static void collect(byte[] raw, MimePart part, StringBuilder out) {
        if (part.isMultipart()) {
            for (MimePart child : part.children()) {
                collect(raw, child, out);
            }
        } else if (part.message() != null) {
            collect(raw, part.message(), out);
        } else if (part.type().equals("text")) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(decode(raw, part));
        }
    }

    static String decode(byte[] raw, MimePart part) {
        InputStream in = new ByteArrayInputStream(raw, part.bodyStart(), part.end() - part.bodyStart());
        String enc = part.encoding();
        if (enc.equals("quoted-printable")) {
            in = new QuotedPrintableInputStream(in, DecodeMonitor.SILENT);
        } else if (enc.equals("base64")) {
            in = new Base64InputStream(in, DecodeMonitor.SILENT);
        }
        byte[] bytes;
        try (InputStream stream = in) {
            bytes = stream.readAllBytes();
        } catch (IOException | RuntimeException e) {
            bytes = new byte[0];
        }
        return new String(bytes, charset(part.contentType().param("charset")));
    }

    private static Charset charset(String name) {
        if (name == null || name.equalsIgnoreCase("us-ascii")) {
            return StandardCharsets.UTF_8; // a superset, and mislabelled 8-bit text is usually UTF-8
        }
        try {
            return Charset.forName(name.strip());
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
