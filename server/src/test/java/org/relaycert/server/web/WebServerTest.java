package org.relaycert.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The HTTPS front end of a relay with a real domain, over real TLS. */
class WebServerTest {
    private static final String DOMAIN = "chat.example.org";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static RunningWebServer web;

    @BeforeAll
    static void start() throws Exception {
        web = new RunningWebServer(dir, DOMAIN, UnaryOperator.identity());
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/new", "/cgi-bin/newemail.py"})
    void postNewHandsOutFreshCredentialsInChatmailsShape(String path) throws Exception {
        HttpResponse<String> r = web.send("POST", path);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(r.headers().firstValue("cache-control")).hasValue("no-store");
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("email").asText()).matches("[a-z0-9]{9}@chat\\.example\\.org");
        assertThat(body.get("password").asText()).hasSize(12).doesNotContainAnyWhitespaces();
        assertThat(body.has("dclogin_url")).as("only self-signed relays add dclogin_url").isFalse();
    }

    @Test
    void credentialsFromNewLogInAndCreateTheAccount() throws Exception {
        JsonNode body = JSON.readTree(web.send("POST", "/new").body());
        String email = body.get("email").asText();
        String password = body.get("password").asText();

        assertThat(web.accounts.exists(email)).as("/new stores nothing").isFalse();
        assertThat(web.accounts.authenticate(email, password)).hasValue(email);
        assertThat(web.accounts.exists(email)).isTrue();
        assertThat(web.accounts.authenticate(email, password + "x")).isEmpty();
    }

    @Test
    void everyPostGivesDifferentCredentials() throws Exception {
        JsonNode a = JSON.readTree(web.send("POST", "/new").body());
        JsonNode b = JSON.readTree(web.send("POST", "/new").body());
        assertThat(a.get("email").asText()).isNotEqualTo(b.get("email").asText());
        assertThat(a.get("password").asText()).isNotEqualTo(b.get("password").asText());
    }

    @Test
    void browsersGettingNewAreSentToTheDcaccountUri() throws Exception {
        HttpResponse<String> r = web.get("/new");

        assertThat(r.statusCode()).isEqualTo(301);
        assertThat(r.headers().firstValue("location")).hasValue("dcaccount:https://chat.example.org/new");
    }

