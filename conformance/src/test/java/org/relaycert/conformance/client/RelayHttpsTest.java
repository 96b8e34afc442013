package org.relaycert.conformance.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relaycert.conformance.targets.Endpoint;
import org.relaycert.conformance.targets.ExternalTarget;
import org.relaycert.conformance.settings.Settings;

/** {@link RelayHttps} against a real HTTPS server on loopback, as the suite uses it on a relay's port 443. */
class RelayHttpsTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private final Map<String, String> seen = new ConcurrentHashMap<>();
    private SelfSignedTls tls;
    private HttpsServer server;

    @BeforeEach
    void start() throws Exception {
        tls = SelfSignedTls.forName("relay.localhost");
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls.server()));
        server.createContext("/", exchange -> {
            seen.put("method", exchange.getRequestMethod());
            seen.put("path", exchange.getRequestURI().getPath());
            seen.put("host", exchange.getRequestHeaders().getFirst("Host"));
            seen.put("from", exchange.getRemoteAddress().getAddress().getHostAddress());
            seen.put("to", String.join(",", Optional.ofNullable(exchange.getRequestHeaders().get("X-Mail-To")).orElse(List.of())));
            seen.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = "{\"ok\": \"ü\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private int port() {
        return server.getAddress().getPort();
    }

    /** The run's settings decide where the request goes, from where, and under which name. */
    @Test
    void anUnderscoreDomainIsTheHostHeaderAtTheConfiguredAddressPortAndSource() throws Exception {
        ExternalTarget t = new ExternalTarget(new Settings(Map.of(
                "chatmail.target", "_barx.localhost", "chatmail.host", "127.0.0.1", "chatmail.insecure", "true",
                "chatmail.bind", "127.0.0.2", "chatmail.port.https", String.valueOf(port()))));
        RelayHttps.Answer a = RelayHttps.send(t.primary().https(), t.trust(), new RelayHttps.Request("POST", "/mxdeliv",
                List.of(Map.entry("X-Mail-To", "a@_barx.localhost"), Map.entry("X-Mail-To", "b@_barx.localhost")), "body ü"),
                WAIT, WAIT);
        assertThat(a.statusCode()).isEqualTo(201);
        assertThat(a.body()).isEqualTo("{\"ok\": \"ü\"}");
        assertThat(a.header("CONTENT-TYPE")).contains("application/json; charset=utf-8");
        assertThat(seen).containsEntry("method", "POST").containsEntry("path", "/mxdeliv")
                .containsEntry("host", "_barx.localhost:" + port()).containsEntry("from", "127.0.0.2")
                .containsEntry("to", "a@_barx.localhost,b@_barx.localhost").containsEntry("body", "body ü");
    }

    /** With real trust the certificate must carry the relay's domain, not the address dialled. */
    @Test
    void theCertificateIsCheckedAgainstTheDomain() throws Exception {
        Endpoint right = new Endpoint("relay.localhost", "127.0.0.1", port(), true);
        assertThat(RelayHttps.send(right, tls.trustingIt(), RelayHttps.Request.of("GET", "/"), WAIT, WAIT).statusCode())
                .isEqualTo(201);
        assertThat(seen).containsEntry("method", "GET").containsEntry("from", "127.0.0.1");
        Endpoint wrong = new Endpoint("other.localhost", "127.0.0.1", port(), true);
        assertThatThrownBy(() -> RelayHttps.send(wrong, tls.trustingIt(), RelayHttps.Request.of("GET", "/"), WAIT, WAIT))
                .isInstanceOf(SSLHandshakeException.class)
                .hasMessageStartingWith("GET https://other.localhost:" + port() + "/ at other.localhost (127.0.0.1):" + port() + ": ");
    }

    @Test
    void aRefusedPortNamesTheUrlTheAddressTheSourceAndTheCause() throws Exception {
        int closed = ClientSocketsTest.closedPort();
        Endpoint e = new Endpoint("_barx.localhost", "127.0.0.1", closed, true, Optional.of(InetAddress.getByName("127.0.0.2")));
        assertThatThrownBy(() -> RelayHttps.send(e, tls.trustingIt(), RelayHttps.Request.of("POST", "/new"), WAIT, WAIT))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("POST https://_barx.localhost:" + closed + "/new at _barx.localhost (127.0.0.1):"
                        + closed + " from 127.0.0.2: ")
                .hasMessageContaining("Connection refused");
    }
}
