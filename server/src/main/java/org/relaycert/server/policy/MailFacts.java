package org.relaycert.server.policy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.address.MailboxList;
import org.apache.james.mime4j.dom.field.ContentTypeField;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;

/**
 * What the mail-path policies need to know about one message, parsed once: top-level type, From address,
 * a few headers, and the leaf parts (type and decoded body). Parsing is lenient about syntax (mime4j's
 * permissive mode) because the decisions are made on the structure, not on the wording.
 */
public final class MailFacts {
    /** Opens the message's octets from the start, once per parse. */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    /** Reads one part's decoded body as a stream. */
    @FunctionalInterface
    public interface BodyReader<T> {
        T read(InputStream body) throws IOException;
    }

    /**
     * One part of the tree that is not multipart: its lower-case MIME type, and its body decoded. Small bodies
     * are at hand; a large one is streamed from the message again by {@link #read}.
     */
    public final class Leaf {
        private final String mimeType;
        private final String rawMimeType;
        private final SkimmedBodies.Skimmed body;

        Leaf(String mimeType, String rawMimeType, SkimmedBodies.Skimmed body) {
            this.mimeType = mimeType;
            this.rawMimeType = rawMimeType;
            this.body = body;
        }

        public String mimeType() {
            return mimeType;
        }

        public String rawMimeType() {
            return rawMimeType;
        }

        /** Decoded octets in the body. */
        public long size() {
            return body.size();
        }

        /** The decoded body in one array (for small parts; a large one costs its size in memory). */
        public byte[] body() throws UnparsableException {
            return read(InputStream::readAllBytes);
        }

        public String text() throws UnparsableException {
            return new String(body(), StandardCharsets.UTF_8);
        }

        /** Streams the decoded body to {@code reader}. */
        public <T> T read(BodyReader<T> reader) throws UnparsableException {
            try {
                if (body.kept() != null) {
                    return reader.read(new ByteArrayInputStream(body.kept()));
                }
                return reread(body.ordinal(), reader);
            } catch (IOException e) {
                throw new UnparsableException("undecodable part: " + e.getMessage());
            }
        }
    }

    private final Source source;
    private final Message message;
    private final List<Entity> children;

    private MailFacts(Source source, Message message) {
        this.source = source;
        this.message = message;
        this.children = message.getBody() instanceof Multipart mp ? mp.getBodyParts() : List.of();
    }

    /** Thrown when the message cannot be parsed at all (chatmail: {@code 500 Failed to parse message}). */
    public static final class UnparsableException extends Exception {
        UnparsableException(String why) {
            super(why, null, false, false);
        }
    }

    public static MailFacts parse(byte[] raw) throws UnparsableException {
        return parse(() -> new ByteArrayInputStream(raw));
    }

    /** Parses the message {@code source} gives, keeping its structure and small bodies only. */
    public static MailFacts parse(Source source) throws UnparsableException {
        try (InputStream in = source.open()) {
            return new MailFacts(source, builder(SkimmedBodies.skim()).parseMessage(in));
        } catch (IOException | RuntimeException e) {
            throw new UnparsableException(String.valueOf(e.getMessage()));
        }
    }

    private static DefaultMessageBuilder builder(SkimmedBodies bodies) {
        DefaultMessageBuilder builder = new DefaultMessageBuilder();
        builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
        builder.setBodyFactory(bodies);
        return builder;
    }

    /** Parses the message again up to body number {@code ordinal} and streams that body to {@code reader}. */
    private <T> T reread(int ordinal, BodyReader<T> reader) throws IOException {
        try (InputStream in = source.open()) {
            builder(SkimmedBodies.reading(ordinal, reader)).parseMessage(in);
        } catch (SkimmedBodies.Found found) {
            if (found.failure != null) {
                throw found.failure;
            }
            @SuppressWarnings("unchecked")
            T value = (T) found.value;
            return value;
        }
        throw new IOException("part " + ordinal + " not found again");
    }

    /** Top-level MIME type, lower case ({@code text/plain} when absent). */
    public String mimeType() {
        return message.getMimeType().toLowerCase(Locale.ROOT);
    }

    /** A parameter of the top-level Content-Type, e.g. {@code protocol}. */
    public Optional<String> contentTypeParameter(String name) {
        return message.getHeader().getField("Content-Type") instanceof ContentTypeField ct
                ? Optional.ofNullable(ct.getParameter(name)) : Optional.empty();
    }

    /** The first value of a header, unfolded and stripped. */
    public Optional<String> header(String name) {
        Field f = message.getHeader().getField(name);
        return f == null ? Optional.empty() : Optional.of(f.getBody().replaceAll("\r?\n", "").strip());
    }

    /** The raw From header value, for error replies. */
    public String fromHeader() {
        return header("From").orElse("");
    }

    /** The single address of the From header, lower case; empty when there is not exactly one. */
    public Optional<String> fromAddress() {
        MailboxList from = message.getFrom();
        if (from == null || from.size() != 1) {
            return Optional.empty();
        }
        Mailbox m = from.get(0);
        return m.getDomain() == null ? Optional.empty() : Optional.of(m.getAddress().toLowerCase(Locale.ROOT));
    }

    public boolean isMultipart() {
        return message.isMultipart();
    }

    /** The direct children of a top-level multipart (empty otherwise). */
    public int childCount() {
        return children.size();
    }

    /** Whether any direct child is itself multipart. */
    public boolean nestedMultipart() {
        return children.stream().anyMatch(Entity::isMultipart);
    }

    /** The direct children that are not multipart, in order. */
    public List<Leaf> leaves() throws UnparsableException {
        List<Leaf> out = new ArrayList<>();
        for (Entity e : children) {
            if (!e.isMultipart()) {
                out.add(new Leaf(e.getMimeType().toLowerCase(Locale.ROOT), rawType(e), skimmed(e.getBody())));
            }
        }
        return out;
    }

    private static String rawType(Entity e) {
        return e.getHeader().getField("Content-Type") instanceof ContentTypeField ct
                ? ct.getMimeType() : e.getMimeType();
    }

    /** What the parse kept of a leaf's body; a body of another kind (a nested message) counts as empty. */
    private static SkimmedBodies.Skimmed skimmed(Body body) {
        return body instanceof SkimmedBodies.Holder h ? h.skimmed() : new SkimmedBodies.Skimmed(-1, new byte[0], 0);
    }
}
