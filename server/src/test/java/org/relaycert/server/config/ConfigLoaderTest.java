package org.relaycert.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
    private static final Path BASE = Path.of("/srv/relay");

    @Test
    void chatmailDefaultsApplyWhenOnlyTheDomainIsSet() throws Exception {
        RelayConfig c = ConfigLoader.parse("[params]\nmail_domain = chat.example.org\n", BASE);
        ChatmailParams p = c.params();
        assertThat(p.maxUserSendPerMinute()).isEqualTo(60);
        assertThat(p.maxUserSendBurstSize()).isEqualTo(10);
        assertThat(p.maxMailboxSize()).isEqualTo(500L * 1024 * 1024);
        assertThat(p.maxMessageSize()).isEqualTo(31_457_280L);
        assertThat(p.deleteMailsAfterDays()).isEqualTo(20);
        assertThat(p.deleteLargeAfterDays()).isEqualTo(7);
        assertThat(p.deleteInactiveUsersAfterDays()).isEqualTo(90);
        assertThat(p.usernameMinLength()).isEqualTo(9);
        assertThat(p.usernameMaxLength()).isEqualTo(9);
        assertThat(p.passwordMinLength()).isEqualTo(9);
        assertThat(p.maxImapConnections()).isEqualTo(10_000);
        assertThat(p.maxSmtpConnections()).isEqualTo(1_000);
        assertThat(c.relay().smtpPort()).isEqualTo(25);
        assertThat(c.relay().submissionPort()).isEqualTo(587);
        assertThat(c.relay().smtpsPort()).isEqualTo(465);
        assertThat(c.relay().imapPort()).isEqualTo(143);
        assertThat(c.relay().imapsPort()).isEqualTo(993);
        assertThat(c.relay().dataDir()).isEqualTo(BASE.resolve("data"));
        assertThat(p.selfSignedDomain()).isFalse();
    }

    @Test
    void overridesAndSizesAreReadBack() throws Exception {
        RelayConfig c = ConfigLoader.parse("""
                [params]
                mail_domain = _test.example
                max_mailbox_size = 2G
                max_message_size = 100MB
                delete_mails_after = 40
                [relay]
                bind_address = 127.0.0.5
                smtp_port = 0
                data_dir = /var/lib/relay
                expiry_sweep_interval = 2s
                """, BASE);
        assertThat(c.params().maxMailboxSize()).isEqualTo(2L * 1024 * 1024 * 1024);
        assertThat(c.params().maxMessageSize()).isEqualTo(100L * 1024 * 1024);
        assertThat(c.params().deleteMailsAfterDays()).isEqualTo(40);
        assertThat(c.params().selfSignedDomain()).isTrue();
        assertThat(c.relay().bindAddress()).isEqualTo("127.0.0.5");
        assertThat(c.relay().smtpPort()).isZero();
        assertThat(c.relay().dataDir()).isEqualTo(Path.of("/var/lib/relay"));
        assertThat(c.relay().expirySweepInterval()).hasSeconds(2);
    }

    @Test
    void byteSizesInChatmailSpelling() {
        assertThat(ByteSize.parse("500M")).isEqualTo(500L << 20);
        assertThat(ByteSize.parse("2G")).isEqualTo(2L << 30);
        assertThat(ByteSize.parse("1g")).isEqualTo(1L << 30);
        assertThat(ByteSize.parse("100MB")).isEqualTo(100L << 20);
        assertThat(ByteSize.parse("256")).isEqualTo(256);
        assertThatThrownBy(() -> ByteSize.parse("lots")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownKeyIsNamed() {
        assertThatThrownBy(() -> ConfigLoader.parse("[params]\nmail_domain = a.org\nmax_mesage_size = 5\n", BASE))
                .isInstanceOf(ConfigException.class).hasMessageContaining("max_mesage_size").hasMessageContaining("unknown key");
        assertThatThrownBy(() -> ConfigLoader.parse("[params]\nmail_domain = a.org\n[relay]\nsmtp_prot = 25\n", BASE))
                .isInstanceOf(ConfigException.class).hasMessageContaining("smtp_prot");
        assertThatThrownBy(() -> ConfigLoader.parse("[params]\nmail_domain = a.org\n[other]\nx = 1\n", BASE))
                .isInstanceOf(ConfigException.class).hasMessageContaining("[other]");
    }

    @Test
    void badValuesNameTheKeyAndTheReason() {
        assertThatThrownBy(() -> ConfigLoader.parse("[params]\nmail_domain = a.org\ndelete_mails_after = -3\n", BASE))
                .isInstanceOf(ConfigException.class).hasMessageContaining("delete_mails_after").hasMessageContaining("positive");
        assertThatThrownBy(() -> ConfigLoader.parse("[params]\nmail_domain = a.org\n[relay]\nimap_port = 70000\n", BASE))
                .isInstanceOf(ConfigException.class).hasMessageContaining("imap_port");
        assertThatThrownBy(() -> ConfigLoader.parse("[params]\nmail_domain = a.org\ntls_external_cert_and_key = onlyone\n", BASE))
                .isInstanceOf(ConfigException.class).hasMessageContaining("tls_external_cert_and_key");
        assertThatThrownBy(() -> ConfigLoader.parse("[params]\nmax_message_size = 5\n", BASE))
                .isInstanceOf(ConfigException.class).hasMessageContaining("mail_domain");
        assertThatThrownBy(() -> ConfigLoader.parse("[params]\nmail_domain = Bad Domain\n", BASE))
                .isInstanceOf(ConfigException.class).hasMessageContaining("mail_domain");
        assertThatThrownBy(() -> ConfigLoader.parse("[params]\nmail_domain = a.org\nusername_min_length = 12\n", BASE))
                .isInstanceOf(ConfigException.class).hasMessageContaining("username_min_length");
        assertThatThrownBy(() -> ConfigLoader.parse("mail_domain = a.org\n", BASE))
                .isInstanceOf(ConfigException.class).hasMessageContaining("outside of any [section]");
    }

    @Test
    void ipv4DomainMeansSelfSigned() throws Exception {
        RelayConfig c = ConfigLoader.parse("[params]\nmail_domain = 1.3.3.7\n", BASE);
        assertThat(c.params().selfSignedDomain()).isTrue();
    }
}
