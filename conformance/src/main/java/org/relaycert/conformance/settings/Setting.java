package org.relaycert.conformance.settings;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One key of a run's settings, declared once: its name, type, default and what it does. {@link #all()} is every key
 * the suite reads; {@link Settings} parses a run's values with these, {@code docs/settings.md} is made from them
 * ({@link SettingsDoc}), and the certifier's flags carry the same names.
 *
 * @param <T> the parsed value's type
 */
public final class Setting<T> {
    /** Who sets a key: the user ({@code chatmail.*}, documented for operators) or the suite itself. */
    public enum Scope {
        /** {@code chatmail.*}: a flag of the certifier, {@code -s KEY=VALUE}, or {@code -DKEY=VALUE} under Maven. */
        USER,
        /** {@code relaycert.*}: set by the suite's own runs and build (variant worlds, the run's record, paths). */
        INTERNAL
    }

    private static final List<Setting<?>> ALL = new ArrayList<>();

    // The relays under test.
    public static final Setting<String> TARGET = user("chatmail.target", "domain", null, "the local world",
            Setting::text, "The relay's mail domain; unset, the suite starts its own local world of reference relays.");
    public static final Setting<String> TARGET2 = user("chatmail.target2", "domain", null, "none", Setting::text,
            "A second relay of another operator, for the federation and cross-relay checks.");
    public static final Setting<String> HOST = user("chatmail.host", "host", null, "chatmail.target", Setting::text,
            "Address or name to connect to for chatmail.target, instead of the domain itself.");
    public static final Setting<String> HOST2 = user("chatmail.host2", "host", null, "chatmail.target2", Setting::text,
            "Address or name to connect to for chatmail.target2.");
    public static final Setting<Integer> PORT_SMTP = port("smtp", 25, "SMTP (MX) port, STARTTLS.");
    public static final Setting<Integer> PORT_SUBMISSION = port("submission", 587, "Submission port, STARTTLS.");
    public static final Setting<Integer> PORT_SMTPS = port("smtps", 465, "Submission port with implicit TLS.");
    public static final Setting<Integer> PORT_IMAP = port("imap", 143, "IMAP port, STARTTLS.");
    public static final Setting<Integer> PORT_IMAPS = port("imaps", 993, "IMAP port with implicit TLS.");
    public static final Setting<Integer> PORT_HTTPS = port("https", 443, "HTTPS port (/new, /mxdeliv, the web pages).");
    public static final Setting<Boolean> INSECURE = user("chatmail.insecure", "boolean", false, null,
            Setting::bool, "Accept any certificate (a test relay with a self-signed one); certificate checks are then"
                    + " not observable.");
    public static final Setting<InetAddress> BIND = user("chatmail.bind", "address", null, "the system's choice",
            Setting::address, "This machine's source address for every connection the suite opens (a relay on this"
                    + " machine must see a remote client).");
    public static final Setting<List<InetAddress>> FLOOD_BIND = user("chatmail.flood.bind", "addresses", List.of(),
            "none", v -> list(v).stream().map(Setting::address).toList(),
            "Further addresses of this machine, comma-separated, that connection floods start from (REL-01/02).");
    public static final Setting<Path> ACCOUNTS = user("chatmail.accounts", "file", null, "none", Setting::path,
            "Accounts made beforehand (address and password a line), used when the relay does not create accounts on"
                    + " first login; relative to the project root.");
    public static final Setting<String> DNS = user("chatmail.dns", "host:port", null, "the system's resolver",
            Setting::hostPort, "The DNS server that knows the target's names (a staging relay public DNS does not know).");
    // What the relay's operator configured, where it differs from chatmail's defaults.
    public static final Setting<Integer> USERNAME_MIN_LENGTH = user("chatmail.username_min_length", "integer", 9,
            null, Setting::positive, "The relay's shortest localpart (chatmail.ini's username_min_length), for ACC-05.");
    public static final Setting<Integer> USERNAME_MAX_LENGTH = user("chatmail.username_max_length", "integer", 9,
            null, Setting::positive, "The relay's longest localpart (chatmail.ini's username_max_length), for ACC-05.");
    // How the suite measures and waits.
    public static final Setting<Duration> ANSWER_TIMEOUT = user("chatmail.answer.timeout", "seconds",
            Duration.ofSeconds(15), null, Setting::seconds,
            "How long the suite waits for one answer of the target (a reply, a response) before it judges it silent;"
                    + " connecting waits at most 10 s of it.");
    public static final Setting<Integer> LATENCY_N = user("chatmail.latency.n", "integer", 50, null,
            Setting::positive, "Messages per latency run (LAT-*).");
    public static final Setting<Integer> LATENCY_DELTACHAT_N = user("chatmail.latency.deltachat.n", "integer", 15,
            null, Setting::positive, "Messages per latency run through the Delta Chat core.");
    public static final Setting<String> PHASE = user("chatmail.phase", "plant|harvest", null, "none",
            v -> choice(v, "plant", "harvest"), "The expiry checks on a live relay: plant writes a receipt, harvest"
                    + " (a day or more later) judges it.");
    public static final Setting<Duration> SWEEP_INTERVAL = user("chatmail.sweep_interval", "ISO-8601 duration",
            Duration.ofHours(25), null, Duration::parse, "The longest the relay's expiry sweep may take to come round"
                    + " (chatmail's timer runs daily): a harvest earlier than this after planting judges nothing yet.");
    public static final Setting<Path> RECEIPTS = user("chatmail.receipts", "directory", null,
            "the report's directory", Setting::path, "Where the expiry checks keep their receipts between phases.");
    // The run and its report.
    public static final Setting<List<String>> ONLY = user("chatmail.only", "IDs or areas", List.of(), "all",
            Setting::list, "Only these requirements or areas, comma-separated, e.g. ENC,LAT-01.");
    public static final Setting<Boolean> STRICT = user("chatmail.strict", "boolean", false, null, Setting::bool,
            "A SHOULD not met fails the run too (exit 1).");
    public static final Setting<Boolean> REQUIRE_ALL = user("chatmail.require-all", "boolean", false, null,
            Setting::bool, "A MUST not judged on this target fails the run (exit 2), for release gates.");
    public static final Setting<Boolean> PARALLEL = user("chatmail.parallel", "boolean", false, null, Setting::bool,
            "An external test relay of one's own takes the check classes side by side (a relay in service gets one"
                    + " at a time).");
    public static final Setting<Path> OUT = user("chatmail.out", "directory", null, "reports/out", Setting::path,
            "Write the report under this directory, in a folder named for the target.");
    public static final Setting<Path> EXPECTED = user("chatmail.expected", "file", null, "none", Setting::path,
            "Expected verdicts (conformance/expected/*.tsv) to compare the run with; the comparison is written beside"
                    + " the report.");

