package org.relaycert.server.mime;

import static org.relaycert.server.mime.ImapString.nstring;
import static org.relaycert.server.mime.ImapString.string;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the FETCH BODY / BODYSTRUCTURE value (RFC 3501 section 7.4.2, RFC 9051 section 7.5.2):
 * <pre>
 * body            = "(" (body-type-1part / body-type-mpart) ")"
 * body-type-1part = (body-type-basic / body-type-msg / body-type-text) [SP body-ext-1part]
 * body-type-basic = media-basic SP body-fields
 * body-type-msg   = media-message SP body-fields SP envelope SP body SP body-fld-lines
 * body-type-text  = media-text SP body-fields SP body-fld-lines
 * body-fields     = body-fld-param SP body-fld-id SP body-fld-desc SP body-fld-enc SP body-fld-octets
 * body-fld-param  = "(" string SP string *(SP string SP string) ")" / nil
 * body-type-mpart = 1*body SP media-subtype [SP body-ext-mpart]
 * body-ext-1part  = body-fld-md5 [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc]]]
 * body-ext-mpart  = body-fld-param [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc]]]
 * body-fld-dsp    = "(" string SP body-fld-param ")" / nil
 * body-fld-lang   = nstring / "(" string *(SP string) ")"
 * body-fld-loc    = nstring
 * </pre>
 * Types, subtypes, encodings, disposition types and parameter names are upper-cased; values are
 * kept. Octets and lines describe the body exactly as stored (still transfer-encoded). Lines are
 * the number of LF octets, as Dovecot counts them: the CRLF before a multipart delimiter belongs to
 * the delimiter, so a part {@code "hello"} followed by {@code "\r\n--b"} has 0 lines.
 */
final class BodyStructureWriter {

    private final byte[] raw;
    private final boolean extensible;

    private BodyStructureWriter(byte[] raw, boolean extensible) {
        this.raw = raw;
        this.extensible = extensible;
    }

    static String write(byte[] raw, MimePart part, boolean extensible) {
        StringBuilder out = new StringBuilder();
        new BodyStructureWriter(raw, extensible).body(part, out);
        return out.toString();
    }

    private void body(MimePart part, StringBuilder out) {
        out.append('(');
        if (part.isMultipart()) {
            for (MimePart child : part.children()) {
                body(child, out);
            }
            out.append(' ').append(string(upper(part.subtype())));
            if (extensible) {
                out.append(' ').append(params(part.contentType()));
                extensionTail(part, out);
            }
        } else {
            out.append(string(upper(part.type()))).append(' ').append(string(upper(part.subtype())))
                    .append(' ').append(params(part.contentType()))
                    .append(' ').append(nstring(part.header().first("Content-ID")))
                    .append(' ').append(nstring(part.header().first("Content-Description")))
                    .append(' ').append(string(upper(part.encoding())))
                    .append(' ').append(part.end() - part.bodyStart());
            if (part.message() != null) {
                out.append(' ').append(EnvelopeWriter.write(part.message().header())).append(' ');
                body(part.message(), out);
                out.append(' ').append(lines(part));
            } else if (part.type().equals("text")) {
                out.append(' ').append(lines(part));
            }
            if (extensible) {
                out.append(' ').append(nstring(part.header().first("Content-MD5")));
                extensionTail(part, out);
            }
        }
        out.append(')');
    }

    private static void extensionTail(MimePart part, StringBuilder out) {
        out.append(' ').append(disposition(part.header().first("Content-Disposition")))
                .append(' ').append(language(part.header().first("Content-Language")))
                .append(' ').append(nstring(part.header().first("Content-Location")));
    }

    private static String params(HeaderParams params) {
        if (params.params().isEmpty()) {
            return "NIL";
        }
        List<String> items = new ArrayList<>();
        for (HeaderParams.Param p : params.params()) {
            items.add(string(upper(p.name())) + " " + string(p.value()));
        }
        return "(" + String.join(" ", items) + ")";
    }

    private static String disposition(String value) {
        if (value == null) {
            return "NIL";
        }
        HeaderParams dsp = HeaderParams.parse(value);
        if (dsp.value().isEmpty()) {
            return "NIL";
        }
        return "(" + string(upper(dsp.value())) + " " + params(dsp) + ")";
    }

    private static String language(String value) {
        if (value == null) {
            return "NIL";
        }
        List<String> tags = new ArrayList<>();
        for (String tag : value.split(",")) {
            if (!tag.isBlank()) {
                tags.add(string(tag.strip()));
            }
        }
        if (tags.isEmpty()) {
            return "NIL";
        }
        return tags.size() == 1 ? tags.get(0) : "(" + String.join(" ", tags) + ")";
    }

    private int lines(MimePart part) {
        int count = 0;
        int start = part.bodyStart();
        int end = part.end();
        for (int i = start; i < end; i++) {
            if (raw[i] == '\n') {
                count++;
            }
        }
        return count;
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
