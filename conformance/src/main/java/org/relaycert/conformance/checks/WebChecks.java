package org.relaycert.conformance.checks;

import org.relaycert.conformance.probes.NewEndpointRetry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.relaycert.conformance.client.AnswerTimeout;
import org.relaycert.conformance.client.RelayHttps;
import org.relaycert.conformance.ConformanceCheck;
import org.relaycert.conformance.Evidence;
import org.relaycert.conformance.RequirementId;
import org.relaycert.conformance.targets.RelayUnderTest;
import org.relaycert.conformance.targets.Target;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The relay's web pages: what clients and new users read from https://domain/. */
@ConformanceCheck
class WebChecks {

    private static RelayHttps.Answer fetch(Target t, String method, String path, Evidence ev) throws Exception {
        RelayUnderTest relay = t.primary();
        RelayHttps.Answer r = RelayHttps.send(relay.https(), t.trust(), RelayHttps.Request.of(method, path),
                AnswerTimeout.connect(relay.https()), AnswerTimeout.answer(relay.https()));
        ev.line(method + " " + RelayHttps.url(relay.https(), path) + " -> " + r.statusCode() + " " + r.header("content-type").orElse("(no type)"));
        String body = r.body();
        ev.line(body.length() > 1500 ? body.substring(0, 1500) + "..." : body);
        return r;
    }

    private static String text(Element e, String tag) {
        NodeList n = e.getElementsByTagName(tag);
        return n.getLength() == 0 ? "" : n.item(0).getTextContent().trim();
    }

    @Test
    @RequirementId("WEB-01")
    void autoconfigListsTlsServers(Target t, Evidence ev) throws Exception {
        RelayHttps.Answer r = fetch(t, "GET", "/.well-known/autoconfig/mail/config-v1.1.xml", ev);
        assertThat(r.statusCode()).as("autoconfig status").isEqualTo(200);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
        String domain = t.primary().domain();
        Map<String, String> offered = new LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        for (String element : List.of("incomingServer", "outgoingServer")) {
            NodeList servers = doc.getElementsByTagName(element);
            for (int i = 0; i < servers.getLength(); i++) {
                Element s = (Element) servers.item(i);
                String where = s.getAttribute("type") + " " + text(s, "port") + " " + text(s, "socketType");
                offered.put(s.getAttribute("type") + " " + text(s, "socketType") + " " + text(s, "port"), where);
                if (!List.of("SSL", "STARTTLS").contains(text(s, "socketType"))) {
                    wrong.add(where + ": socketType must be SSL or STARTTLS");
                }
                if (!text(s, "hostname").equalsIgnoreCase(domain)) {
                    wrong.add(where + ": hostname " + text(s, "hostname") + " is not " + domain);
                }
                if (!text(s, "username").equals("%EMAILADDRESS%")) {
                    wrong.add(where + ": username " + text(s, "username") + " is not %EMAILADDRESS%");
                }
                if (!text(s, "authentication").equals("password-cleartext")) {
                    wrong.add(where + ": authentication " + text(s, "authentication"));
                }
            }
        }
        RelayUnderTest relay = t.primary();
        assertThat(offered.keySet()).as("servers offered").contains(
                "imap SSL " + relay.imaps().port(), "imap STARTTLS " + relay.imap().port(),
                "smtp SSL " + relay.smtps().port(), "smtp STARTTLS " + relay.submission().port());
        assertThat(wrong).as("servers a client must not be sent to").isEmpty();
    }

    @Test
    @RequirementId("WEB-02")
    void newAnswersDocumentedJson(Target t, Evidence ev) throws Exception {
        RelayHttps.Answer r = NewEndpointRetry.post(() -> fetch(t, "POST", "/new", ev), ev);
        assertThat(r.statusCode()).as("POST /new status").isEqualTo(200);
        assertThat(r.header("content-type").orElse("")).as("content type of /new")
                .startsWith("application/json");
        JsonNode json = new ObjectMapper().readTree(r.body());
        assertThat(json.path("email").isTextual()).as("'email' is a string").isTrue();
        assertThat(json.path("password").isTextual()).as("'password' is a string").isTrue();
        assertThat(json.path("email").asText()).as("email: 9 characters a-z0-9 at the relay's domain")
                .matches("[a-z0-9]{9}@" + Pattern.quote(t.primary().domain()));
        assertThat(json.path("password").asText().length()).as("password length (password_min_length + 3)")
                .isGreaterThanOrEqualTo(12);
    }

    @Test
    @RequirementId("WEB-03")
    void indexPageCarriesInvite(Target t, Evidence ev) throws Exception {
        RelayHttps.Answer r = fetch(t, "GET", "/", ev);
        assertThat(r.statusCode()).as("index status").isEqualTo(200);
        String invite = "dcaccount:https://" + t.primary().domain() + "/new";
        boolean linked = r.body().toLowerCase().contains(invite.toLowerCase());
        boolean selfSignedHowTo = r.body().contains("/new") && r.body().toLowerCase().contains("dclogin");
        assertThat(linked || selfSignedHowTo).as("index links %s (or, self-signed, explains /new and dclogin)", invite)
                .isTrue();
    }

    @Test
    @RequirementId("WEB-04")
    void mtaStsPolicyEnforces(Target t, Evidence ev) throws Exception {
        RelayHttps.Answer r = fetch(t, "GET", "/.well-known/mta-sts.txt", ev);
        assertThat(r.statusCode()).as("mta-sts.txt status").isEqualTo(200);
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (String line : r.body().split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.computeIfAbsent(line.substring(0, colon).trim(), k -> new ArrayList<>())
                        .add(line.substring(colon + 1).trim());
            }
        }
        assertThat(fields.get("version")).as("version (RFC 8461 3.2)").containsExactly("STSv1");
        assertThat(fields.get("mode")).as("mode").containsExactly("enforce");
        assertThat(fields.get("mx")).as("mx patterns").contains(t.primary().domain());
        assertThat(Long.parseLong(fields.getOrDefault("max_age", List.of("0")).get(0)))
                .as("max_age in seconds (chatmail: 2419200)").isGreaterThanOrEqualTo(86_400);
    }

    @Test
    @RequirementId("WEB-05")
    void privacyPageStatesRetention(Target t, Evidence ev) throws Exception {
        RelayHttps.Answer r = fetch(t, "GET", "/privacy.html", ev);
        assertThat(r.statusCode()).as("privacy.html status").isEqualTo(200);
        assertThat(r.header("content-type").orElse("")).as("content type").startsWith("text/html");
        assertThat(Pattern.compile("(?is)delet.{0,80}?\\d+\\s*days").matcher(r.body()).find())
                .as("the page says after how many days mail is deleted").isTrue();
    }
}
