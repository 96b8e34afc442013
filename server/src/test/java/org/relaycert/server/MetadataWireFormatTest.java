package org.relaycert.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IMAP METADATA on the wire as Dovecot writes it, judged by Python's imaplib (which hands literals back as
 * separate items): a trailing space in SETMETADATA is accepted, entry names come as atoms and values as
 * literals, no iroh relay is advertised (none runs here), and appversions is chatmail's shipped file.
 */
class MetadataWireFormatTest {
    @TempDir
    static Path data;
    static RunningRelay relay;

    @BeforeAll
    static void start() throws Exception {
        relay = RunningRelay.start(data);
    }

    @AfterAll
    static void stop() {
        relay.close();
    }

    static String imaplib(String... commands) throws Exception {
        ExternalTool python = ExternalTool.require("python3", "python3");
        String script = """
                import imaplib, ssl, sys
                port, ca = int(sys.argv[1]), sys.argv[2]
                for name in ("SETMETADATA", "GETMETADATA"):
                    imaplib.Commands[name] = ("AUTH", "SELECTED")
                m = imaplib.IMAP4_SSL("127.0.0.1", port, ssl_context=ssl.create_default_context(cafile=ca))
                m.login("metawire1@relay.test", "metawire-password-1")
                for line in sys.argv[3:]:
                    verb, _, args = line.partition(" ")
                    typ, _ = m._simple_command(verb, args)
                    print(verb, typ)
                    if verb == "GETMETADATA":
                        print(repr(m._untagged_response(typ, [], "METADATA")[1]))
                m.logout()
                """;
        List<String> args = new java.util.ArrayList<>(List.of("-", String.valueOf(relay.relay.address(Service.IMAPS).getPort()),
                relay.relay.certificate().toString()));
        args.addAll(List.of(commands));
        ExternalTool.Run run = python.run(data, Duration.ofSeconds(30), script, args);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run.output();
    }

    @Test
    void setMetadataWithASpaceBeforeTheClosingParenthesisIsAcceptedAndReadBackAsALiteral() throws Exception {
        String out = imaplib("SETMETADATA INBOX (/private/devicetoken \"1111\" )", "GETMETADATA INBOX /private/devicetoken");
        assertThat(out).contains("SETMETADATA OK")
                .contains("[(b'INBOX (/private/devicetoken {4}', b'1111'), b')']");
    }

    @Test
    void serverEntriesAreAtomNamesWithLiteralValuesAndNoIrohRelay() throws Exception {
        String out = imaplib("GETMETADATA \"\" (/shared/vendor/deltachat/irohrelay /shared/vendor/deltachat/maxsmtprecipients)",
                "GETMETADATA \"\" /shared/vendor/deltachat/appversions");
        assertThat(out).contains("[(b'\"\" (/shared/vendor/deltachat/irohrelay NIL /shared/vendor/deltachat/maxsmtprecipients {4}', b'1000'), b')']");
        assertThat(out).contains("(b'\"\" (/shared/vendor/deltachat/appversions {241}', b'{\"clients\":[{\"clientId\":\"deltachat\"");
    }
}
