package org.relaycert.server.mime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.ParserCursor;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawFieldParser;
import org.apache.james.mime4j.util.ByteArrayBuffer;

/**
 * A structured header value with parameters, as in Content-Type and Content-Disposition
 * (RFC 2045 section 5.1, RFC 2183): {@code value *(";" attribute "=" (token / quoted-string))}.
 * Parsing is mime4j's {@link RawFieldParser}: values are read as UTF-8 and quoted values have RFC
 * 2047 encoded words decoded; parameter order is kept for BODYSTRUCTURE.
 */
record HeaderParams(String value, List<Param> params) {

    record Param(String name, String value) {
    }

    static HeaderParams parse(String headerValue) {
        if (headerValue == null) {
            return new HeaderParams("", List.of());
        }
        byte[] bytes = headerValue.getBytes(StandardCharsets.UTF_8);
        RawBody body;
        try {
            body = RawFieldParser.DEFAULT.parseRawBody(
                    new ByteArrayBuffer(bytes, true), new ParserCursor(0, bytes.length));
        } catch (RuntimeException e) {
            return new HeaderParams("", List.of()); // never fatal; callers treat this as absent
        }
        List<Param> params = new ArrayList<>();
        for (NameValuePair p : body.getParams()) {
            if (p.getName() != null && !p.getName().isEmpty()) {
                params.add(new Param(p.getName(), p.getValue() == null ? "" : p.getValue()));
            }
        }
        String value = body.getValue() == null ? "" : body.getValue().strip();
        return new HeaderParams(value, List.copyOf(params));
    }

    /** The first parameter with this name (case-insensitive), or null. */
    String param(String name) {
        for (Param p : params) {
            if (p.name().equalsIgnoreCase(name)) {
                return p.value();
            }
        }
        return null;
    }

    String lowerValue() {
        return value.toLowerCase(Locale.ROOT);
    }
}
