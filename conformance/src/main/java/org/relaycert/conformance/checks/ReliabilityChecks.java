package org.relaycert.conformance.checks;

import org.relaycert.conformance.probes.ConnectionFlood;
import org.relaycert.conformance.probes.DeliveryUnderLoad;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relaycert.conformance.ConformanceCheck;
import org.relaycert.conformance.Evidence;
import org.relaycert.conformance.NeedsTargetAlone;
import org.relaycert.conformance.RequirementId;
import org.relaycert.wire.ImapResponse;
import org.relaycert.wire.ImapSession;
import org.relaycert.wire.SmtpReply;
import org.relaycert.wire.SmtpSession;
import org.relaycert.conformance.targets.Credentials;
import org.relaycert.conformance.targets.NotObservableException;
import org.relaycert.conformance.targets.RelayUnderTest;
import org.relaycert.conformance.targets.Target;

/** Reliability: the relay holds up under many connections, slow clients and garbage, and keeps delivering. */
@ConformanceCheck
@NeedsTargetAlone("floods the relay with connections, up to its limits")
class ReliabilityChecks {
    /** A client waits this long for any answer here; a relay that takes longer lets the client down. */
    static final Duration PATIENCE = Duration.ofSeconds(5);

    @Test
    @RequirementId("REL-01")
    void survivesManyConnections(Target t, Evidence ev) throws Exception {
        RelayUnderTest r = t.primary();
        // set-up before the flood: the accounts; under the flood, their logins and delivery are the rule's
        Credentials from = r.account();
        Credentials to = r.account();
        try (ConnectionFlood smtp = ConnectionFlood.open(r.smtp(), t.floodSources(), 250, Duration.ofSeconds(10));
             ConnectionFlood imap = ConnectionFlood.open(r.imap(), t.floodSources(), 250, Duration.ofSeconds(10))) {
            ev.line("250 connections to port 25: " + smtp + "; 250 to port 143: " + imap + floodOrigin(t));
            for (ConnectionFlood f : List.of(smtp, imap)) {
                assertThat(f.count(ConnectionFlood.Outcome.SILENT) + f.count(ConnectionFlood.Outcome.UNREACHABLE))
                        .as("connections neither greeted nor refused (%s)", f).isZero();
            }
            boolean limitedPerClient = t.floodSources().isEmpty()
                    && smtp.count(ConnectionFlood.Outcome.REFUSED) + imap.count(ConnectionFlood.Outcome.REFUSED) > 0;
            try {
                DeliveryUnderLoad.assertDelivers(t, ev, "with 500 connections open", from, to);
            } catch (AssertionError e) {
                if (limitedPerClient) {
                    throw new NotObservableException("the relay refused some of the suite's 500 connections and then "
                            + "the suite's own mail (" + e.getMessage().strip() + "): all came from one address, so a "
                            + "per-client limit (a defence) cannot be told from a relay that stops delivering; give a "
                            + "second source address (-Dchatmail.flood.bind=ADDRESS)");
                }
                throw e;
            }
        }
    }

    @Test
    @RequirementId("REL-02")
    void slowClientsBlockNobody(Target t, Evidence ev) throws Exception {
        RelayUnderTest r = t.primary();
        Credentials c = r.account();
        Credentials from = r.account();
        Credentials to = r.account();
        try (ConnectionFlood slowSmtp = ConnectionFlood.open(r.smtp(), t.floodSources(), 100, Duration.ofSeconds(10));
             ConnectionFlood slowImap = ConnectionFlood.open(r.imap(), t.floodSources(), 100, Duration.ofSeconds(10))) {
            slowSmtp.trickle("EHL");
            slowImap.trickle("s1 NOO");
            ev.line("slow clients holding partial commands: port 25 " + slowSmtp + ", port 143 " + slowImap + floodOrigin(t));
            try (SmtpSession s = SmtpSession.open(r.smtp(), null, null, PATIENCE)) {
                SmtpReply greeting = s.greeting();
                SmtpReply ehlo = greeting.code() == 220 ? s.ehlo("relaycert.test") : greeting;
                ev.transcript("a normal client on port 25 meanwhile", s.transcript());
                if (greeting.code() == 421 && t.floodSources().isEmpty()) {
                    throw new NotObservableException("the relay refused the suite's client (" + greeting + ") while the "
                            + "suite's own slow connections from the same address were open: a per-client connection "
                            + "limit, a defence; whether other clients are served needs a second source address "
                            + "(-Dchatmail.flood.bind=ADDRESS)");
                }
                assertThat(greeting.code()).as("greeting for a normal client: %s", greeting).isEqualTo(220);
                assertThat(ehlo.code()).as("EHLO of a normal client: %s", ehlo).isEqualTo(250);
            } catch (java.net.SocketTimeoutException e) {
                throw new AssertionError("a normal client on port 25 got no answer within " + PATIENCE, e);
            }
            slowSmtp.trickle("O");
            slowImap.trickle("O");
            try (ImapSession s = ImapSession.open(r.imaps(), t.trust(), null, PATIENCE)) {
                ImapResponse login = s.login(c.address(), c.password());
                ev.transcript("a normal client on port 993 meanwhile", s.transcript());
                assertThat(login.ok()).as("login of a normal client: %s", login).isTrue();
            } catch (java.net.SocketTimeoutException e) {
                throw new AssertionError("a normal client on port 993 got no answer within " + PATIENCE, e);
            }
            DeliveryUnderLoad.assertDelivers(t, ev, "with 200 slow clients connected", from, to);
        }
    }

