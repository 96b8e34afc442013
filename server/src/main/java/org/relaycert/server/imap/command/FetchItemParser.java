package org.relaycert.server.imap.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.relaycert.server.imap.parse.ArgumentReader;
import org.relaycert.server.imap.parse.SyntaxException;
import org.relaycert.server.mime.SectionSpec;

/**
 * Reads the attribute part of FETCH:
 * <pre>
 * ("ALL" / "FULL" / "FAST" / fetch-att / "(" fetch-att *(SP fetch-att) ")")
 * section         = "[" [section-spec] "]"
 * section-spec    = section-msgtext / (section-part ["." section-text])
 * section-msgtext = "HEADER" / "HEADER.FIELDS" [".NOT"] SP header-list / "TEXT"
 * section-part    = nz-number *("." nz-number)
 * section-text    = section-msgtext / "MIME"
 * </pre>
 */
final class FetchItemParser {
    private FetchItemParser() {
    }

    static List<FetchItem> parse(ArgumentReader r) throws SyntaxException {
        List<FetchItem> items = new ArrayList<>();
        if (r.consume('(')) {
            while (!r.consume(')')) {
                if (!items.isEmpty()) {
                    r.sp();
                }
                items.add(item(r));
            }
            if (items.isEmpty()) {
                throw new SyntaxException("empty FETCH attribute list");
            }
            return items;
        }
        String peekName = name(r);
        List<FetchItem> macro = FetchItem.macro(peekName);
        if (macro != null) {
            return macro;
        }
        items.add(item(r, peekName));
        return items;
    }

    private static String name(ArgumentReader r) throws SyntaxException {
        return r.word(c -> ArgumentReader.isAtomChar(c) && c != '[', "a FETCH attribute").toUpperCase(Locale.ROOT);
    }

    private static FetchItem item(ArgumentReader r) throws SyntaxException {
        return item(r, name(r));
    }

    private static FetchItem item(ArgumentReader r, String name) throws SyntaxException {
        switch (name) {
            case "FLAGS": return FetchItem.Simple.FLAGS;
            case "UID": return FetchItem.Simple.UID;
            case "INTERNALDATE": return FetchItem.Simple.INTERNALDATE;
            case "RFC822.SIZE": return FetchItem.Simple.RFC822_SIZE;
            case "ENVELOPE": return FetchItem.Simple.ENVELOPE;
            case "BODYSTRUCTURE": return FetchItem.Simple.BODYSTRUCTURE;
            case "RFC822": return new FetchItem.Content("RFC822", SectionSpec.WHOLE, true, -1, 0);
            case "RFC822.HEADER":
                return new FetchItem.Content("RFC822.HEADER", new SectionSpec(List.of(), SectionSpec.Text.HEADER, List.of()), false, -1, 0);
            case "RFC822.TEXT":
                return new FetchItem.Content("RFC822.TEXT", new SectionSpec(List.of(), SectionSpec.Text.TEXT, List.of()), true, -1, 0);
            case "BODY", "BODY.PEEK": {
                if (!r.peekIs('[')) {
                    if (name.equals("BODY")) {
                        return FetchItem.Simple.BODY;
                    }
                    throw new SyntaxException("BODY.PEEK needs a section");
                }
                SectionSpec spec = section(r);
                long offset = -1;
                long length = 0;
                if (r.consume('<')) {
                    offset = r.number();
                    r.expect('.');
                    length = r.nzNumber();
                    r.expect('>');
                }
                return new FetchItem.Content(FetchItem.sectionName(spec), spec, name.equals("BODY"), offset, length);
            }
            default:
                throw new SyntaxException("unknown FETCH attribute " + name);
        }
    }

    private static SectionSpec section(ArgumentReader r) throws SyntaxException {
        r.expect('[');
        List<Integer> part = new ArrayList<>();
        while (Character.isDigit(r.peek())) {
            part.add((int) r.nzNumber());
            if (!r.consume('.')) {
                break;
            }
        }
        SectionSpec.Text text = SectionSpec.Text.ALL;
        List<String> fields = List.of();
        if (!r.peekIs(']')) {
            String t = r.word(c -> Character.isLetter(c) || c == '.', "a section text").toUpperCase(Locale.ROOT);
            text = switch (t) {
                case "HEADER" -> SectionSpec.Text.HEADER;
                case "HEADER.FIELDS" -> SectionSpec.Text.HEADER_FIELDS;
                case "HEADER.FIELDS.NOT" -> SectionSpec.Text.HEADER_FIELDS_NOT;
                case "TEXT" -> SectionSpec.Text.TEXT;
                case "MIME" -> {
                    if (part.isEmpty()) {
                        throw new SyntaxException("MIME needs a part number");
                    }
                    yield SectionSpec.Text.MIME;
                }
                default -> throw new SyntaxException("unknown section " + t);
            };
            if (text == SectionSpec.Text.HEADER_FIELDS || text == SectionSpec.Text.HEADER_FIELDS_NOT) {
                r.sp();
                fields = r.astringList();
                if (fields.isEmpty()) {
                    throw new SyntaxException("empty header list");
                }
            }
        }
        r.expect(']');
        return new SectionSpec(List.copyOf(part), text, fields);
    }
}
