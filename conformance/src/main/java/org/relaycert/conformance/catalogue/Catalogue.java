package org.relaycert.conformance.catalogue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.relaycert.reports.Level;
import org.relaycert.reports.Requirement;

/**
 * The requirement catalogue: {@code catalogue/requirements.tsv}, one requirement a line
 * ({@code id, level, statement, source}, tab-separated). The area is the ID's prefix.
 */
public final class Catalogue {
    public static final String RESOURCE = "/catalogue/requirements.tsv";
    private static final Pattern ID = Pattern.compile("(ACC|ENC|FED|LAT|RATE|PUSH|EXP|TLS|DKIM|PRIV|SMTP|IMAP|WEB|IOP|REL|SEC)-\\d{2}");
    private static volatile Catalogue instance;

    private final Map<String, Requirement> byId;

    private Catalogue(Map<String, Requirement> byId) {
        this.byId = byId;
    }

    public static Catalogue load() {
        Catalogue c = instance;
        if (c == null) {
            try (InputStream in = Catalogue.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the classpath");
                }
                c = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            instance = c;
        }
        return c;
    }

    public static Catalogue parse(String tsv) {
        Map<String, Requirement> map = new LinkedHashMap<>();
        List<String> lines;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new java.io.ByteArrayInputStream(tsv.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))) {
            lines = r.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 4) {
                throw new IllegalArgumentException("catalogue line " + (i + 1) + ": expected 4 tab-separated fields, got " + f.length);
            }
            if (!ID.matcher(f[0]).matches()) {
                throw new IllegalArgumentException("catalogue line " + (i + 1) + ": bad requirement id '" + f[0] + "'");
            }
            Requirement req = new Requirement(f[0], Level.valueOf(f[1]), f[0].substring(0, f[0].indexOf('-')), f[2], f[3]);
            if (map.put(f[0], req) != null) {
                throw new IllegalArgumentException("catalogue line " + (i + 1) + ": duplicate id " + f[0]);
            }
        }
        return new Catalogue(map);
    }

    public Optional<Requirement> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<Requirement> all() {
        return new ArrayList<>(byId.values());
    }
}
