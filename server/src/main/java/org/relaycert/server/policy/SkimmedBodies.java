package org.relaycert.server.policy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.james.mime4j.dom.BinaryBody;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.message.BodyFactory;

/**
 * A mime4j body factory for judging a message without holding it: each body (decoded) is kept when it is small,
 * and otherwise only counted; every body gets its ordinal in document order, so a large one can be streamed
 * later by parsing the message again ({@link MailFacts.Leaf#read}). Or, with a {@code wanted} ordinal, the
 * factory hands that body's stream to a reader and stops the parse ({@link Found}).
 */
final class SkimmedBodies implements BodyFactory {
    /** Bodies up to this many octets stay in memory. */
    static final int KEPT = 64 * 1024;

    /** Stops a parse once the wanted body was read; carries its reader's answer or failure. */
    static final class Found extends RuntimeException {
        final Object value;
        final IOException failure;

        Found(Object value, IOException failure) {
            super(null, null, false, false);
            this.value = value;
            this.failure = failure;
        }
    }

    private final int wanted;
    private final MailFacts.BodyReader<?> reader;
    private int next;

    private SkimmedBodies(int wanted, MailFacts.BodyReader<?> reader) {
        this.wanted = wanted;
        this.reader = reader;
    }

    /** Keeps small bodies, counts the others. */
    static SkimmedBodies skim() {
        return new SkimmedBodies(-1, null);
    }

    /** Reads body number {@code ordinal} with {@code reader}, then throws {@link Found}. */
    static SkimmedBodies reading(int ordinal, MailFacts.BodyReader<?> reader) {
        return new SkimmedBodies(ordinal, reader);
    }

    @Override
    public BinaryBody binaryBody(InputStream in) throws IOException {
        return new Binary(take(in));
    }

    @Override
    public TextBody textBody(InputStream in, String mimeCharset) throws IOException {
        return new Text(take(in), mimeCharset);
    }

    private Skimmed take(InputStream in) throws IOException {
        int ordinal = next++;
        if (ordinal == wanted) {
            try {
                throw new Found(reader.read(in), null);
            } catch (IOException e) {
                throw new Found(null, e);
            }
        }
        byte[] start = in.readNBytes(KEPT + 1);
        if (start.length <= KEPT) {
            return new Skimmed(ordinal, start, start.length);
        }
        long size = start.length + in.transferTo(OutputStream.nullOutputStream());
        return new Skimmed(ordinal, null, size);
    }

    /** What the first parse learnt of one body: its ordinal, its octets when small, its size. */
    record Skimmed(int ordinal, byte[] kept, long size) {
    }

    /** The body a factory made, whatever its kind. */
    interface Holder {
        Skimmed skimmed();
    }

    private static final class Binary extends BinaryBody implements Holder {
        private final Skimmed skimmed;

        Binary(Skimmed skimmed) {
            this.skimmed = skimmed;
        }

        @Override
        public Skimmed skimmed() {
            return skimmed;
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return kept(skimmed);
        }

        @Override
        public SingleBody copy() {
            return new Binary(skimmed);
        }
    }

    private static final class Text extends TextBody implements Holder {
        private final Skimmed skimmed;
        private final String mimeCharset;

        Text(Skimmed skimmed, String mimeCharset) {
            this.skimmed = skimmed;
            this.mimeCharset = mimeCharset;
        }

        @Override
        public Skimmed skimmed() {
            return skimmed;
        }

        @Override
        public String getMimeCharset() {
            return mimeCharset;
        }

        @Override
        public Charset getCharset() {
            try {
                return mimeCharset == null ? StandardCharsets.US_ASCII : Charset.forName(mimeCharset);
            } catch (RuntimeException e) {
                return StandardCharsets.US_ASCII;
            }
        }

        @Override
        public Reader getReader() throws IOException {
            return new InputStreamReader(getInputStream(), getCharset());
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return kept(skimmed);
        }

        @Override
        public SingleBody copy() {
            return new Text(skimmed, mimeCharset);
        }
    }

    private static InputStream kept(Skimmed s) throws IOException {
        if (s.kept() == null) {
            throw new IOException("body of " + s.size() + " octets not kept; read it with MailFacts.Leaf.read");
        }
        return new ByteArrayInputStream(s.kept());
    }
}
