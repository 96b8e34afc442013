package org.relaycert.server.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayNotifierTest {
    private static final String USER = "alice@example.org";
    @TempDir
    Path dir;
    private HttpServer gateway;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final Deque<Integer> statuses = new ArrayDeque<>();
    private DeviceTokens tokens;
    private final PushRules rules = PushRules.chatmail().withRetryDelays(List.of(Duration.ofMillis(50), Duration.ofMillis(50)));

    @BeforeEach
    void startGateway() throws Exception {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/notify", ex -> {
            received.add(ex.getRequestMethod() + " " + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Integer status;
            synchronized (statuses) {
                status = statuses.poll();
            }
            ex.sendResponseHeaders(status == null ? 200 : status, -1);
            ex.close();
        });
        gateway.start();
        Files.createDirectories(dir.resolve(USER));
        tokens = new DeviceTokens(dir::resolve, Clock.systemUTC(), rules);
    }

    @AfterEach
    void stop() {
        gateway.stop(0);
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + gateway.getAddress().getPort() + "/notify");
    }

    private GatewayNotifier notifier(URI url, PushRules r) throws Exception {
        return GatewayNotifier.start(url, tokens, r, Clock.systemUTC(), dir.resolve("pending"));
    }

    private void answer(int... codes) {
        synchronized (statuses) {
            for (int c : codes) {
                statuses.add(c);
            }
        }
    }

    @Test
    void postsEachTokenOnceAndForgetsTheItem() throws Exception {
        tokens.add(USER, "tok-1");
        tokens.add(USER, "tok-2");
        try (GatewayNotifier n = notifier(url(), rules)) {
            n.delivered(USER);
            assertThat(List.of(received.poll(5, TimeUnit.SECONDS), received.poll(5, TimeUnit.SECONDS)))
                    .containsExactlyInAnyOrder("POST tok-1", "POST tok-2");
            assertThat(received.poll(200, TimeUnit.MILLISECONDS)).as("no third request").isNull();
        }
        assertThat(dir.resolve("pending")).isEmptyDirectory();
    }

    @Test
    void noTokenNoRequest() throws Exception {
        try (GatewayNotifier n = notifier(url(), rules)) {
            n.delivered(USER);
            assertThat(received.poll(300, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @Test
    void gatewayFailureIsRetried() throws Exception {
        tokens.add(USER, "tok");
        answer(500, 503);
        try (GatewayNotifier n = notifier(url(), rules)) {
            n.delivered(USER);
            for (int i = 0; i < 3; i++) {
                assertThat(received.poll(5, TimeUnit.SECONDS)).as("attempt %d", i + 1).isEqualTo("POST tok");
            }
            assertThat(received.poll(300, TimeUnit.MILLISECONDS)).as("done after the 200").isNull();
        }
    }

    @Test
    void givesUpWhenRetriesRunOut() throws Exception {
        tokens.add(USER, "tok");
        answer(500, 500, 500, 500);
        try (GatewayNotifier n = notifier(url(), rules)) {
            n.delivered(USER);
            for (int i = 0; i < 3; i++) {
                assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("POST tok");
            }
            assertThat(received.poll(300, TimeUnit.MILLISECONDS)).as("first try plus two retries only").isNull();
        }
        assertThat(dir.resolve("pending")).isEmptyDirectory();
    }

    @Test
    void aGatewayThatNeverAnswersDoesNotHoldUpDelivery() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean answered = new java.util.concurrent.atomic.AtomicBoolean();
        gateway.createContext("/hang", ex -> {
            received.add("hang");
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answered.set(true);
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        tokens.add(USER, "tok");
        URI hang = URI.create("http://127.0.0.1:" + gateway.getAddress().getPort() + "/hang");
        try (GatewayNotifier n = notifier(hang, rules)) {
            for (int i = 0; i < 20; i++) {
                n.delivered(USER);
            }
            assertThat(received.poll(5, TimeUnit.SECONDS)).as("the gateway was asked").isEqualTo("hang");
            // had delivered() waited for the gateway, the handler would have answered first
            assertThat(answered).as("20 deliveries returned while the gateway still hangs").isFalse();
        } finally {
            release.countDown();
        }
    }

    @Test
    void goneTokenIsKeptWhereTheRulesSaySo() throws Exception {
        tokens.add(USER, "only");
        answer(410);
        try (GatewayNotifier n = notifier(url(), rules.withForgetGoneTokens(false))) {
            n.delivered(USER);
            assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("POST only");
            assertThat(received.poll(300, TimeUnit.MILLISECONDS)).as("410 is final: no retry").isNull();
            assertThat(tokens.tokens(USER)).containsExactly("only");
        }
    }

    @Test
    void goneTokenIsRemoved() throws Exception {
        tokens.add(USER, "old");
        tokens.add(USER, "new");
        answer(410);
        try (GatewayNotifier n = notifier(url(), rules)) {
            n.delivered(USER);
            String first = received.poll(5, TimeUnit.SECONDS);
            assertThat(received.poll(5, TimeUnit.SECONDS)).isNotNull();
            String gone = first.substring("POST ".length());
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(tokens.tokens(USER)).doesNotContain(gone).hasSize(1));
        }
    }

    @Test
    void pendingNotificationSurvivesARestart() throws Exception {
        tokens.add(USER, "tok");
        answer(500);
        PushRules slowRetry = rules.withRetryDelays(List.of(Duration.ofHours(1)));
        try (GatewayNotifier n = notifier(url(), slowRetry)) {
            n.delivered(USER);
            assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("POST tok");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> {
                try (var files = Files.list(dir.resolve("pending"))) {
                    return files.anyMatch(f -> !f.getFileName().toString().startsWith("."));
                }
            });
        }
        try (GatewayNotifier again = notifier(url(), rules)) {
            assertThat(received.poll(5, TimeUnit.SECONDS)).as("resent after the restart").isEqualTo("POST tok");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(dir.resolve("pending")).isEmptyDirectory());
        }
    }

    @Test
    void anInMemoryRetryQueueForgetsPendingNotificationsAtRestart() throws Exception {
        tokens.add(USER, "tok");
        answer(500);
        try (GatewayNotifier n = notifier(url(), rules.withRetryDelays(List.of(Duration.ofHours(1))))) {
            n.delivered(USER);
            assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("POST tok");
            // the failure is recorded (one failure, line 3 of the item) before the restart
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> {
                try (var files = Files.list(dir.resolve("pending"))) {
                    return files.filter(f -> !f.getFileName().toString().startsWith("."))
                            .anyMatch(f -> readLines(f).size() > 2 && readLines(f).get(2).equals("1"));
                }
            });
        }
        try (GatewayNotifier again = notifier(url(), rules.withPendingSurvivesRestart(false))) {
            assertThat(received.poll(500, TimeUnit.MILLISECONDS)).as("nothing resent").isNull();
            assertThat(dir.resolve("pending")).isEmptyDirectory();
        }
    }

    private static List<String> readLines(Path f) {
        try {
            return Files.readAllLines(f);
        } catch (java.io.IOException e) {
            return List.of();
        }
    }
}
