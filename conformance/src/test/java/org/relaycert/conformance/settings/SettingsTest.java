package org.relaycert.conformance.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.relaycert.conformance.docs.DocDrift;

class SettingsTest {

    @Test
    void unsetKeysReadAsTheirDefaults() {
        Settings s = Settings.DEFAULTS;
        assertThat(s.value(Setting.PORT_IMAPS)).isEqualTo(993);
        assertThat(s.value(Setting.INSECURE)).isFalse();
        assertThat(s.value(Setting.ANSWER_TIMEOUT)).isEqualTo(Duration.ofSeconds(15));
        assertThat(s.value(Setting.LATENCY_N)).isEqualTo(50);
        assertThat(s.value(Setting.USERNAME_MIN_LENGTH)).isEqualTo(9);
        assertThat(s.value(Setting.TARGET_KIND)).isEqualTo("local");
        assertThat(s.value(Setting.FLOOD_BIND)).isEmpty();
        assertThat(s.get(Setting.TARGET)).isEmpty();
        assertThat(s.isSet(Setting.PORT_IMAPS)).isFalse();
        assertThat(s.external()).isFalse();
        assertThatThrownBy(() -> s.value(Setting.TARGET)).hasMessageContaining("chatmail.target is not set");
    }

    @Test
    void givenValuesAreParsedToTheirTypes() throws Exception {
        Settings s = new Settings(Map.of("chatmail.target", " chat.example.org ", "chatmail.port.imaps", "1993",
                "chatmail.insecure", "TRUE", "chatmail.answer.timeout", "0.5", "chatmail.flood.bind", "127.0.0.3, 127.0.0.4",
                "chatmail.only", "ENC, LAT-01", "chatmail.accounts", "accounts.txt", "relaycert.target", "compose"));
        assertThat(s.get(Setting.TARGET)).contains("chat.example.org");
        assertThat(s.value(Setting.PORT_IMAPS)).isEqualTo(1993);
        assertThat(s.value(Setting.INSECURE)).isTrue();
        assertThat(s.value(Setting.ANSWER_TIMEOUT)).isEqualTo(Duration.ofMillis(500));
        assertThat(s.value(Setting.FLOOD_BIND)).extracting(a -> a.getHostAddress()).containsExactly("127.0.0.3", "127.0.0.4");
        assertThat(s.only()).containsExactly("ENC", "LAT-01");
        assertThat(s.get(Setting.ACCOUNTS)).contains(Path.of("accounts.txt"));
        assertThat(s.external()).isTrue();
        assertThat(s.raw()).containsEntry("chatmail.target", "chat.example.org");
    }

    @Test
    void blankValuesAreUnset() {
        Settings s = new Settings(Map.of("chatmail.target", "", "chatmail.strict", " ", "chatmail.phase", ""));
        assertThat(s.raw()).isEmpty();
        assertThat(s.strict()).isFalse();
    }

