package org.relaycert.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewAccountRateLimitTest {
    private final MutableClock clock = new MutableClock();

    @Test
    void chatmailAllowsABurstOfSixThenTwoPerSecond() throws Exception {
        NewAccountRateLimit limit = NewAccountRateLimit.chatmail(clock);
        InetAddress a = InetAddress.getByName("192.0.2.1");

        for (int i = 0; i < 6; i++) {
            assertThat(limit.tryAcquire(a)).as("request %d of the burst", i + 1).isTrue();
        }
        assertThat(limit.tryAcquire(a)).isFalse();
        assertThat(limit.tryAcquire(InetAddress.getByName("192.0.2.2"))).as("other clients unaffected").isTrue();

        clock.advance(Duration.ofMillis(499));
        assertThat(limit.tryAcquire(a)).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(limit.tryAcquire(a)).isTrue();
        assertThat(limit.tryAcquire(a)).isFalse();
    }

    @Test
    void noneNeverRefuses() throws Exception {
        InetAddress a = InetAddress.getByName("192.0.2.1");
        for (int i = 0; i < 100; i++) {
            assertThat(NewAccountRateLimit.NONE.tryAcquire(a)).isTrue();
        }
    }

    @Test
    void excessRequestsGet503WithAReasonDeltaChatShows(@TempDir Path dir) throws Exception {
        try (RunningWebServer web = new RunningWebServer(dir, "chat.example.org", UnaryOperator.identity(),
                new NewAccountRateLimit(2, 0, clock))) {
            assertThat(web.send("POST", "/new").statusCode()).isEqualTo(200);

            HttpResponse<String> refused = web.send("POST", "/new");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("retry-after")).hasValue("1");
            assertThat(new ObjectMapper().readTree(refused.body()).get("reason").asText()).isNotBlank();
            assertThat(web.get("/new").statusCode()).as("the browser redirect hands out nothing").isEqualTo(301);

            clock.advance(Duration.ofMillis(500));
            assertThat(web.send("POST", "/new").statusCode()).isEqualTo(200);
        }
    }
}
