package org.relaycert.conformance.client;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * The suite's own DKIM verifier (RFC 6376 section 6, rsa-sha256, simple and relaxed canonicalization), kept
 * apart from the relay's so a check never trusts the code it judges. Keys come from DNS TXT records.
 */
public final class DkimSignatures {

    /** One signature: its d= domain, whether it verified, and why not. */
    public record Verdict(String domain, boolean valid, String reason) {
    }

    private final Optional<String> resolver;

    /** {@code resolver}: {@code host:port} of the DNS server to ask; empty for the system's. */
    public DkimSignatures(Optional<String> resolver) {
        this.resolver = resolver;
    }

    public List<Verdict> verify(String message) {
        String msg = message.replace("\r\n", "\n").replace("\n", "\r\n");
        int split = msg.indexOf("\r\n\r\n");
        String head = split < 0 ? msg : msg.substring(0, split + 2);
        String body = split < 0 ? "" : msg.substring(split + 4);
        List<String[]> fields = new ArrayList<>();
        for (String line : head.split("(?<=\r\n)")) {
            if ((line.startsWith(" ") || line.startsWith("\t")) && !fields.isEmpty()) {
                fields.get(fields.size() - 1)[1] += line;
            } else if (line.contains(":")) {
                fields.add(new String[] {line.substring(0, line.indexOf(':')).strip(), line});
            }
        }
        List<Verdict> out = new ArrayList<>();
        for (String[] f : fields) {
            if (f[0].equalsIgnoreCase("DKIM-Signature")) {
                out.add(one(fields, f[1], body));
            }
        }
        return out;
    }

    private Verdict one(List<String[]> fields, String sigField, String body) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String spec : sigField.substring(sigField.indexOf(':') + 1).split(";")) {
            int eq = spec.indexOf('=');
            if (eq > 0) {
                tags.put(spec.substring(0, eq).strip(), spec.substring(eq + 1).replaceAll("\\s+", ""));
            }
        }
        String d = tags.getOrDefault("d", "");
        try {
            if (!"rsa-sha256".equals(tags.get("a"))) {
                return new Verdict(d, false, "algorithm " + tags.get("a"));
            }
            String[] c = tags.getOrDefault("c", "simple/simple").split("/");
            boolean relaxedHead = c[0].equals("relaxed");
            boolean relaxedBody = c.length > 1 && c[1].equals("relaxed");
            String b = canonBody(body, relaxedBody);
            String bh = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(b.getBytes(StandardCharsets.ISO_8859_1)));
            if (!bh.equals(tags.get("bh"))) {
                return new Verdict(d, false, "body hash mismatch");
            }
            StringBuilder data = new StringBuilder();
            Map<String, Integer> used = new HashMap<>();
            for (String name : tags.get("h").split(":")) {
                List<String> same = fields.stream().filter(f -> f[0].equalsIgnoreCase(name)).map(f -> f[1]).toList();
                int idx = same.size() - used.merge(name.toLowerCase(Locale.ROOT), 1, Integer::sum);
                if (idx >= 0) {
                    data.append(canonHeader(same.get(idx), relaxedHead));
                }
            }
            String emptied = sigField.replaceFirst("(?s)((?:^|;)[ \t\r\n]*b[ \t\r\n]*=)[^;]*", "$1");
            String canonSig = canonHeader(emptied, relaxedHead);
            data.append(canonSig, 0, canonSig.length() - 2);
            String txt = txt(tags.get("s") + "._domainkey." + d);
            String p = null;
            for (String part : txt.split(";")) {
                if (part.strip().startsWith("p=")) {
                    p = part.strip().substring(2).replaceAll("\\s+", "");
                }
            }
            PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(p)));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update(data.toString().getBytes(StandardCharsets.ISO_8859_1));
            boolean ok = rsa.verify(Base64.getDecoder().decode(tags.get("b")));
            return new Verdict(d, ok, ok ? "pass" : "signature does not verify with the published key");
        } catch (Exception e) {
            return new Verdict(d, false, "unverifiable: " + e);
        }
    }

    private String txt(String name) throws Exception {
        Lookup lookup = new Lookup(name, Type.TXT);
        if (resolver.isPresent()) {
            String r = resolver.get();
            int colon = r.lastIndexOf(':');
            lookup.setResolver(new SimpleResolver(new InetSocketAddress(InetAddress.getByName(r.substring(0, colon)),
                    Integer.parseInt(r.substring(colon + 1)))));
        }
        lookup.setCache(null);
        Record[] records = lookup.run();
        if (records == null || records.length == 0) {
            throw new IllegalStateException("no TXT record at " + name);
        }
        return String.join("", ((TXTRecord) records[0]).getStrings());
    }

    static String canonHeader(String raw, boolean relaxed) {
        String r = raw.endsWith("\r\n") ? raw : raw + "\r\n";
        if (!relaxed) {
            return r;
        }
        int colon = r.indexOf(':');
        String value = r.substring(colon + 1, r.length() - 2).replace("\r\n", "").replaceAll("[ \t]+", " ").strip();
        return r.substring(0, colon).strip().toLowerCase(Locale.ROOT) + ":" + value + "\r\n";
    }

    static String canonBody(String body, boolean relaxed) {
        String b = body;
        if (relaxed) {
            b = b.replaceAll("[ \t]+\r\n", "\r\n").replaceAll("[ \t]+", " ");
        }
        if (!b.isEmpty() && !b.endsWith("\r\n")) {
            b += "\r\n";
        }
        while (b.endsWith("\r\n\r\n")) {
            b = b.substring(0, b.length() - 2);
        }
        if (b.equals("\r\n") || b.isEmpty()) {
            return relaxed ? "" : "\r\n";
        }
        return b;
    }
}
