package org.relaycert.server.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns an ini file into a validated {@link RelayConfig}. Every problem names its key and reason;
 * unknown keys are errors, not warnings, so a typo never silently leaves a default in force.
 */
public final class ConfigLoader {
    public static final String PARAMS = "params";
    public static final String RELAY = "relay";
    public static final String FEDERATION = "federation";
    public static final String METADATA = "metadata";

    /** chatmail.ini keys that exist upstream but configure parts this relay does not have. */
    private static final Set<String> ACCEPTED_UNUSED = Set.of(
            "acme_email", "turn_socket_path", "mtail_address", "disable_ipv6", "imap_rawlog", "imap_compress",
            "www_folder", "privacy_postal", "privacy_pdo", "privacy_supervisor", "filtermail_smtp_port",
            "filtermail_smtp_port_incoming", "filtermail_http_port_incoming", "filtermail_lmtp_port_transport",
            "postfix_reinject_port", "postfix_reinject_port_incoming", "mailboxes_dir", "passdb_path");

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern DOMAIN = Pattern.compile("_?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

    private final Path baseDir;
    private final Map<String, String> params;
    private final Map<String, String> relay;
    private final Map<String, String> federation;
    private final Map<String, String> metadata;
    private final Map<String, String> used = new HashMap<>();

    private ConfigLoader(IniFile ini, Path baseDir) throws ConfigException {
        this.baseDir = baseDir;
        for (String s : ini.sectionNames()) {
            if (!s.equals(PARAMS) && !s.equals(RELAY) && !s.equals(FEDERATION) && !s.equals(METADATA)) {
                throw new ConfigException("[" + s + "]: unknown section (known: [params], [relay], [federation], [metadata])");
            }
        }
        this.params = ini.section(PARAMS);
        this.relay = ini.section(RELAY);
        this.federation = ini.section(FEDERATION);
        this.metadata = ini.section(METADATA);
    }

    public static RelayConfig load(Path file) throws ConfigException {
        Path base = file.toAbsolutePath().getParent();
        return new ConfigLoader(IniFile.read(file), base).build();
    }

    /** Parses ini text; relative paths resolve against {@code baseDir}. */
    public static RelayConfig parse(String iniText, Path baseDir) throws ConfigException {
        return new ConfigLoader(IniFile.parse(Arrays.asList(iniText.split("\r?\n")), "<config>"), baseDir).build();
    }

    static boolean isIpv4(String s) {
        return IPV4.matcher(s).matches();
    }

    private RelayConfig build() throws ConfigException {
        String domain = param("mail_domain", null, s -> s);
        if (domain == null || domain.isBlank()) {
            throw new ConfigException("[params] mail_domain: required, the domain (or IPv4 address) of the relay");
        }
        if (!isIpv4(domain) && !DOMAIN.matcher(domain).matches()) {
            throw new ConfigException("[params] mail_domain: '" + domain + "' is not a lower-case domain name or IPv4 address");
        }
        Optional<ChatmailParams.TlsFiles> externalTls = Optional.ofNullable(param("tls_external_cert_and_key", null, v -> {
            String[] parts = v.strip().split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException("expected two space-separated paths 'CERT KEY'");
            }
            return new ChatmailParams.TlsFiles(path(parts[0]), path(parts[1]));
        }));
        int userMin = param("username_min_length", 9, ConfigLoader::positiveInt);
        int userMax = param("username_max_length", 9, ConfigLoader::positiveInt);
        if (userMin > userMax) {
            throw new ConfigException("[params] username_min_length: " + userMin + " is greater than username_max_length " + userMax);
        }
        ChatmailParams p = new ChatmailParams(
                domain,
                externalTls,
                param("max_user_send_per_minute", 60, ConfigLoader::positiveInt),
                param("max_user_send_burst_size", 10, ConfigLoader::positiveInt),
                param("max_mailbox_size", ByteSize.parse("500M"), ByteSize::parse),
                param("max_message_size", 31_457_280L, ByteSize::parse),
                param("delete_mails_after", 20, ConfigLoader::positiveInt),
                param("delete_large_after", 7, ConfigLoader::positiveInt),
                param("delete_inactive_users_after", 90, ConfigLoader::positiveInt),
                userMin,
                userMax,
                param("password_min_length", 9, ConfigLoader::positiveInt),
                param("max_load_1m", 5.0, Double::parseDouble),
                param("min_available_memory", ByteSize.parse("200M"), ByteSize::parse),
                param("min_free_disk_space", ByteSize.parse("1G"), ByteSize::parse),
                param("max_imap_connections", 10_000, ConfigLoader::positiveInt),
                param("max_smtp_connections", 1_000, ConfigLoader::positiveInt),
                Optional.ofNullable(param("iroh_relay", null, s -> s)),
                Optional.ofNullable(param("privacy_mail", null, s -> s)).filter(s -> !s.isBlank()),
                param("passthrough_senders", List.of(), ConfigLoader::list),
                param("passthrough_recipients", List.of(), ConfigLoader::list));
        for (String key : params.keySet()) {
            if (!used.containsKey(PARAMS + "." + key) && !ACCEPTED_UNUSED.contains(key)) {
                throw new ConfigException("[params] " + key + ": unknown key (a typo? see chatmail.ini's documented keys)");
            }
        }

        RelaySettings r = new RelaySettings(
                relay("bind_address", "127.0.0.1", s -> s),
                relay("smtp_port", 25, ConfigLoader::port),
                relay("submission_port", 587, ConfigLoader::port),
                relay("smtps_port", 465, ConfigLoader::port),
                relay("imap_port", 143, ConfigLoader::port),
                relay("imaps_port", 993, ConfigLoader::port),
                relay("https_port", 443, ConfigLoader::port),
                relay("data_dir", path("data"), this::path),
                Optional.ofNullable(relay("tls_cert", null, this::path)),
                Optional.ofNullable(relay("tls_key", null, this::path)),
                Optional.ofNullable(relay("push_gateway_url", null, ConfigLoader::uri)),
                Optional.ofNullable(relay("dns_resolver", null, s -> s)),
                relay("expiry_sweep_interval", Duration.ofHours(1), ConfigLoader::duration),
                relay("max_recipients", 1000, ConfigLoader::positiveInt),
                relay("max_line_length", 2048, ConfigLoader::positiveInt),
                relay("idle_timeout", Duration.ofMinutes(30), ConfigLoader::duration));
        for (String key : relay.keySet()) {
            if (!used.containsKey(RELAY + "." + key)) {
                throw new ConfigException("[relay] " + key + ": unknown key");
            }
        }
        if (r.tlsCert().isPresent() != r.tlsKey().isPresent()) {
            throw new ConfigException("[relay] tls_cert: tls_cert and tls_key must be given together");
        }
        return new RelayConfig(p, r, federation(), metadata(domain));
    }

