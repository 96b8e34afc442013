package org.relaycert.conformance.settings;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The settings of one run, parsed once: the {@code chatmail.*} keys (the certifier's flags have the same names) and
 * the suite's own {@code relaycert.*} keys, each declared once as a {@link Setting}. A bad value is refused here,
 * naming its key. The run gets {@link #raw()} as configuration parameters; {@code Targets.forRun} reads them back
 * into a {@code Settings} handed to the target, where checks read it ({@code target.settings().value(Setting.X)}).
 */
public final class Settings {
    /** Settings with nothing set: every key at its default. */
    public static final Settings DEFAULTS = new Settings(Map.of());
    // The names the certifier and the report use most; each is its Setting's key.
    public static final String TARGET = Setting.TARGET.key();
    public static final String STRICT = Setting.STRICT.key();
    public static final String REQUIRE_ALL = Setting.REQUIRE_ALL.key();
    public static final String PARALLEL = Setting.PARALLEL.key();
    public static final String ONLY = Setting.ONLY.key();
    public static final String OUT = Setting.OUT.key();
    public static final String EXPECTED = Setting.EXPECTED.key();
    public static final String TARGET_KIND = Setting.TARGET_KIND.key();

    private final Map<String, String> raw;
    private final Map<Setting<?>, Object> values;

    /**
     * Parses {@code raw}; blank values count as unset (Maven hands over empty properties). Keys no {@link Setting}
     * declares are kept as they are ({@link #unknownKeys()}); the certifier refuses them.
     *
     * @throws IllegalArgumentException for a value its setting cannot take, naming the key and the value
     */
    public Settings(Map<String, String> raw) {
        Map<String, String> kept = new TreeMap<>();
        raw.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                kept.put(k, v.strip());
            }
        });
        this.raw = Map.copyOf(kept);
        Map<Setting<?>, Object> parsed = new HashMap<>();
        kept.forEach((k, v) -> Setting.byKey(k).ifPresent(s -> parsed.put(s, s.parse(v))));
        this.values = parsed;
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

    /**
     * Every declared key {@code lookup} knows, e.g. a run's configuration parameters (which JUnit completes with
     * the JVM's system properties).
     */
    public static Settings from(Function<String, Optional<String>> lookup) {
        Map<String, String> m = new TreeMap<>();
        for (Setting<?> s : Setting.all()) {
            lookup.apply(s.key()).ifPresent(v -> m.put(s.key(), v));
        }
        return new Settings(m);
    }

    /** The values as given, unparsed: what a run gets as configuration parameters. */
    public Map<String, String> raw() {
        return raw;
    }

    /** The value set for {@code s}, else its default; empty where neither is. */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> get(Setting<T> s) {
        T v = (T) values.get(s);
        return v != null ? Optional.of(v) : s.defaultValue();
    }

    /** The value set for {@code s}, else its default; for settings that have one. */
    public <T> T value(Setting<T> s) {
        return get(s).orElseThrow(() -> new IllegalStateException(s.key() + " is not set and has no default"));
    }

    /** Whether {@code s} was given (not merely defaulted). */
    public boolean isSet(Setting<?> s) {
        return values.containsKey(s);
    }

    /** The raw value of any key, declared or not. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(raw.get(key));
    }

    /** Keys given that no {@link Setting} declares, each with declared keys close to it. */
    public Map<String, List<String>> unknownKeys() {
        Map<String, List<String>> m = new TreeMap<>();
        raw.keySet().stream().filter(k -> Setting.byKey(k).isEmpty()).forEach(k -> m.put(k, Setting.closeTo(k)));
        return m;
    }

    /** A foreign host (or a container or compose world) rather than the suite's own local world. */
    public boolean external() {
        return isSet(Setting.TARGET) || !value(Setting.TARGET_KIND).equals("local");
    }

    public boolean strict() {
        return value(Setting.STRICT);
    }

    public boolean requireAll() {
        return value(Setting.REQUIRE_ALL);
    }

    /** An external test relay of one's own that may take the check classes side by side. */
    public boolean parallel() {
        return value(Setting.PARALLEL);
    }

    /** Requirement IDs or areas to run ({@code ENC,LAT-01}); empty for all. */
    public List<String> only() {
        return value(Setting.ONLY);
    }

    /** Whether a requirement is among {@link #only()}. */
    public boolean selects(String requirementId) {
        List<String> only = only();
        return only.isEmpty() || only.stream().anyMatch(o -> requirementId.equals(o) || requirementId.startsWith(o + "-"));
    }

    public Optional<Path> out() {
        return get(Setting.OUT);
    }

    public Optional<Path> expected() {
        return get(Setting.EXPECTED);
    }

    /** These settings with one more. */
    public Settings with(String key, String value) {
        Map<String, String> m = new TreeMap<>(raw);
        m.put(key, value);
        return new Settings(m);
    }

    /** These settings with {@code defaults} under every key they leave unset. */
    public Settings orElse(Map<String, String> defaults) {
        Map<String, String> m = new TreeMap<>(defaults);
        m.putAll(raw);
        return new Settings(m);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Settings s && s.raw.equals(raw);
    }

    @Override
    public int hashCode() {
        return raw.hashCode();
    }

    @Override
    public String toString() {
        return "Settings" + raw;
    }
}
