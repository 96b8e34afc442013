package org.relaycert.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.relaycert.server.config.ConfigException;
import org.relaycert.server.config.ConfigLoader;
import org.relaycert.server.config.RelayConfig;

/**
 * The chatmail.ini of a relay under test, written once: {@code [params] mail_domain}, and in {@code [relay]}
 * {@code bind_address = 127.0.0.1}, every listening port 0 (the system picks a free one) and {@code data_dir}
 * when one is given. Tests add the keys their point needs; tests whose point is the INI text itself keep it literal.
 */
public final class TestRelayConfig {
    /** The listening ports, each 0 unless a test sets it. */
    public static final String[] PORTS = {"smtp_port", "submission_port", "smtps_port", "imap_port", "imaps_port", "https_port"};

    private final Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    private Path dataDir;

    private TestRelayConfig(String domain) {
        section(ConfigLoader.PARAMS).put("mail_domain", domain);
        Map<String, String> relay = section(ConfigLoader.RELAY);
        relay.put("bind_address", "127.0.0.1");
        for (String port : PORTS) {
            relay.put(port, "0");
        }
    }

    /** A relay for {@code domain} on 127.0.0.1, every port 0. */
    public static TestRelayConfig domain(String domain) {
        return new TestRelayConfig(domain);
    }

    /** {@code data_dir}; also the base directory {@link #parse()} resolves relative paths against. */
    public TestRelayConfig dataDir(Path dir) {
        this.dataDir = dir;
        section(ConfigLoader.RELAY).put("data_dir", dir.toString());
        return this;
    }

    /** A {@code [params]} key. */
    public TestRelayConfig param(String key, Object value) {
        return set(ConfigLoader.PARAMS, key, value);
    }

    /** A {@code [relay]} key (a port, {@code dns_resolver}, {@code push_gateway_url}, ...). */
    public TestRelayConfig relay(String key, Object value) {
        return set(ConfigLoader.RELAY, key, value);
    }

    /** {@code bind_address}, 127.0.0.1 unless set. */
    public TestRelayConfig bind(String address) {
        return relay("bind_address", address);
    }

    /** A key of any section ({@code federation}, {@code metadata}). */
    public TestRelayConfig set(String section, String key, Object value) {
        section(section).put(key, String.valueOf(value));
        return this;
    }

    private Map<String, String> section(String name) {
        return sections.computeIfAbsent(name, n -> new LinkedHashMap<>());
    }

    /** The chatmail.ini text. */
    public String ini() {
        StringBuilder b = new StringBuilder();
        sections.forEach((name, keys) -> {
            b.append('[').append(name).append("]\n");
            keys.forEach((k, v) -> b.append(k).append(" = ").append(v).append('\n'));
        });
        return b.toString();
    }

    /** The parsed configuration, relative paths against the data directory (set one first). */
    public RelayConfig parse() throws ConfigException {
        if (dataDir == null) {
            throw new IllegalStateException("no data_dir: use parse(Path)");
        }
        return parse(dataDir);
    }

    /** The parsed configuration, relative paths against {@code baseDir}. */
    public RelayConfig parse(Path baseDir) throws ConfigException {
        return ConfigLoader.parse(ini(), baseDir);
    }

    /** Writes the text to {@code file} and returns it. */
    public Path write(Path file) throws IOException {
        return Files.writeString(file, ini());
    }

    @Override
    public String toString() {
        return ini();
    }
}
