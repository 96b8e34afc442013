package org.relaycert.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line: help on every command, config errors name the key and exit 2, new-account prints dclogin. */
class MainTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = new CommandLine(new Main()).execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private Path config(String text) throws Exception {
        Path p = dir.resolve("chatmail.ini");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void everyCommandHasHelp() {
        for (String cmd : new String[] {"serve", "new-account", "check-config"}) {
            Run r = run(cmd, "--help");
            assertThat(r.exit()).as(cmd).isZero();
            assertThat(r.out()).as(cmd).contains("Usage:").contains("--config");
        }
        assertThat(run("--help").out()).contains("serve").contains("new-account").contains("check-config");
    }

    @Test
    void unknownKeyIsNamedAndExitsTwoWithoutStarting() throws Exception {
        Path bad = config("[params]\nmail_domain = relay.test\nmax_user_send_per_minut = 60\n[relay]\ndata_dir = " + dir + "\n");
        for (String cmd : new String[] {"check-config", "serve", "new-account"}) {
            Run r = run(cmd, "--config", bad.toString());
            assertThat(r.exit()).as(cmd).isEqualTo(2);
            assertThat(r.err()).as(cmd).contains("max_user_send_per_minut");
            assertThat(r.out()).as(cmd).doesNotContain("ready");
        }
    }

    @Test
    void newAccountPrintsDcloginForSelfSignedRelay() throws Exception {
        Path ok = config("[params]\nmail_domain = _relay.localhost\n[relay]\nbind_address = 127.0.0.1\nimaps_port = 9993\n"
                + "smtps_port = 4465\ndata_dir = " + dir + "\n");
        Run r = run("new-account", "--config", ok.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out().strip()).matches("dclogin:[a-z0-9]{9}@_relay\\.localhost\\?p=\\S+&v=1&ih=127\\.0\\.0\\.1&sh=127\\.0\\.0\\.1"
                + "&ip=9993&is=ssl&sp=4465&ss=ssl&ic=3");
        assertThat(run("check-config", "--config", ok.toString()).out()).contains("config ok");
    }
}