    private FederationSettings federation() throws ConfigException {
        FederationSettings d = FederationSettings.chatmail();
        FederationSettings f = new FederationSettings(
                Optional.ofNullable(value(FEDERATION, federation, "dkim_key", null, this::path)),
                value(FEDERATION, federation, "dkim_selector", d.dkimSelector(), String::strip),
                value(FEDERATION, federation, "mx_smtp_port", d.mxSmtpPort(), ConfigLoader::port),
                value(FEDERATION, federation, "mx_https_port", d.mxHttpsPort(), ConfigLoader::port),
                Optional.ofNullable(value(FEDERATION, federation, "trust_anchors", null, this::path)),
                value(FEDERATION, federation, "retry_initial", d.retryInitial(), ConfigLoader::duration),
                value(FEDERATION, federation, "retry_max", d.retryMax(), ConfigLoader::duration),
                value(FEDERATION, federation, "queue_lifetime", d.queueLifetime(), ConfigLoader::duration),
                value(FEDERATION, federation, "mxdeliv_fallback_memory", d.mxdelivFallbackMemory(), ConfigLoader::duration));
        for (String key : federation.keySet()) {
            if (!used.containsKey(FEDERATION + "." + key)) {
                throw new ConfigException("[federation] " + key + ": unknown key");
            }
        }
        return f;
    }

