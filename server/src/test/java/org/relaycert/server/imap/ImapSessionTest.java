package org.relaycert.server.imap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Greeting, capabilities, TLS, login and state rules over real sockets. */
class ImapSessionTest {
    @TempDir
    Path dir;
    ImapTestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new ImapTestServer(dir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void plainPortOffersStartTlsAndRefusesLoginBeforeIt() throws Exception {
        try (TestImapClient c = TestImapClient.plain(server.starttls.localAddress(), server.clientTls)) {
            String greeting = c.readLine();
            assertThat(greeting).startsWith("* OK [CAPABILITY IMAP4rev1").contains("STARTTLS", "LOGINDISABLED", "XCHATMAIL", "XDELTAPUSH")
                    .doesNotContain("AUTH=PLAIN");
            List<String> login = c.command("LOGIN " + ImapTestServer.USER + " " + ImapTestServer.PASSWORD);
            assertThat(TestImapClient.last(login)).startsWith("a1 NO [PRIVACYREQUIRED]");
            assertThat(server.logins).isEmpty();
        }
    }

    @Test
    void startTlsUpgradesToTls13ThenLoginWorksAndCapabilitiesChange() throws Exception {
        try (TestImapClient c = TestImapClient.plain(server.starttls.localAddress(), server.clientTls)) {
            c.readLine();
            assertThat(TestImapClient.last(c.command("STARTTLS"))).startsWith("a1 OK");
            c.upgradeToTls();
            assertThat(c.tlsProtocol()).isEqualTo("TLSv1.3");
            List<String> caps = c.command("CAPABILITY");
            assertThat(caps.getFirst()).contains("AUTH=PLAIN", "LITERAL+", "IDLE").doesNotContain("STARTTLS", "LOGINDISABLED");
            List<String> login = c.command("LOGIN " + ImapTestServer.USER + " " + ImapTestServer.PASSWORD);
            assertThat(TestImapClient.last(login)).startsWith("a3 OK [CAPABILITY IMAP4rev1").contains("MOVE", "UIDPLUS", "QUOTA", "XCHATMAIL");
            assertThat(server.logins).containsExactly(ImapTestServer.USER);
        }
    }

    @Test
    void startTlsDiscardsPipelinedPlaintext() throws Exception {
        try (TestImapClient c = TestImapClient.plain(server.starttls.localAddress(), server.clientTls)) {
            c.readLine();
            // An injected command after STARTTLS in the same packet must not run inside the TLS session.
            c.write("a1 STARTTLS\r\na2 LOGIN " + ImapTestServer.USER + " " + ImapTestServer.PASSWORD + "\r\n");
            assertThat(c.readLine()).startsWith("a1 OK");
            c.upgradeToTls();
            List<String> r = c.command("NOOP");
            assertThat(r).containsExactly("a1 OK NOOP completed.");
            assertThat(server.logins).isEmpty();
        }
    }

    @Test
    void startTlsIsRefusedOnTheImplicitTlsPort() throws Exception {
        try (TestImapClient c = TestImapClient.implicitTls(server.implicit.localAddress(), server.clientTls)) {
            assertThat(c.readLine()).contains("AUTH=PLAIN").doesNotContain("STARTTLS");
            assertThat(TestImapClient.last(c.command("STARTTLS"))).startsWith("a1 BAD");
        }
    }

    @Test
    void wrongPasswordIsAnsweredLateAndStateStaysNotAuthenticated() throws Exception {
        try (TestImapClient c = TestImapClient.implicitTls(server.implicit.localAddress(), server.clientTls)) {
            c.readLine();
            long start = System.nanoTime();
            // The pipelined commands must wait for the late NO and keep their order.
            c.write("a1 LOGIN " + ImapTestServer.USER + " wrong\r\na2 SELECT INBOX\r\na3 NOOP\r\n");
            assertThat(c.readLine()).startsWith("a1 NO [AUTHENTICATIONFAILED]");
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(ImapTestServer.FAILED_LOGIN_DELAY.toNanos());
            assertThat(c.readLine()).startsWith("a2 BAD");
            assertThat(c.readLine()).isEqualTo("a3 OK NOOP completed.");
        }
    }

    @Test
    void authenticatePlainWithInitialResponseAndWithContinuation() throws Exception {
        String plain = java.util.Base64.getEncoder().encodeToString(
                ("\0" + ImapTestServer.USER + "\0" + ImapTestServer.PASSWORD).getBytes());
        try (TestImapClient c = TestImapClient.implicitTls(server.implicit.localAddress(), server.clientTls)) {
            c.readLine();
            assertThat(TestImapClient.last(c.command("AUTHENTICATE PLAIN " + plain))).startsWith("a1 OK [CAPABILITY");
        }
        try (TestImapClient c = TestImapClient.implicitTls(server.implicit.localAddress(), server.clientTls)) {
            c.readLine();
            c.write("x AUTHENTICATE PLAIN\r\n");
            assertThat(c.readLine()).isEqualTo("+ ");
            c.write(plain + "\r\n");
            assertThat(c.readLine()).startsWith("x OK");
            assertThat(TestImapClient.last(c.command("SELECT INBOX"))).startsWith("a1 OK [READ-WRITE]");
        }
        try (TestImapClient c = TestImapClient.implicitTls(server.implicit.localAddress(), server.clientTls)) {
            c.readLine();
            c.write("y AUTHENTICATE PLAIN\r\n");
            c.readLine();
            c.write("*\r\n");
            assertThat(c.readLine()).startsWith("y BAD");
        }
    }

    @Test
    void unknownCommandsBadSyntaxAndWrongStateGetBad() throws Exception {
        try (TestImapClient c = server.loggedIn()) {
            assertThat(TestImapClient.last(c.command("FROBNICATE"))).startsWith("a2 BAD Unknown command");
            assertThat(TestImapClient.last(c.command("SELECT"))).startsWith("a3 BAD");
            assertThat(TestImapClient.last(c.command("FETCH 1 FLAGS"))).startsWith("a4 BAD Command not valid");
            assertThat(TestImapClient.last(c.command("LOGIN a b"))).startsWith("a5 BAD Command not valid");
            assertThat(TestImapClient.last(c.command("SELECT \"INBOX"))).startsWith("a6 BAD");
            c.write("\r\n");
            assertThat(c.readLine()).startsWith("* BAD");
            // A name with a line break must not be able to forge a second response line.
            c.write("x STATUS INBOX ({12+}\r\nX\r\ny OK fake)\r\n");
            assertThat(c.readLine()).startsWith("x BAD unknown STATUS item X  y OK fake");
            assertThat(TestImapClient.last(c.command("NOOP"))).isEqualTo("a7 OK NOOP completed.");
        }
    }

    @Test
    void idAndEnableAndLogout() throws Exception {
        try (TestImapClient c = server.loggedIn()) {
            List<String> id = c.command("ID (\"name\" \"Delta Chat\" \"version\" NIL)");
            assertThat(id).containsExactly("* ID (\"name\" \"relaycert\")", "a2 OK ID completed.");
            assertThat(c.command("ENABLE CONDSTORE")).containsExactly("* ENABLED", "a3 OK Enabled.");
            assertThat(c.command("LOGOUT")).containsExactly("* BYE Logging out", "a4 OK Logout completed.");
            assertThat(c.closedByServer()).isTrue();
        }
    }
}