    @Test
    @RequirementId("REL-03")
    void garbageGetsErrors(Target t, Evidence ev) throws Exception {
        RelayUnderTest r = t.primary();
        List<byte[]> smtpGarbage = List.of(bytes("\u00ff\u00fe\u00c3\u0028"), bytes("\u0000\u0001\u0002"),
                bytes("XYZZY plugh"), bytes("MAIL FROM:<<<>>>"), bytes("A".repeat(3000)));
        try (SmtpSession s = SmtpSession.open(r.smtp(), null, null, PATIENCE)) {
            // a hang-up counts as a clean end only on a session the relay had opened
            assertThat(s.greeting().code()).as("greeting on port 25: %s", s.greeting()).isEqualTo(220);
            SmtpReply ehlo = s.ehlo("relaycert.test");
            assertThat(ehlo.code()).as("EHLO on port 25: %s", ehlo).isEqualTo(250);
            boolean closed = false;
            for (byte[] junk : smtpGarbage) {
                SmtpReply reply;
                try {
                    s.sendRaw(junk, "C: <" + junk.length + " bytes of garbage>");
                    reply = readOrFail(s, "port 25", ev);
                } catch (java.net.SocketException e) {
                    // Postfix hangs up after smtpd_hard_error_limit errors; a write or read then meets the closed link
                    ev.line("port 25: the relay closed the connection on garbage (" + e.getMessage() + ")");
                    closed = true;
                    break;
                }
                if (reply.code() == 0 || reply.code() == 421 || reply.code() == 221) {
                    // a clean end: the relay may hang up on a client that only sends garbage (Postfix 3.7 answers a
                    // line that starts with no letter, smtpd_forbidden_commands, with 221 and closes)
                    closed = true;
                    break;
                }
                assertThat(reply.code()).as("reply to garbage: %s", reply).isBetween(500, 599);
            }
            if (!closed) {
                SmtpReply noop = readOrFail(s, "port 25", ev, "NOOP");
                assertThat(noop.code()).as("NOOP after the garbage: %s", noop).isEqualTo(250);
            }
            ev.transcript("port 25", s.transcript());
        }
        try (ImapSession s = ImapSession.open(r.imap(), null, null, PATIENCE)) {
            assertThat(s.greeting()).as("greeting on port 143").isNotNull().startsWith("* OK");
            List<byte[]> imapGarbage = List.of(bytes("g1 \u00ff\u00fe\u0080"), bytes("\u0000\u0001\u0002"),
                    bytes("g3 XYZZY plugh"), bytes("g4 LOGIN"), bytes("g5 " + "A".repeat(3000)));
            boolean closed = false;
            // one line at a time, each answer read before the next: a relay that hangs up on garbage (Dovecot after
            // too many invalid commands) then closes a link with nothing unread, instead of one reset by unread data
            for (byte[] junk : imapGarbage) {
                String answer;
                try {
                    s.sendRaw(junk, "C: <" + junk.length + " bytes of garbage>");
                    answer = s.readResponseLine();
                } catch (java.net.SocketTimeoutException e) {
                    ev.transcript("port 143", s.transcript());
                    throw new AssertionError("no answer within " + PATIENCE + " to garbage on port 143 (a tarpit or a hang)", e);
                } catch (java.net.SocketException e) {
                    ev.line("port 143: the relay closed the connection on garbage (" + e.getMessage() + ")");
                    closed = true;
                    break;
                }
                if (answer == null || answer.startsWith("* BYE")) {
                    closed = true; // a clean end: the relay may hang up on a client that only sends garbage
                    break;
                }
                assertThat(answer).as("answer to %d bytes of garbage", junk.length).matches("^(g\\d|\\*) (BAD|NO)( .*)?$");
            }
            if (!closed) {
                ImapResponse noop;
                try {
                    noop = s.command("NOOP");
                } catch (java.net.SocketTimeoutException e) {
                    ev.transcript("port 143", s.transcript());
                    throw new AssertionError("no answer within " + PATIENCE + " after garbage on port 143", e);
                }
                assertThat(noop.ok()).as("NOOP after the garbage: %s", noop).isTrue();
            }
            ev.transcript("port 143", s.transcript());
        }
    }

    /** Where the flood came from, for the evidence: a relay's per-client limits bite each address on its own. */
    private static String floodOrigin(Target t) {
        List<java.net.InetAddress> from = t.floodSources();
        return from.isEmpty() ? " (from the normal client's own address: no other source addresses, -Dchatmail.flood.bind)"
                : " (spread over " + from.size() + " addresses " + from.get(0).getHostAddress() + "...; the normal client "
                + "from its own address)";
    }

    private static SmtpReply readOrFail(SmtpSession s, String where, Evidence ev, String... command) throws IOException {
        try {
            return command.length == 0 ? s.readReply() : s.command(command[0]);
        } catch (java.net.SocketTimeoutException e) {
            ev.transcript(where, s.transcript());
            throw new AssertionError("no answer within " + PATIENCE + " on " + where + " (a tarpit or a hang)", e);
        }
    }

    private static byte[] bytes(String latin1) {
        return (latin1 + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }
}
