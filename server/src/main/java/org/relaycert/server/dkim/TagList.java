package org.relaycert.server.dkim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * RFC 6376 section 3.2: {@code tag-list = tag-spec *( ";" tag-spec ) [ ";" ]},
 * {@code tag-spec = [FWS] tag-name [FWS] "=" [FWS] tag-value [FWS]}. Used for DKIM-Signature and key records.
 */
public record TagList(Map<String, String> tags) {

    public static TagList parse(String text) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String spec : text.split(";")) {
            if (spec.isBlank()) {
                continue;
            }
            int eq = spec.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("tag without '=': " + spec.strip());
            }
            String name = spec.substring(0, eq).strip();
            if (tags.putIfAbsent(name, spec.substring(eq + 1).replaceAll("[ \t\r\n]+", " ").strip()) != null) {
                throw new IllegalArgumentException("duplicate tag " + name);
            }
        }
        return new TagList(tags);
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(tags.get(name));
    }

    public String require(String name) {
        return get(name).orElseThrow(() -> new IllegalArgumentException("missing tag " + name + "="));
    }
}
