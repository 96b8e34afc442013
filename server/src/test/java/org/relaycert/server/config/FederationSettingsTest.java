package org.relaycert.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FederationSettingsTest {
    private static final Path BASE = Path.of("/srv/relay");

    @Test
    void defaultsAreChatmails() throws Exception {
        RelayConfig c = ConfigLoader.parse("[params]\nmail_domain = chat.example.org\n", BASE);
        assertThat(c.federation()).isEqualTo(FederationSettings.chatmail());
        assertThat(c.federation().mxSmtpPort()).isEqualTo(25);
        assertThat(c.federation().queueLifetime()).isEqualTo(Duration.ofDays(5));
    }

    @Test
    void sectionIsReadAndPathsResolveAgainstTheConfig() throws Exception {
        RelayConfig c = ConfigLoader.parse("""
                [params]
                mail_domain = chat.example.org
                [federation]
                dkim_key = keys/dkim.pem
                mx_smtp_port = 2525
                retry_initial = 1s
                queue_lifetime = 0s
                """, BASE);
        assertThat(c.federation().dkimKey()).contains(BASE.resolve("keys/dkim.pem"));
        assertThat(c.federation().mxSmtpPort()).isEqualTo(2525);
        assertThat(c.federation().retryInitial()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.federation().queueLifetime()).isZero();
    }

    @Test
    void unknownKeysAreErrorsNamingTheSection() {
        assertThatThrownBy(() -> ConfigLoader.parse("[params]\nmail_domain = a.test\n[federation]\ndkim_selectr = x\n", BASE))
                .isInstanceOf(ConfigException.class).hasMessageContaining("[federation] dkim_selectr: unknown key");
    }
}