    private MetadataSettings metadata(String domain) throws ConfigException {
        Optional<String> secret = Optional.ofNullable(value(METADATA, metadata, "turn_secret", null, String::strip))
                .filter(v -> !v.isEmpty());
        Optional<String> server = Optional.ofNullable(value(METADATA, metadata, "turn_server", null, ConfigLoader::hostPort));
        MetadataSettings m = new MetadataSettings(
                Optional.ofNullable(value(METADATA, metadata, "comment", null, String::strip)).filter(v -> !v.isEmpty()),
                server.or(() -> secret.map(x -> domain + ":3478")),
                secret,
                // unset: the appversions.json chatmail ships, as chatmaild's metadata service serves it
                Optional.of(value(METADATA, metadata, "app_versions", AppVersionsFile.shipped(),
                        v -> AppVersionsFile.singleLine(path(v)))));
        for (String key : metadata.keySet()) {
            if (!used.containsKey(METADATA + "." + key)) {
                throw new ConfigException("[metadata] " + key + ": unknown key (known: comment, turn_server, turn_secret, app_versions)");
            }
        }
        if (m.turnServer().isPresent() && m.turnSecret().isEmpty()) {
            throw new ConfigException("[metadata] turn_server: needs turn_secret to derive credentials");
        }
        return m;
    }

    /** {@code host:port} with a port of 1 to 65535. */
    private static String hostPort(String s) {
        String t = s.strip();
        int colon = t.lastIndexOf(':');
        if (colon <= 0 || port(t.substring(colon + 1)) == 0) {
            throw new IllegalArgumentException("expected host:port");
        }
        return t;
    }

    private <T> T param(String key, T dflt, Function<String, T> conv) throws ConfigException {
        return value(PARAMS, params, key, dflt, conv);
    }

    private <T> T relay(String key, T dflt, Function<String, T> conv) throws ConfigException {
        return value(RELAY, relay, key, dflt, conv);
    }

    private <T> T value(String section, Map<String, String> values, String key, T dflt, Function<String, T> conv)
            throws ConfigException {
        used.put(section + "." + key, key);
        String raw = values.get(key);
        if (raw == null) {
            return dflt;
        }
        try {
            return conv.apply(raw);
        } catch (RuntimeException e) {
            throw new ConfigException("[" + section + "] " + key + ": bad value '" + raw + "': " + e.getMessage());
        }
    }

    private Path path(String s) {
        Path p = Path.of(s);
        return p.isAbsolute() ? p : baseDir.resolve(p).normalize();
    }

    private static int positiveInt(String s) {
        int n = Integer.parseInt(s.strip());
        if (n <= 0) {
            throw new IllegalArgumentException("must be a positive whole number");
        }
        return n;
    }

    private static int port(String s) {
        int n = Integer.parseInt(s.strip());
        if (n < 0 || n > 65535) {
            throw new IllegalArgumentException("a port is 0 (any free port) to 65535");
        }
        return n;
    }

    private static List<String> list(String s) {
        return Arrays.stream(s.strip().split("[\\s,]+")).filter(x -> !x.isEmpty()).toList();
    }

    private static URI uri(String s) {
        try {
            URI u = new URI(s.strip());
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme())) {
                throw new IllegalArgumentException("must be an http(s) URL");
            }
            return u;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /** ISO-8601 ({@code PT30S}) or a number with unit: {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}. */
    static Duration duration(String s) {
        String t = s.strip().toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(java.util.Locale.ROOT));
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a duration: " + e.getMessage());
        }
        var m = Pattern.compile("(\\d+)(ms|s|m|h|d)").matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration (examples: 500ms, 30s, 5m, 2h, 1d)");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