    // The suite's own keys.
    public static final Setting<String> TARGET_KIND = internal("relaycert.target", "local|container|compose", "local",
            v -> choice(v, "local", "container", "compose"), "Which world a run without chatmail.target tests: the"
                    + " local world, a container built from the Dockerfile, or the docker-compose world.");
    public static final Setting<String> VARIANT = internal("relaycert.variant", "name", null, Setting::text,
            "A variant run of the sensitivity run: a local world whose primary relay is this variant.");
    public static final Setting<Integer> RELAYS = internal("relaycert.relays", "integer", 3, Setting::positive,
            "How many relays a local world has.");
    public static final Setting<String> RUN = internal("relaycert.run", "id", null, Setting::text,
            "The run a check reports to (set by CheckRun).");
    public static final Setting<Path> ROOT = internal("relaycert.root", "directory", null, Setting::path,
            "The project's root (Maven sets it); the working directory for the certifier.");
    public static final Setting<String> VERSION = internal("relaycert.version", "version", null, Setting::text,
            "The suite's version in the report, where the jar does not say.");
    public static final Setting<Path> REPORTS_DIR = internal("relaycert.reports.dir", "directory", null,
            Setting::path, "Where the suite's own runs write reports, when chatmail.out is not set.");
    public static final Setting<Path> DELTACHAT_RPC = internal("relaycert.deltachat.rpc", "file", null,
            Setting::path, "The deltachat-rpc-server binary (read by the fixtures' DeltaChatBinary); else searched.");
    public static final Setting<Integer> SENSITIVITY_PARALLEL = internal("relaycert.sensitivity.parallel", "integer",
            null, Setting::positive, "Variant worlds of the sensitivity run at once (./mvnw verify).");

    private final String key;
    private final Scope scope;
    private final String type;
    private final T defaultValue;
    private final String defaultText;
    private final Function<String, T> parser;
    private final String description;

    private Setting(String key, Scope scope, String type, T defaultValue, String defaultText, Function<String, T> parser,
                    String description) {
        this.key = key;
        this.scope = scope;
        this.type = type;
        this.defaultValue = defaultValue;
        this.defaultText = defaultText;
        this.parser = parser;
        this.description = description;
    }

