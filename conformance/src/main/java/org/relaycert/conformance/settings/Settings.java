package org.relaycert.conformance.settings;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The settings of one run, read once: the {@code chatmail.*} keys (the certifier's flags have the same names) and the
 * suite's own {@code relaycert.*} keys, handed to the run as configuration parameters so every check reads the same
 * values. {@link #raw()} is what the run's target sees.
 */
public record Settings(Map<String, String> raw) {
    public static final String TARGET = "chatmail.target";
    public static final String STRICT = "chatmail.strict";
    public static final String REQUIRE_ALL = "chatmail.require-all";
    public static final String PARALLEL = "chatmail.parallel";
    public static final String ONLY = "chatmail.only";
    public static final String OUT = "chatmail.out";
    public static final String EXPECTED = "chatmail.expected";
    /** A container or the compose world instead of the local world (see {@code TargetChoice}). */
    public static final String TARGET_KIND = "relaycert.target";

    public Settings {
        Map<String, String> kept = new TreeMap<>();
        raw.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                kept.put(k, v.strip());
            }
        });
        raw = Map.copyOf(kept);
    }

    /** The {@code chatmail.*} and {@code relaycert.*} system properties of this JVM (how Maven hands them over). */
    public static Settings fromSystemProperties() {
        return from(System.getProperties());
    }

    public static Settings from(Properties properties) {
        Map<String, String> m = new TreeMap<>();
        properties.stringPropertyNames().stream().filter(k -> k.startsWith("chatmail.") || k.startsWith("relaycert."))
                .forEach(k -> m.put(k, properties.getProperty(k)));
        return new Settings(m);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(raw.get(key));
    }

    private boolean flag(String key) {
        return get(key).map(Boolean::parseBoolean).orElse(false);
    }

    /** A foreign host (or a container or compose world) rather than the suite's own local world. */
    public boolean external() {
        return get(TARGET).isPresent() || !get(TARGET_KIND).orElse("local").equals("local");
    }

    public boolean strict() {
        return flag(STRICT);
    }

    public boolean requireAll() {
        return flag(REQUIRE_ALL);
    }

    /** An external test relay of one's own that may take the check classes side by side. */
    public boolean parallel() {
        return flag(PARALLEL);
    }

    /** Requirement IDs or areas to run ({@code ENC,LAT-01}); empty for all. */
    public List<String> only() {
        return get(ONLY).map(v -> List.of(v.split("\\s*,\\s*"))).orElse(List.of());
    }

    /** Whether a requirement is among {@link #only()}. */
    public boolean selects(String requirementId) {
        List<String> only = only();
        return only.isEmpty() || only.stream().anyMatch(o -> requirementId.equals(o) || requirementId.startsWith(o + "-"));
    }

    public Optional<Path> out() {
        return get(OUT).map(Path::of);
    }

    public Optional<Path> expected() {
        return get(EXPECTED).map(Path::of);
    }

    /** These settings with one more. */
    public Settings with(String key, String value) {
        Map<String, String> m = new TreeMap<>(raw);
        m.put(key, value);
        return new Settings(m);
    }
}
