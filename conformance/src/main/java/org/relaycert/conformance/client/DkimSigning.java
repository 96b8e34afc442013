package org.relaycert.conformance.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The suite's own DKIM signer (RFC 6376 section 5, rsa-sha256, relaxed/relaxed), for mail the suite injects
 * as if it came from another relay. It shares canonicalization with {@link DkimSignatures}, so what it signs
 * the suite's verifier accepts; a relay's verifier is what is being judged.
 */
public final class DkimSigning {
    /** Signed when present, in this order (RFC 6376 section 5.4.1: From is required). */
    private static final List<String> SIGNED = List.of("from", "to", "subject", "date", "message-id", "in-reply-to",
            "mime-version", "content-type");

    private final String domain;
    private final String selector;
    private final PrivateKey key;

    public DkimSigning(String domain, String selector, PrivateKey key) {
        this.domain = domain;
        this.selector = selector;
        this.key = key;
    }

    /** {@code message} with a {@code DKIM-Signature} field of {@code d=domain} prepended. */
    public String sign(String message) throws GeneralSecurityException {
        String msg = message.replace("\r\n", "\n").replace("\n", "\r\n");
        int split = msg.indexOf("\r\n\r\n");
        String head = split < 0 ? msg + "\r\n" : msg.substring(0, split + 2);
        String body = split < 0 ? "" : msg.substring(split + 4);
        List<String[]> fields = fields(head);
        String bh = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(DkimSignatures.canonBody(body, true).getBytes(StandardCharsets.ISO_8859_1)));
        List<String> names = new ArrayList<>();
        StringBuilder data = new StringBuilder();
        for (String name : SIGNED) {
            for (int i = fields.size() - 1; i >= 0; i--) {
                if (fields.get(i)[0].equalsIgnoreCase(name)) {
                    names.add(name);
                    data.append(DkimSignatures.canonHeader(fields.get(i)[1], true));
                    break;
                }
            }
        }
        String sig = "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + domain + "; s=" + selector
                + "; h=" + String.join(":", names) + "; bh=" + bh + "; b=";
        String canonSig = DkimSignatures.canonHeader(sig, true);
        data.append(canonSig, 0, canonSig.length() - 2);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(data.toString().getBytes(StandardCharsets.ISO_8859_1));
        return sig + Base64.getEncoder().encodeToString(rsa.sign()) + "\r\n" + msg;
    }

    private static List<String[]> fields(String head) {
        List<String[]> fields = new ArrayList<>();
        for (String line : head.split("(?<=\r\n)")) {
            if ((line.startsWith(" ") || line.startsWith("\t")) && !fields.isEmpty()) {
                fields.get(fields.size() - 1)[1] += line;
            } else if (line.contains(":")) {
                fields.add(new String[] {line.substring(0, line.indexOf(':')).strip().toLowerCase(Locale.ROOT), line});
            }
        }
        return fields;
    }
}