    private static <T> Setting<T> user(String key, String type, T defaultValue, String defaultText,
                                       Function<String, T> parser, String description) {
        return add(new Setting<>(key, Scope.USER, type, defaultValue, defaultText, parser, description));
    }

    private static <T> Setting<T> internal(String key, String type, T defaultValue, Function<String, T> parser,
                                           String description) {
        return add(new Setting<>(key, Scope.INTERNAL, type, defaultValue, null, parser, description));
    }

    private static Setting<Integer> port(String service, int standard, String description) {
        return user("chatmail.port." + service, "port", standard, null, Setting::port, description);
    }

    private static <T> Setting<T> add(Setting<T> s) {
        if (ALL.stream().anyMatch(o -> o.key.equals(s.key))) {
            throw new IllegalStateException("setting declared twice: " + s.key);
        }
        ALL.add(s);
        return s;
    }

    /** Every key the suite reads, in the order of this class. */
    public static List<Setting<?>> all() {
        return Collections.unmodifiableList(ALL);
    }

    public static Optional<Setting<?>> byKey(String key) {
        return ALL.stream().filter(s -> s.key.equals(key)).findFirst();
    }

    /** Declared keys like {@code key} (a typo, a missing prefix), closest first; empty when none is close. */
    public static List<String> closeTo(String key) {
        String bare = key.toLowerCase(Locale.ROOT);
        return ALL.stream().map(Setting::key)
                .filter(k -> distance(bare, k) <= 3 || distance(bare, k.substring(k.indexOf('.') + 1)) <= 2
                        || k.contains(bare) || (bare.contains(".") && bare.substring(bare.indexOf('.') + 1).length() > 2
                        && k.endsWith(bare.substring(bare.indexOf('.')))))
                .sorted(Comparator.comparingInt(k -> distance(bare, k))).limit(3).toList();
    }

    public String key() {
        return key;
    }

    public Scope scope() {
        return scope;
    }

    /** The value's type as the documentation states it. */
    public String type() {
        return type;
    }

    public Optional<T> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** The default as the documentation states it. */
    public String defaultText() {
        if (defaultText != null) {
            return defaultText;
        }
        if (defaultValue instanceof Duration d) {
            return d.toMillis() % 1000 == 0 ? String.valueOf(d.toSeconds()) : String.valueOf(d.toMillis() / 1000.0);
        }
        return defaultValue == null ? "none" : String.valueOf(defaultValue);
    }

    public String description() {
        return description;
    }

    /** {@code value} as this setting's type; a bad value is refused with the key and the value named. */
    public T parse(String value) {
        try {
            return parser.apply(value.strip());
        } catch (RuntimeException e) {
            String why = e instanceof NumberFormatException ? "not a number (" + type + ")" : e.getMessage();
            throw new IllegalArgumentException(key + "=" + value + ": " + why, e);
        }
    }

    @Override
    public String toString() {
        return key;
    }

    private static String text(String v) {
        if (v.isEmpty()) {
            throw new IllegalArgumentException("empty");
        }
        return v;
    }

    private static boolean bool(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("not true or false");
        };
    }

    private static int port(String v) {
        int n = Integer.parseInt(v);
        if (n < 1 || n > 65535) {
            throw new IllegalArgumentException("not a port (1-65535)");
        }
        return n;
    }

    private static int positive(String v) {
        int n = Integer.parseInt(v);
        if (n < 1) {
            throw new IllegalArgumentException("must be at least 1");
        }
        return n;
    }

    private static Duration seconds(String v) {
        double s = Double.parseDouble(v);
        if (!(s > 0) || Double.isInfinite(s)) {
            throw new IllegalArgumentException("must be a positive number of seconds");
        }
        return Duration.ofMillis(Math.round(s * 1000));
    }

    private static Path path(String v) {
        return Path.of(text(v));
    }

    private static InetAddress address(String v) {
        try {
            return InetAddress.getByName(text(v.strip()));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address of this machine");
        }
    }

    private static List<String> list(String v) {
        return Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String hostPort(String v) {
        int colon = v.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not host:port");
        }
        port(v.substring(colon + 1));
        return v;
    }

    private static String choice(String v, String... allowed) {
        if (!Set.of(allowed).contains(v)) {
            throw new IllegalArgumentException("expected " + String.join(", ", List.of(allowed).subList(0,
                    allowed.length - 1)) + " or " + allowed[allowed.length - 1]);
        }
        return v;
    }

    /** Edit distance, for suggestions. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
