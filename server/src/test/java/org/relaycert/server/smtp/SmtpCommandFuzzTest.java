package org.relaycert.server.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.relaycert.server.FuzzBudget;
import org.relaycert.server.FuzzExecutions;
import org.relaycert.server.TempTrees;
import org.relaycert.server.delivery.Envelope;
import org.relaycert.server.delivery.MailIntake;
import org.relaycert.server.delivery.RejectedException;
import org.relaycert.server.delivery.Reply;
import org.slf4j.LoggerFactory;

/**
 * Coverage-guided fuzzing of the whole SMTP command path without sockets: line framing, DATA framing
 * (dot-stuffing, bare LF, size limit), AUTH continuations, command parsing and the session's state machine,
 * on a connection that already has TLS (as after STARTTLS, so MAIL, RCPT and DATA are reachable). Whatever
 * arrives, each answer must be a well-formed reply, the connection must never reach its exception handler
 * (that is a bug in a command, not bad input), and only complete transactions reach the intake.
 */
@ExtendWith(FuzzExecutions.class)
class SmtpCommandFuzzTest {
    private static final LongAdder SESSION_RUNS =
            FuzzExecutions.counter(SmtpCommandFuzzTest.class, "session");
    private static final Pattern REPLY = Pattern.compile("[2-5][0-9][0-9]([ -][^\r\n]*)?\r\n");
    private static final SmtpServerConfig MX;
    private static final SmtpServerConfig SUBMISSION;
    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 40000);
    private static final ListAppender<ILoggingEvent> HANDLER_LOG = new ListAppender<>();
    /** The TLS material for the whole class; deleted after it. */
    private static final Path DIR;

    static {
        try {
            DIR = TempTrees.deletedAtExit(Files.createTempDirectory("smtp-fuzz"));
            var tls = SmtpTestServer.tls(DIR);
            InetSocketAddress any = new InetSocketAddress("127.0.0.1", 0);
            MX = new SmtpServerConfig(SmtpPort.MX, any, "mx.relay.test", tls.mx(), 512, 100, 4096,
                    Duration.ofMinutes(1));
            SUBMISSION = new SmtpServerConfig(SmtpPort.SUBMISSION, any, "mx.relay.test", tls.clientPorts(), 512, 100,
                    4096, Duration.ofMinutes(1));
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
        Logger handlerLogger = (Logger) LoggerFactory.getLogger(SmtpSessionHandler.class);
        handlerLogger.setLevel(Level.DEBUG);
        handlerLogger.setAdditive(false);
        HANDLER_LOG.start();
        handlerLogger.addAppender(HANDLER_LOG);
    }

    @AfterAll
    static void deleteDir() throws Exception {
        TempTrees.delete(DIR);
    }

    /** Accepts everything, checking that what reaches it is a complete transaction. */
    private static final class CheckingIntake implements MailIntake {
        int messages;

        @Override
        public void sender(Envelope partial, long declaredSize) throws RejectedException {
            if (partial.mailFrom().startsWith("refused@")) {
                throw new RejectedException(Reply.of(550, "5.7.1", "Sender refused"));
            }
        }

        @Override
        public String recipient(Envelope partial, String recipient) throws RejectedException {
            if (recipient.isEmpty()) {
                throw new AssertionError("empty recipient passed the parser");
            }
            return recipient;
        }

        @Override
        public Reply message(Envelope envelope, byte[] message) {
            if (envelope.recipients().isEmpty()) {
                throw new AssertionError("DATA accepted without a recipient");
            }
            if (message.length > 4096) {
                throw new AssertionError("message over the size limit reached the intake: " + message.length);
            }
            messages++;
            return Reply.of(250, "2.0.0", "OK");
        }
    }

    @FuzzTest(maxDuration = FuzzBudget.ON_DEMAND)
    void session(FuzzedDataProvider data) {
        SESSION_RUNS.increment();
        boolean submission = data.consumeBoolean();
        int chunk = data.consumeInt(1, 128);
        run(submission, chunk, data.consumeRemainingAsBytes());
    }

    /** The harness is not vacuous: a well-formed submission in small pieces reaches the intake. */
    @Test
    void harnessDeliversAWholeTransaction() {
        String plain = Base64.getEncoder().encodeToString("\0alice@relay.test\0secret-password".getBytes(StandardCharsets.UTF_8));
        String input = "EHLO c\r\nAUTH PLAIN " + plain + "\r\nMAIL FROM:<alice@relay.test>\r\nRCPT TO:<bob@relay.test>\r\n"
                + "DATA\r\nSubject: x\r\n\r\n..hi\r\n.\r\nQUIT\r\n";
        Session s = run(true, 3, input.getBytes(StandardCharsets.US_ASCII));
        assertThat(s.intake().messages).isEqualTo(1);
        assertThat(s.written()).contains("235 ", "354 ", "221 ");
    }

    /** The first finding: VRFY echoed a bare CR from its argument into the reply (regression input kept). */
    @Test
    void echoedControlCharactersStayOutOfReplies() {
        Session s = run(false, 128, "EHLO c\r\nVRFY x\rm\r\nVRFY a\u0000b\r\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(s.written()).contains("252 2.0.0 x?m\r\n", "252 2.0.0 a?b\r\n");
    }

    private record Session(CheckingIntake intake, String written) {
    }

    private static Session run(boolean submission, int chunk, byte[] input) {
        HANDLER_LOG.list.clear();
        CheckingIntake intake = new CheckingIntake();
        Authenticator auth = (login, password) -> "secret-password".equals(password)
                ? Optional.of("alice@relay.test") : Optional.empty();
        EmbeddedChannel ch = new EmbeddedChannel() {
            @Override
            protected SocketAddress remoteAddress0() {
                return CLIENT; // the session reads the peer's address, as on a socket
            }
        };
        new SmtpChannelInitializer(submission ? SUBMISSION : MX, intake, auth, Runnable::run,
                new DefaultChannelGroup(GlobalEventExecutor.INSTANCE),
                org.relaycert.server.limits.ConnectionLimiter.smtp(org.relaycert.server.limits.ConnectionLimit.UNLIMITED, "fuzz.test"))
                .install(ch, true);
        try {
            StringBuilder written = new StringBuilder();
            collect(ch, written);
            for (int i = 0; i < input.length && ch.isActive(); i += chunk) {
                ch.writeInbound(Unpooled.wrappedBuffer(input, i, Math.min(chunk, input.length - i)));
                collect(ch, written);
            }
            if (!HANDLER_LOG.list.isEmpty()) {
                throw new AssertionError("connection error: " + HANDLER_LOG.list.get(0).getFormattedMessage());
            }
            checkReplies(written.toString());
            return new Session(intake, written.toString());
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    private static void collect(EmbeddedChannel ch, StringBuilder written) {
        ch.runPendingTasks();
        for (Object out = ch.readOutbound(); out != null; out = ch.readOutbound()) {
            ByteBuf buf = (ByteBuf) out;
            written.append(buf.toString(StandardCharsets.ISO_8859_1));
            buf.release();
        }
    }

    private static void checkReplies(String written) {
        int start = 0;
        while (start < written.length()) {
            int end = written.indexOf("\r\n", start);
            if (end < 0) {
                throw new AssertionError("reply without CRLF: " + written.substring(start));
            }
            String line = written.substring(start, end + 2);
            if (!REPLY.matcher(line).matches() && !line.startsWith("334")) {
                throw new AssertionError("malformed reply: " + line);
            }
            start = end + 2;
        }
    }
}