    @Test
    void badValuesAreRefusedNamingKeyAndValue() {
        assertThatThrownBy(() -> new Settings(Map.of("chatmail.port.imaps", "imaps")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("chatmail.port.imaps=imaps: not a number (port)");
        assertThatThrownBy(() -> new Settings(Map.of("chatmail.port.smtp", "70000")))
                .hasMessage("chatmail.port.smtp=70000: not a port (1-65535)");
        assertThatThrownBy(() -> new Settings(Map.of("chatmail.insecure", "maybe")))
                .hasMessage("chatmail.insecure=maybe: not true or false");
        assertThatThrownBy(() -> new Settings(Map.of("chatmail.answer.timeout", "-1")))
                .hasMessage("chatmail.answer.timeout=-1: must be a positive number of seconds");
        assertThatThrownBy(() -> new Settings(Map.of("chatmail.latency.n", "0")))
                .hasMessage("chatmail.latency.n=0: must be at least 1");
        assertThatThrownBy(() -> new Settings(Map.of("chatmail.phase", "reap")))
                .hasMessage("chatmail.phase=reap: expected plant or harvest");
        assertThatThrownBy(() -> new Settings(Map.of("relaycert.target", "kubernetes")))
                .hasMessage("relaycert.target=kubernetes: expected local, container or compose");
        assertThatThrownBy(() -> new Settings(Map.of("chatmail.dns", "127.0.0.1")))
                .hasMessage("chatmail.dns=127.0.0.1: not host:port");
        assertThatThrownBy(() -> new Settings(Map.of("chatmail.bind", "no-such-host.invalid")))
                .hasMessage("chatmail.bind=no-such-host.invalid: not an address of this machine");
    }

    @Test
    void unknownKeysAreKeptApartWithTheClosestKnownOnes() {
        Settings s = new Settings(Map.of("chatmail.tagret", "x.org", "chatmail.imaps.port", "1", "chatmail.frobnicate", "1"));
        assertThat(s.unknownKeys()).containsOnlyKeys("chatmail.tagret", "chatmail.imaps.port", "chatmail.frobnicate");
        assertThat(s.unknownKeys().get("chatmail.tagret")).first().isEqualTo("chatmail.target");
        assertThat(s.unknownKeys().get("chatmail.frobnicate")).isEmpty();
        assertThat(Setting.closeTo("chatmail.latency_n")).contains("chatmail.latency.n");
        assertThat(Setting.closeTo("chatmail.port.imap")).first().isEqualTo("chatmail.port.imap");
        assertThat(Settings.DEFAULTS.unknownKeys()).isEmpty();
    }

    @Test
    void aLookupYieldsEveryDeclaredKeyItKnows() {
        Map<String, String> params = Map.of("chatmail.target", "chat.example.org", "relaycert.relays", "2",
                "junit.jupiter.execution.parallel.enabled", "true");
        Settings s = Settings.from(k -> Optional.ofNullable(params.get(k)));
        assertThat(s.raw()).containsOnlyKeys("chatmail.target", "relaycert.relays");
        assertThat(s.value(Setting.RELAYS)).isEqualTo(2);
        Properties p = new Properties();
        p.setProperty("chatmail.strict", "true");
        p.setProperty("java.home", "/x");
        assertThat(Settings.from(p).raw()).containsOnlyKeys("chatmail.strict");
    }

    @Test
    void everyKeyIsDeclaredOnceWithATypeAndADescription() {
        assertThat(Setting.all()).extracting(Setting::key).doesNotHaveDuplicates();
        assertThat(Setting.all()).allSatisfy(s -> {
            assertThat(s.description()).as(s.key()).isNotBlank();
            assertThat(s.type()).as(s.key()).isNotBlank();
            assertThat(s.key()).startsWith(s.scope() == Setting.Scope.USER ? "chatmail." : "relaycert.");
            s.defaultValue().ifPresent(d -> assertThat(s.defaultText()).as(s.key()).isNotBlank());
        });
    }

    /** A chatmail.* key written anywhere in the suite's code names a declared setting. */
    @Test
    void everyChatmailKeyTheSuiteNamesIsDeclared() throws IOException {
        Pattern key = Pattern.compile("\"(chatmail\\.[a-z0-9_.-]*[a-z0-9_])\"");
        TreeSet<String> undeclared = new TreeSet<>();
        Path root = DocDrift.projectRoot();
        for (Path dir : List.of(root.resolve("conformance/src/main/java"), root.resolve("fixtures/src/main/java"))) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = key.matcher(Files.readString(f));
                    while (m.find()) {
                        if (Setting.byKey(m.group(1)).isEmpty() && !m.group(1).equals("chatmail.ini")) {
                            undeclared.add(m.group(1) + " (" + root.relativize(f) + ")");
                        }
                    }
                }
            }
        }
        assertThat(undeclared).as("keys read but not declared in Setting").isEmpty();
    }
}