    @Test
    void otherMethodsOnNewAre405WithAllow() throws Exception {
        HttpResponse<String> r = web.send("PUT", "/new");

        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("allow")).hasValue("GET, HEAD, POST");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/.well-known/autoconfig/mail/config-v1.1.xml", "/mail/config-v1.1.xml",
            "/mail/config-v1.1.xml?emailaddress=abc%40chat.example.org"})
    void autoconfigListsTlsServersWithTheAddressAsUserName(String path) throws Exception {
        HttpResponse<String> r = web.get(path);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/xml"));
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(xml.getDocumentElement().getAttribute("version")).isEqualTo("1.1");
        assertThat(text(xml, "domain")).containsExactly(DOMAIN);
        assertThat(servers(xml, "incomingServer")).containsExactly(
                "imap chat.example.org:10993 SSL password-cleartext %EMAILADDRESS%",
                "imap chat.example.org:10143 STARTTLS password-cleartext %EMAILADDRESS%");
        assertThat(servers(xml, "outgoingServer")).containsExactly(
                "smtp chat.example.org:10465 SSL password-cleartext %EMAILADDRESS%",
                "smtp chat.example.org:10587 STARTTLS password-cleartext %EMAILADDRESS%");
    }

    @Test
    void mtaStsPolicyEnforcesTheRelayAsOnlyMx() throws Exception {
        HttpResponse<String> r = web.get("/.well-known/mta-sts.txt");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(r.body().split("\r\n"))
                .containsExactly("version: STSv1", "mode: enforce", "mx: chat.example.org", "max_age: 2419200");
    }

    @Test
    void robotsAreKeptOut() throws Exception {
        HttpResponse<String> r = web.get("/robots.txt");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("User-agent: *\nDisallow: /\n");
    }

    @Test
    void indexNamesTheDomainAndTheInvite() throws Exception {
        HttpResponse<String> r = web.get("/");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(r.body()).contains("<h1>chat.example.org</h1>")
                .contains("href=\"DCACCOUNT:https://chat.example.org/new\"")
                .doesNotContain("<script");
    }

    @Test
    void infoPageRendersTheConfiguredLimits() throws Exception {
        HttpResponse<String> r = web.get("/info.html");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("60 messages per minute").contains("500 MB").contains("after 20 days")
                .contains("unused for 90 days");
    }

    @Test
    void privacyPageStatesRetentionFromTheConfiguration() throws Exception {
        HttpResponse<String> r = web.get("/privacy.html");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(r.body()).contains("deleted from the server after 20 days").contains("unused for 90 days")
                .contains("IP addresses are not stored").doesNotContain("<script");
    }

    @Test
    void headAnswersLikeGetWithoutBody() throws Exception {
        HttpResponse<String> get = web.get("/robots.txt");
        HttpResponse<String> head = web.send("HEAD", "/robots.txt");

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("content-length"))
                .hasValue(String.valueOf(get.body().getBytes(StandardCharsets.UTF_8).length));
        assertThat(head.headers().firstValue("content-type")).isEqualTo(get.headers().firstValue("content-type"));
    }

    @Test
    void unknownPathsAre404() throws Exception {
        HttpResponse<String> r = web.get("/etc/passwd");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(web.get("/new/").statusCode()).as("exact paths only").isEqualTo(404);
    }

    @Test
    void postToAStaticPathIs405() throws Exception {
        HttpResponse<String> r = web.send("POST", "/.well-known/mta-sts.txt");

        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("allow")).hasValue("GET, HEAD");
    }

    @Test
    void responsesCarrySecurityHeadersAndNoServerName() throws Exception {
        HttpResponse<String> r = web.get("/");

        assertThat(r.headers().firstValue("x-content-type-options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("x-frame-options")).hasValue("DENY");
        assertThat(r.headers().firstValue("referrer-policy")).hasValue("no-referrer");
        assertThat(r.headers().firstValue("content-security-policy")).hasValueSatisfying(
                v -> assertThat(v).startsWith("default-src 'none'"));
        assertThat(r.headers().firstValue("strict-transport-security")).hasValue("max-age=31536000");
        assertThat(r.headers().firstValue("server")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET / FOO/1.1\r\nHost: x\r\n\r\n", "GET / HTTP/1.1 extra\r\nHost: x\r\n\r\n",
            "GET  HTTP/1.1\r\nHost: x\r\n\r\n", "GET /a%zz HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET example HTTP/1.1\r\nHost: x\r\n\r\n", "GET /\u0001 HTTP/1.1\r\nHost: x\r\n\r\n"})
    void malformedRequestLinesAre400AndClose(String request) throws Exception {
        String answer = web.raw(request);

        assertThat(answer).startsWith("HTTP/1.1 400 ");
        assertThat(answer.toLowerCase()).contains("connection: close");
    }

    @Test
    void overlongRequestLinesAre414AndHugeHeadersAre431() throws Exception {
        assertThat(web.raw("GET /" + "a".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 414 ");
        assertThat(web.raw("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(9000) + "\r\n\r\n"))
                .startsWith("HTTP/1.1 431 ");
    }

    @Test
    void otherHttpVersionsAre505() throws Exception {
        assertThat(web.raw("GET / HTTP/9.9\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 505 ");
    }

    @Test
    void headerSyntaxErrorsAre400() throws Exception {
        assertThat(web.raw("GET / HTTP/1.1\r\nHost x\r\n\r\n")).startsWith("HTTP/1.1 400 ");
    }

    @Test
    void wwwIsRedirectedToTheDomain() throws Exception {
        String answer = web.raw("GET /robots.txt?x=1 HTTP/1.1\r\nHost: www.chat.example.org\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 301 ");
        assertThat(answer.toLowerCase()).contains("location: https://chat.example.org/robots.txt?x=1\r\n");
    }

    @Test
    void keepAliveServesSeveralRequestsOnOneConnection() throws Exception {
        String answer = web.raw("GET /robots.txt HTTP/1.1\r\nHost: chat.example.org\r\n\r\n"
                + "POST /new HTTP/1.1\r\nHost: chat.example.org\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 200 ");
        assertThat(answer.split("HTTP/1.1 200 ", -1)).hasSize(3);
        assertThat(answer).contains("\"email\":");
    }

    @Test
    void oversizedBodiesAreRefusedOnTheirAnnouncedLength() throws Exception {
        // Only the head is sent: the length alone must decide (no body for the server to drain).
        int size = WebServerConfig.DEFAULT_MAX_CONTENT_LENGTH + 1;
        String answer = web.raw("POST /new HTTP/1.1\r\nHost: chat.example.org\r\nConnection: close\r\n"
                + "Content-Length: " + size + "\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 413 ");
    }

    private static List<String> text(Document xml, String tag) {
        NodeList nodes = xml.getElementsByTagName(tag);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    private static List<String> servers(Document xml, String tag) {
        NodeList nodes = xml.getElementsByTagName(tag);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            out.add(e.getAttribute("type") + " " + child(e, "hostname") + ":" + child(e, "port") + " "
                    + child(e, "socketType") + " " + child(e, "authentication") + " " + child(e, "username"));
        }
        return out;
    }

    private static String child(Element e, String tag) {
        return e.getElementsByTagName(tag).item(0).getTextContent();
    }
}
