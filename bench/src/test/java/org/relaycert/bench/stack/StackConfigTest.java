package org.relaycert.bench.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaycert.fixtures.world.WorldCa;

class StackConfigTest {
    private static final StackLayout LAYOUT = new StackLayout(Path.of("/tmp/stack-x"), "127.0.0.1", "bench.localhost",
            40465, 40993, 40024, 65534, 65534);

    @Test
    void postfixListensOnlyOnTheStackAddressAndKeepsItsStateInTheStackDirectory() {
        String main = PostfixConfig.mainCf(LAYOUT);
        assertThat(main).contains("inet_interfaces = 127.0.0.1\n", "queue_directory = /tmp/stack-x/postfix-queue\n",
                "data_directory = /tmp/stack-x/postfix-data\n", "maillog_file = /tmp/stack-x/postfix.log\n",
                "maillog_file_prefixes = /tmp/stack-x\n");
        assertThat(main).contains("virtual_mailbox_domains = bench.localhost\n",
                "virtual_transport = lmtp:inet:127.0.0.1:40024\n", "smtpd_sasl_path = /tmp/stack-x/dovecot-run/auth-postfix\n");
        assertThat(main).doesNotContain("0.0.0.0").doesNotContain("inet_interfaces = all");
    }

    @Test
    void postfixSubmissionIsImplicitTlsOnTheHighPortAndNoServiceIsChrooted() {
        String master = PostfixConfig.masterCf(LAYOUT);
        List<String> services = master.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(services.get(0)).startsWith("127.0.0.1:40465 inet").contains("smtpd_tls_wrappermode=yes");
        assertThat(services).allSatisfy(l -> assertThat(l.split("\\s+")[4]).as(l).isEqualTo("n"));
        assertThat(services).filteredOn(l -> l.split("\\s+")[1].equals("inet")).hasSize(1);
        assertThat(services).extracting(l -> l.split("\\s+")[0]).contains("cleanup", "qmgr", "lmtp", "postlog");
    }

    @Test
    void dovecotListensOnlyOnTheStackAddressWithImapsAndLmtpOnTheirPorts() {
        String conf = DovecotConfig.dovecotConf(LAYOUT);
        assertThat(conf).contains("listen = 127.0.0.1\n", "base_dir = /tmp/stack-x/dovecot-run\n",
                "mail_location = maildir:/tmp/stack-x/mail/%d/%n\n", "args = scheme=PLAIN username_format=%u /tmp/stack-x/dovecot/users\n");
        assertThat(conf).contains("port = 40993\n", "port = 40024\n", "inet_listener imap {\n    port = 0\n");
        assertThat(conf).contains("unix_listener auth-postfix {").doesNotContain("0.0.0.0").doesNotContain("*");
    }

    @Test
    void passwdFileHasOneLinePerAccountAndRefusesSeparators() {
        Map<String, String> users = new LinkedHashMap<>();
        users.put("probe0001@bench.localhost", "bench-password-probe0001");
        users.put("probe0002@bench.localhost", "bench-password-probe0002");
        assertThat(DovecotConfig.passwdFile(users)).isEqualTo("probe0001@bench.localhost:{PLAIN}bench-password-probe0001\n"
                + "probe0002@bench.localhost:{PLAIN}bench-password-probe0002\n");
        assertThatThrownBy(() -> DovecotConfig.passwdFile(Map.of("a@b", "pass:word"))).isInstanceOf(IllegalArgumentException.class);
    }

    /** Where Dovecot is installed, its own parser accepts the generated file (doveconf exits 0). */
    @Test
    void doveconfAcceptsTheGeneratedConfiguration(@TempDir Path dir) throws Exception {
        Path doveconf = Path.of("/usr/bin/doveconf");
        assumeTrue(Files.isExecutable(doveconf), "Dovecot not installed");
        StackLayout layout = new StackLayout(dir, "127.0.0.1", "bench.localhost", 40465, 40993, 40024, 65534, 65534);
        Files.createDirectories(layout.tls());
        Files.createDirectories(layout.dovecotConfig().getParent());
        WorldCa.create(dir.resolve("ca")).issue(layout.tls(), "stack.bench.localhost", List.of("127.0.0.1"));
        Files.writeString(layout.dovecotConfig(), DovecotConfig.dovecotConf(layout));
        Files.writeString(layout.users(), DovecotConfig.passwdFile(Map.of("probe0001@bench.localhost", "secret-password")));
        Process p = new ProcessBuilder(doveconf.toString(), "-c", layout.dovecotConfig().toString(), "-n")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("listen = 127.0.0.1");
    }
}
