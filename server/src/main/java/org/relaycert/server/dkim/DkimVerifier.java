package org.relaycert.server.dkim;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies every DKIM-Signature of a message (RFC 6376 section 6): rsa-sha256 only, body hash first, then
 * the header hash over the h= fields (bottom-up for repeated names) and the signature field with b= emptied.
 */
public final class DkimVerifier {

    /** Looks up {@code <selector>._domainkey.<domain>} TXT, joined; empty when there is none. */
    @FunctionalInterface
    public interface KeyLookup {
        Optional<String> txt(String name) throws Exception;
    }

    /** The outcome of one signature: its d= domain and whether it verified (else why not). */
    public record Result(String domain, boolean valid, String reason) {
    }

    private final KeyLookup keys;

    public DkimVerifier(KeyLookup keys) {
        this.keys = keys;
    }

    /** The base64 SHA-256 of a message's body under one canonicalization. */
    @FunctionalInterface
    public interface BodyHash {
        String of(Canonicalization c) throws java.io.IOException;
    }

    public List<Result> verify(byte[] message) {
        HeaderBlock block = HeaderBlock.parse(message);
        return verify(block, c -> DkimSigner.bodyHash(block.body(), c));
    }

    /** Verifies with the header fields of {@code header} and body hashes from {@code body} (streamed). */
    public List<Result> verify(HeaderBlock header, BodyHash body) {
        List<Result> results = new ArrayList<>();
        for (HeaderBlock.Field f : header.fields()) {
            if (f.is("DKIM-Signature")) {
                results.add(verifyOne(header, f, body));
            }
        }
        return results;
    }

    private Result verifyOne(HeaderBlock block, HeaderBlock.Field sig, BodyHash body) {
        String domain = "";
        try {
            TagList tags = TagList.parse(sig.value());
            domain = tags.require("d");
            if (!"1".equals(tags.require("v"))) {
                return new Result(domain, false, "unsupported version");
            }
            if (!"rsa-sha256".equalsIgnoreCase(tags.require("a"))) {
                return new Result(domain, false, "unsupported algorithm " + tags.require("a"));
            }
            if (tags.get("l").isPresent()) {
                return new Result(domain, false, "l= not accepted");
            }
            String[] c = tags.get("c").orElse("simple/simple").split("/");
            Canonicalization headerC = Canonicalization.parse(c[0]);
            Canonicalization bodyC = Canonicalization.parse(c.length > 1 ? c[1] : "simple");
            String bh = tags.require("bh").replace(" ", "");
            if (!body.of(bodyC).equals(bh)) {
                return new Result(domain, false, "body hash mismatch");
            }
            List<String> names = List.of(tags.require("h").replace(" ", "").split(":"));
            if (names.stream().noneMatch(n -> n.equalsIgnoreCase("from"))) {
                return new Result(domain, false, "From not signed");
            }
            String record = keys.txt(tags.require("s") + "._domainkey." + domain)
                    .orElse(null);
            if (record == null) {
                return new Result(domain, false, "no key record");
            }
            String p = TagList.parse(record).require("p").replace(" ", "");
            if (p.isEmpty()) {
                return new Result(domain, false, "key revoked");
            }
            PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(p)));
            String emptied = sig.raw().replaceFirst("(?s)((?:^|;)[ \t\r\n]*b[ \t\r\n]*=)[^;]*", "$1");
            if (emptied.endsWith("\r\n")) {
                emptied = emptied.substring(0, emptied.length() - 2);
            }
            String data = signedHeaders(block, names, emptied, headerC);
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update(data.getBytes(StandardCharsets.ISO_8859_1));
            boolean ok = rsa.verify(Base64.getDecoder().decode(tags.require("b").replace(" ", "")));
            return new Result(domain, ok, ok ? "pass" : "signature mismatch");
        } catch (Exception e) {
            return new Result(domain, false, "unverifiable: " + e.getMessage());
        }
    }

    /** Signing input under relaxed header canonicalization (what the signer uses). */
    static String signedHeaders(HeaderBlock block, List<String> names, String signatureField) {
        return signedHeaders(block, names, signatureField, Canonicalization.RELAXED);
    }

    /** The h= fields, each name taking the next instance from the bottom, then the signature field without CRLF. */
    static String signedHeaders(HeaderBlock block, List<String> names, String signatureField, Canonicalization c) {
        Map<String, Integer> used = new HashMap<>();
        StringBuilder data = new StringBuilder();
        for (String name : names) {
            String key = HeaderBlock.lower(name);
            List<HeaderBlock.Field> same = block.fields().stream().filter(f -> f.is(name)).toList();
            int taken = used.merge(key, 1, Integer::sum);
            int index = same.size() - taken;
            if (index >= 0) {
                data.append(c.header(same.get(index)));
            }
        }
        String sig = c.header(new HeaderBlock.Field("DKIM-Signature", signatureField + "\r\n"));
        data.append(sig, 0, sig.length() - 2);
        return data.toString();
    }
}
