package org.relaycert.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Submission refusals come at the SMTP stage where chatmail's Postfix sends them ({@code smtpd_delay_reject}):
 * MAIL FROM gets 250, and each RCPT gets the sender's refusal. Judged by Python's smtplib, which reports a
 * MAIL refusal as SMTPSenderRefused and RCPT refusals per recipient.
 */
class SmtpRefusalStageTest {
    static final String DOMAIN = "relay.test";
    static final String PASSWORD = "stage-password-1";  // chatmail: localparts of exactly 9 characters

    @TempDir
    static Path data;
    static Relay relay;

    @BeforeAll
    static void start() throws Exception {
        // one message a minute and a burst of one; the clock stands still, so the second message is over the limit
        relay = Relay.start(TestRelayConfig.domain(DOMAIN).dataDir(data)
                .param("max_user_send_per_minute", 1).param("max_user_send_burst_size", 1).parse(), Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
                RelayExtensions.reference().withSystemProbe(org.relaycert.server.limits.SystemProbe.UNKNOWN));
    }

    @AfterAll
    static void stop() {
        relay.close();
    }

    /** Submits as {@code login} with envelope sender {@code from}; prints one line per SMTP stage's outcome. */
    static String submit(String login, String from, List<String> to) throws Exception {
        ExternalTool python = ExternalTool.require("python3", "python3");
        String script = """
                import smtplib, ssl, sys
                port, ca, login, pw, sender = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
                rcpts = sys.argv[6:]
                ctx = ssl.create_default_context(cafile=ca)
                with smtplib.SMTP_SSL("127.0.0.1", port, context=ctx, timeout=20) as s:
                    s.login(login, pw)
                    code, _ = s.mail(sender)
                    print("MAIL", code)
                    for r in rcpts:
                        code, text = s.rcpt(r)
                        print("RCPT", r, code, text.decode())
                    s.rset()
                """;
        List<String> args = new java.util.ArrayList<>(List.of("-", String.valueOf(relay.address(Service.SMTPS).getPort()),
                relay.certificate().toString(), login, PASSWORD, from));
        args.addAll(to);
        ExternalTool.Run run = python.run(data, Duration.ofSeconds(30), script, args);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run.output();
    }

    @Test
    void senderNotOwnedByTheLoginIsRefusedAtEachRcptNotAtMail() throws Exception {
        String a = "stagealic@" + DOMAIN;
        String b = "stagebobb@" + DOMAIN;
        String out = submit(a, b, List.of(a, b));
        assertThat(out).contains("MAIL 250")
                .contains("RCPT " + a + " 553 5.7.1 <" + b + ">: Sender address rejected: not owned by user " + a)
                .contains("RCPT " + b + " 553 5.7.1");
    }

    @Test
    void sendRateLimitAnswers450AtEachRcptNotAtMail() throws Exception {
        String c = "stagecaro@" + DOMAIN;
        String d = "stagedavi@" + DOMAIN;
        assertThat(submit(c, c, List.of(d))).contains("MAIL 250").contains("RCPT " + d + " 250");
        String over = submit(c, c, List.of(c, d));
        assertThat(over).contains("MAIL 250")
                .containsPattern("RCPT " + c + " 450 4.7.1: Too much mail from " + c + ", rate-limited until ")
                .containsPattern("RCPT " + d + " 450 4.7.1: Too much mail from " + c);
    }
}
