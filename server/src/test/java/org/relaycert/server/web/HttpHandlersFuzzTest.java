package org.relaycert.server.web;

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
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.relaycert.server.FuzzBudget;
import org.relaycert.server.FuzzExecutions;
import org.relaycert.server.TempTrees;
import org.relaycert.server.TestRelayConfig;
import org.relaycert.server.account.AccountService;
import org.relaycert.server.account.CreationGate;
import org.relaycert.server.config.ChatmailParams;
import org.relaycert.server.delivery.Envelope;
import org.relaycert.server.delivery.MailIntake;
import org.relaycert.server.delivery.RejectedException;
import org.relaycert.server.delivery.Reply;
import org.relaycert.server.federation.MxDelivRoute;
import org.relaycert.server.store.MaildirStore;
import org.relaycert.server.tls.TlsContexts;
import org.relaycert.server.tls.TlsMaterial;
import org.slf4j.LoggerFactory;

/**
 * Coverage-guided fuzzing of the HTTPS handlers behind TLS: Netty's HTTP codec and aggregator, the router
 * and the reference routes, {@code /new} and {@code /mxdeliv} among them, fed raw request bytes in any
 * segmentation. Every request must get a well-formed response that is not a 500 (a route that threw), and
 * no exception may reach the router's error handler.
 */
@ExtendWith(FuzzExecutions.class)
class HttpHandlersFuzzTest {
    private static final LongAdder REQUESTS_RUNS =
            FuzzExecutions.counter(HttpHandlersFuzzTest.class, "requests");
    private static final Pattern STATUS = Pattern.compile("HTTP/1\\.1 ([0-9]{3}) ");
    private static final ListAppender<ILoggingEvent> ROUTER_LOG = new ListAppender<>();
    private static final Router ROUTER;
    private static final int MAX_CONTENT;
    /** The relay's TLS material and mail store for the whole class; deleted after it. */
    private static final Path DIR;

    static {
        try {
            Path dir = TempTrees.deletedAtExit(Files.createTempDirectory("http-fuzz"));
            DIR = dir;
            ChatmailParams params = TestRelayConfig.domain("relay.test").parse(dir).params();
            TlsMaterial material = TlsMaterial.selfSigned(dir, "relay.test", List.of("127.0.0.1"));
            WebServerConfig config = new WebServerConfig(new InetSocketAddress("127.0.0.1", 0),
                    new TlsContexts(material).mx(), "relay.test", params, 10465, 10587, 10993, 10143);
            AccountService accounts = new AccountService(params, new MaildirStore(dir.resolve("mail"),
                    Clock.systemUTC()), Clock.systemUTC(), CreationGate.OPEN);
            Map<String, Route> routes = WebRoutes.reference(config, accounts, NewAccountRateLimit.NONE);
            routes.put(MxDelivRoute.PATH, new MxDelivRoute(new CheckingIntake(), 2048));
            ROUTER = new Router(routes, new SecurityHeaders(true), config.mailDomain(), Runnable::run); // blocking routes inline: one thread
            MAX_CONTENT = config.maxContentLength();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
        Logger routerLogger = (Logger) LoggerFactory.getLogger(Router.class);
        routerLogger.setLevel(Level.DEBUG);
        routerLogger.setAdditive(false);
        ROUTER_LOG.start();
        routerLogger.addAppender(ROUTER_LOG);
    }

    @AfterAll
    static void deleteDir() throws Exception {
        TempTrees.delete(DIR);
    }

    /** The /mxdeliv intake: accepts what it is given, checking it got a complete envelope. */
    private static final class CheckingIntake implements MailIntake {
        @Override
        public void sender(Envelope partial, long declaredSize) {
        }

        @Override
        public String recipient(Envelope partial, String recipient) throws RejectedException {
            if (!recipient.contains("@")) {
                throw new RejectedException(Reply.of(550, "5.1.3", "Bad recipient address syntax"));
            }
            return recipient;
        }

        @Override
        public Reply message(Envelope envelope, byte[] message) {
            if (envelope.recipients().isEmpty()) {
                throw new AssertionError("/mxdeliv delivered without recipients");
            }
            return Reply.of(250, "2.0.0", "OK");
        }
    }

    @FuzzTest(maxDuration = FuzzBudget.ON_DEMAND)
    void requests(FuzzedDataProvider data) {
        REQUESTS_RUNS.increment();
        int chunk = data.consumeInt(1, 256);
        run(chunk, data.consumeRemainingAsBytes());
    }

    /** The harness is not vacuous: /new hands out credentials and /mxdeliv takes a message, in small pieces. */
    @Test
    void harnessReachesTheRoutes() {
        String message = "From: <a@other.test>\r\n\r\nhi\r\n";
        String input = "POST /new HTTP/1.1\r\nHost: relay.test\r\nContent-Length: 0\r\n\r\n"
                + "POST /mxdeliv HTTP/1.1\r\nHost: relay.test\r\nX-Mail-From: <a@other.test>\r\n"
                + "X-Mail-To: <bob@relay.test>\r\nContent-Length: " + message.length() + "\r\n\r\n" + message;
        String written = run(5, input.getBytes(StandardCharsets.US_ASCII));
        assertThat(written).contains("\"password\"", "250 OK");
        assertThat(written.split("HTTP/1.1 200 ", -1)).hasSize(3);
    }

    private static String run(int chunk, byte[] input) {
        ROUTER_LOG.list.clear();
        EmbeddedChannel ch = new EmbeddedChannel() {
            @Override
            protected SocketAddress remoteAddress0() {
                return new InetSocketAddress("127.0.0.1", 40000);
            }
        };
        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_CONTENT), ROUTER);
        StringBuilder written = new StringBuilder();
        List<String> routerLog;
        try {
            for (int i = 0; i < input.length && ch.isOpen(); i += chunk) {
                ch.writeInbound(Unpooled.wrappedBuffer(input, i, Math.min(chunk, input.length - i)));
                collect(ch, written);
            }
            ch.runPendingTasks();
            collect(ch, written);
            // read before the close below: a client hanging up mid-request is routine, not a finding
            routerLog = ROUTER_LOG.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        } finally {
            ch.finishAndReleaseAll();
        }
        // the router logs each request at debug; errors are the exception handler's line and a route's warning.
        // PrematureChannelClosureException only says the connection ended inside a request (the client's
        // close, or ours after a "Connection: close" answer with more pipelined bytes behind it): routine.
        routerLog.stream()
                .filter(line -> line.startsWith("connection closed on error") || line.contains(" failed: "))
                .filter(line -> !line.contains("PrematureChannelClosureException"))
                .findFirst().ifPresent(line -> {
                    throw new AssertionError(line);
                });
        Matcher status = STATUS.matcher(written);
        while (status.find()) {
            if (status.group(1).startsWith("5") && !status.group(1).equals("505") && !status.group(1).equals("503")) {
                throw new AssertionError("server error " + status.group(1) + " for input of " + input.length + " octets");
            }
        }
        return written.toString();
    }

    private static void collect(EmbeddedChannel ch, StringBuilder written) {
        for (Object out = ch.readOutbound(); out != null; out = ch.readOutbound()) {
            if (out instanceof ByteBuf buf) {
                written.append(buf.toString(StandardCharsets.ISO_8859_1));
                buf.release();
            }
        }
    }
}
