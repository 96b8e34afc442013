package org.relaycert.conformance.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.relaycert.conformance.settings.Setting;
import org.relaycert.conformance.settings.Settings;

/** How -Drelaycert.target picks the relays, and that a missing container world means "skip", with the reason. */
class TargetChoiceTest {

    private static Settings settings(Map<String, String> values) {
        return new Settings(values);
    }

    @Test
    void localUnlessSaidOtherwiseAndUnknownKindsAreRefusedByName() {
        assertThat(TargetChoice.kind(settings(Map.of()))).isEqualTo(TargetChoice.LOCAL);
        assertThat(TargetChoice.kind(settings(Map.of(TargetChoice.PROPERTY, "compose")))).isEqualTo(TargetChoice.COMPOSE);
        assertThatThrownBy(() -> settings(Map.of(TargetChoice.PROPERTY, "kubernetes")))
                .hasMessageContaining("relaycert.target=kubernetes").hasMessageContaining("local, container or compose");
        assertThat(TargetChoice.unavailable(TargetChoice.LOCAL, settings(Map.of()))).isEmpty();
    }

    @Test
    void composeUsesTheComposeFileAddressesUnlessTheUserOverridesThem() {
        Settings s = TargetChoice.composeSettings(settings(Map.of("chatmail.host", "192.0.2.7")));
        assertThat(s.get(Setting.TARGET)).contains("relay-a.test");
        assertThat(s.get(Setting.TARGET2)).contains("relay-b.test");
        assertThat(s.get(Setting.HOST2)).contains("10.89.0.12");
        assertThat(s.value(Setting.INSECURE)).isTrue();
        assertThat(s.get(Setting.HOST)).as("the user's setting wins").contains("192.0.2.7");
    }

    @Test
    void aComposeWorldThatIsNotUpIsSkippedWithHowToStartIt() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Optional<String> why = TargetChoice.unavailable(TargetChoice.COMPOSE, settings(Map.of(
                "chatmail.host", "127.0.0.1", "chatmail.port.imaps", String.valueOf(closedPort))));
        assertThat(why).hasValueSatisfying(reason -> assertThat(reason)
                .contains("connect to relay-a.test (127.0.0.1):" + closedPort + ": Connection refused")
                .contains("docker-compose up -d"));
    }

    @Test
    void aReachableComposeWorldIsUsed() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(TargetChoice.unavailable(TargetChoice.COMPOSE, settings(Map.of(
                    "chatmail.host", "127.0.0.1", "chatmail.port.imaps", String.valueOf(s.getLocalPort()))))).isEmpty();
        }
    }

    @Test
    void withoutDockerTheContainerTargetIsSkippedNotFailed() {
        Assumptions.assumeFalse(ContainerTarget.dockerAvailable(), "a Docker engine is here: ContainerTargetTest runs instead");
        assertThat(TargetChoice.unavailable(TargetChoice.CONTAINER, settings(Map.of())))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("no Docker engine"));
    }
}
