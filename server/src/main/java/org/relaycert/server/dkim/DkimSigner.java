package org.relaycert.server.dkim;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.relaycert.server.delivery.SpooledMessage;

/**
 * Signs a message as OpenDKIM does on a chatmail relay (spec 8.1): rsa-sha256, {@code c=relaxed/simple},
 * RFC 6376's recommended headers plus Autocrypt and Content-Type, the important ones oversigned (listed once
 * more than present, so no copy can be added later). The DKIM-Signature field is prepended.
 */
public final class DkimSigner {
    /** Signed once per occurrence plus once more (oversigned). */
    static final List<String> OVERSIGNED = List.of("from", "reply-to", "subject", "date", "to", "cc",
            "resent-date", "resent-from", "resent-to", "resent-cc", "in-reply-to", "references",
            "list-id", "list-help", "list-unsubscribe", "list-subscribe", "list-post", "list-owner",
            "list-archive", "autocrypt");
    /** Signed once per occurrence. */
    static final List<String> SIGNED = List.of("sender", "message-id", "content-type", "content-transfer-encoding",
            "mime-version", "content-id", "content-description");

    private final String domain;
    private final String selector;
    private final PrivateKey key;
    private final Clock clock;

    public DkimSigner(String domain, String selector, PrivateKey key, Clock clock) {
        this.domain = domain;
        this.selector = selector;
        this.key = key;
        this.clock = clock;
    }

    public byte[] sign(byte[] message) {
        HeaderBlock block = HeaderBlock.parse(message);
        byte[] head = signatureField(block, bodyHash(block.body(), Canonicalization.SIMPLE));
        byte[] out = new byte[head.length + message.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(message, 0, out, head.length, message.length);
        return out;
    }

    /** As {@link #sign(byte[])}: the header signed in memory, the body hash streamed; the body is not copied. */
    public SpooledMessage sign(SpooledMessage message) throws java.io.IOException {
        if (!message.crlfFramed()) { // bare line ends: the in-memory reading decides what is body
            return SpooledMessage.of(sign(message.bytes()));
        }
        byte[] head = message.head();
        String bodyHash;
        try (java.io.InputStream body = message.openBody()) {
            bodyHash = bodyHash(body, Canonicalization.SIMPLE);
        }
        byte[] field = signatureField(HeaderBlock.parse(head), bodyHash);
        byte[] signed = java.util.Arrays.copyOf(field, field.length + head.length);
        System.arraycopy(head, 0, signed, field.length, head.length);
        return message.withHead(signed);
    }

    /** The DKIM-Signature field (CRLF included) over {@code block}'s fields and a body hash. */
    private byte[] signatureField(HeaderBlock block, String bodyHash) {
        List<String> names = new ArrayList<>();
        for (String name : OVERSIGNED) {
            long n = block.fields().stream().filter(f -> f.is(name)).count();
            for (long i = 0; i <= n; i++) {
                names.add(name);
            }
        }
        for (String name : SIGNED) {
            block.fields().stream().filter(f -> f.is(name)).forEach(f -> names.add(name));
        }
        String unsigned = "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/simple; d=" + domain + "; s=" + selector
                + ";\r\n\tt=" + clock.instant().getEpochSecond() + "; h=" + String.join(":", names)
                + ";\r\n\tbh=" + bodyHash + ";\r\n\tb=";
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(DkimVerifier.signedHeaders(block, names, unsigned).getBytes(StandardCharsets.ISO_8859_1));
            String b = Base64.getEncoder().encodeToString(rsa.sign());
            String field = unsigned + fold(b) + "\r\n";
            return field.getBytes(StandardCharsets.ISO_8859_1);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("DKIM signing failed", e);
        }
    }

    private static String fold(String b64) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < b64.length(); i += 72) {
            if (i > 0) {
                out.append("\r\n\t ");
            }
            out.append(b64, i, Math.min(b64.length(), i + 72));
        }
        return out.toString();
    }

    /** The body hash of a body read from {@code body} (after the header's empty line), streamed. */
    public static String bodyHash(java.io.InputStream body, Canonicalization c) throws java.io.IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (BodyCanonicalizer canonical = new BodyCanonicalizer(c,
                    new java.io.BufferedOutputStream(new java.security.DigestOutputStream(
                            java.io.OutputStream.nullOutputStream(), sha), 1 << 16))) {
                body.transferTo(canonical);
            }
            return Base64.getEncoder().encodeToString(sha.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String bodyHash(String body, Canonicalization c) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(c.body(body).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
