package org.relaycert.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.codec.http.HttpMethod;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaycert.server.TestRelayConfig;
import org.relaycert.server.config.ChatmailParams;
import org.relaycert.server.tls.TlsContexts;
import org.relaycert.server.tls.TlsMaterial;

/** A route that blocks (as /mxdeliv does on fsync) runs off the event loop, which keeps serving others. */
class BlockingRouteTest {
    private static final String DOMAIN = "chat.example.org";

    @TempDir
    Path dir;
    /** One event loop thread: if the blocking route ran on it, nothing else could be served. */
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch entered = new CountDownLatch(1);
    private final AtomicReference<String> thread = new AtomicReference<>();
    private WebServer server;
    private HttpClient http;

    @BeforeEach
    void start() throws Exception {
        ChatmailParams params = TestRelayConfig.domain(DOMAIN).parse(dir).params();
        TlsMaterial material = TlsMaterial.selfSigned(dir, DOMAIN, List.of("127.0.0.1"));
        WebServerConfig config = new WebServerConfig(new InetSocketAddress("127.0.0.1", 0),
                new TlsContexts(material).mx(), DOMAIN, params, 10465, 10587, 10993, 10143);
        Route slow = new Route() {
            @Override
            public Set<HttpMethod> methods() {
                return Set.of(HttpMethod.POST);
            }

            @Override
            public boolean blocking() {
                return true;
            }

            @Override
            public WebResponse respond(WebRequest request) throws Exception {
                thread.set(Thread.currentThread().getName());
                entered.countDown();
                release.await(10, TimeUnit.SECONDS);
                return WebResponse.ok(WebResponse.TEXT, "slept on " + new String(request.body()) + "\n");
            }
        };
        Route fast = new Route() {
            @Override
            public Set<HttpMethod> methods() {
                return Set.of(HttpMethod.GET);
            }

            @Override
            public WebResponse respond(WebRequest request) {
                return WebResponse.ok(WebResponse.TEXT, "fast\n");
            }
        };
        server = WebServer.start(config, group, group, Map.of("/slow", slow, "/fast", fast));
        http = HttpClient.newBuilder().sslContext(RunningWebServer.trusting(material.certificateChain()))
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterEach
    void stop() {
        release.countDown();
        http.close();
        server.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private URI uri(String path) {
        return URI.create("https://127.0.0.1:" + server.localAddress().getPort() + path);
    }

    @Test
    void blockingRouteRunsOnAWorkerWhileTheEventLoopServesOthers() throws Exception {
        CompletableFuture<HttpResponse<String>> slow = http.sendAsync(HttpRequest.newBuilder(uri("/slow"))
                .POST(HttpRequest.BodyPublishers.ofString("body")).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(entered.await(10, TimeUnit.SECONDS)).as("the slow route was called").isTrue();

        HttpResponse<String> fast = http.send(HttpRequest.newBuilder(uri("/fast")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(fast.statusCode()).isEqualTo(200);
        assertThat(fast.body()).isEqualTo("fast\n");
        assertThat(slow).as("still blocked").isNotDone();

        release.countDown();
        HttpResponse<String> done = slow.get(10, TimeUnit.SECONDS);
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).isEqualTo("slept on body\n");
        assertThat(thread.get()).startsWith("web-blocking-");
    }

    @Test
    void mxdelivIsABlockingRoute() {
        // its mail policies look up DKIM keys and its queue write fsyncs
        assertThat(new org.relaycert.server.federation.MxDelivRoute(null, 1).blocking()).isTrue();
    }

    @Test
    void unknownPathsAndWrongMethodsAreStillAnsweredWithoutAWorker() throws Exception {
        HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(uri("/slow")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(405);
        assertThat(wrong.headers().firstValue("allow")).hasValue("POST");
        assertThat(thread.get()).as("the route never ran").isNull();
    }
}
