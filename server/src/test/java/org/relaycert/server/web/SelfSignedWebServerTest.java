package org.relaycert.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Self-signed relays ({@code _} domains and IP literals): JSON on GET, a dclogin URL, no HSTS. */
class SelfSignedWebServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void underscoreDomainHandsOutADcloginUrlWithoutHostsAsChatmailDoes() throws Exception {
        try (RunningWebServer web = new RunningWebServer(dir, "_web.test", UnaryOperator.identity())) {
            HttpResponse<String> r = web.get("/new");

            assertThat(r.statusCode()).as("GET returns JSON on self-signed relays").isEqualTo(200);
            JsonNode body = JSON.readTree(r.body());
            String email = body.get("email").asText();
            assertThat(email).matches("[a-z0-9]{9}@_web\\.test");
            String password = body.get("password").asText();
            assertThat(body.get("dclogin_url").asText()).isEqualTo("dclogin:" + email + "?p="
                    + DcloginUrl.percentEncode(password)
                    + "&v=1&ip=10993&is=ssl&sp=10465&ss=ssl&ic=3");
            assertThat(web.accounts.authenticate(email, password)).hasValue(email);
        }
    }

    @Test
    void ipRelayUsesABracketedDomainAndNoHsts() throws Exception {
        try (RunningWebServer web = new RunningWebServer(dir, "127.0.0.1", UnaryOperator.identity())) {
            HttpResponse<String> r = web.send("POST", "/new");

            JsonNode body = JSON.readTree(r.body());
            assertThat(body.get("email").asText()).matches("[a-z0-9]{9}@\\[127\\.0\\.0\\.1]");
            assertThat(body.get("dclogin_url").asText()).contains("&ih=127.0.0.1&sh=127.0.0.1").endsWith("&ic=3");
            assertThat(r.headers().firstValue("strict-transport-security")).isEmpty();
            assertThat(web.get("/").body()).contains("POST https://127.0.0.1/new").contains("dclogin_url");
        }
    }

    @Test
    void idleConnectionsAreClosed() throws Exception {
        try (RunningWebServer web = new RunningWebServer(dir, "_web.test", c -> c.withIdleTimeout(Duration.ofMillis(200)))) {
            // raw() reads until the server closes; an open request head with no end would otherwise hang.
            assertThat(web.raw("GET / HTTP/1.1\r\n")).isEmpty();
        }
    }

    @Test
    void alpnPortIsAdvertisedAfterTheDedicatedPorts() throws Exception {
        try (RunningWebServer web = new RunningWebServer(dir, "_web.test", c -> c.withAlpnPort(10443))) {
            String xml = web.get("/.well-known/autoconfig/mail/config-v1.1.xml").body();

            assertThat(xml.indexOf("<port>10143</port>")).isLessThan(xml.indexOf("<port>10443</port>"));
            assertThat(xml.indexOf("<port>10587</port>")).isLessThan(xml.lastIndexOf("<port>10443</port>"));
            assertThat(xml.split("<port>10443</port>", -1)).hasSize(3);
        }
    }
}
