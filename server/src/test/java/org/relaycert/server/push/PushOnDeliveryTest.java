package org.relaycert.server.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaycert.server.Relay;
import org.relaycert.server.Service;
import org.relaycert.server.TestRelayConfig;

/** The push path through a whole relay: token over IMAP METADATA, delivery over SMTP, POST to the gateway. */
class PushOnDeliveryTest {
    private static final String ALICE = "alicepsh1@push.test";
    private static final String BOB = "bobpush12@push.test";
    private static final String PASSWORD = "correct-horse-battery";
    @TempDir
    Path dir;
    private HttpServer gateway;
    private Relay relay;
    private javax.net.ssl.SSLContext trust;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/notify", ex -> {
            received.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        gateway.start();
        relay = Relay.start(TestRelayConfig.domain("push.test").dataDir(dir)
                .relay("push_gateway_url", "http://127.0.0.1:" + gateway.getAddress().getPort() + "/notify").parse(), java.time.Clock.systemUTC(),
                // Push is what this test judges; it submits cleartext, which the encryption policy would refuse.
                org.relaycert.server.RelayExtensions.reference().withMailPolicies(p -> java.util.List.of())
                        .withSystemProbe(org.relaycert.server.limits.SystemProbe.UNKNOWN));
        trust = org.relaycert.server.TestTrust.trusting(relay.certificate());
    }

    @AfterEach
    void stop() {
        relay.close();
        gateway.stop(0);
    }

    @Test
    void tokenSetOverImapIsNotifiedOnDeliveryButNotForOwnCopies() throws Exception {
        try (SSLSocket s = (SSLSocket) trust.getSocketFactory().createSocket("127.0.0.1",
                relay.address(Service.IMAPS).getPort())) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();
            in.readLine();
            assertThat(command(in, out, "a1 LOGIN " + ALICE + " " + PASSWORD)).contains("a1 OK");
            assertThat(command(in, out, "a2 CAPABILITY")).contains("XDELTAPUSH", "METADATA");
            assertThat(command(in, out, "a3 SETMETADATA INBOX (/private/devicetoken \"tok-a\")")).contains("a3 OK");
            assertThat(command(in, out, "a4 GETMETADATA INBOX /private/devicetoken")).containsPattern("\\(/private/devicetoken \\{5\\}\\r?\\ntok-a\\)");
            assertThat(command(in, out, "a5 GETMETADATA \"\" /shared/vendor/deltachat/maxsmtprecipients")).containsPattern("maxsmtprecipients \\{4\\}\\r?\\n1000\\)");
        }
        submit(BOB, ALICE);
        assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("tok-a");
        submit(ALICE, ALICE);
        assertThat(received.poll(500, TimeUnit.MILLISECONDS)).as("own copy").isNull();
    }

    private static String command(BufferedReader in, OutputStream out, String line) throws Exception {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        String tag = line.substring(0, line.indexOf(' '));
        StringBuilder all = new StringBuilder();
        for (String l = in.readLine(); l != null; l = in.readLine()) {
            all.append(l).append('\n');
            if (l.startsWith(tag + " ")) {
                return all.toString();
            }
        }
        return all.toString();
    }

    private void submit(String from, String to) throws Exception {
        Properties p = new Properties();
        p.put("mail.smtps.host", "127.0.0.1");
        p.put("mail.smtps.port", String.valueOf(relay.address(Service.SMTPS).getPort()));
        p.put("mail.smtps.auth", "true");
        p.put("mail.smtps.ssl.socketFactory", trust.getSocketFactory());
        p.put("mail.smtps.ssl.checkserveridentity", "false");
        Session session = Session.getInstance(p);
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(from));
        m.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(to));
        m.setSubject("[...]");
        m.setText("push test");
        try (Transport t = session.getTransport("smtps")) {
            t.connect(from, PASSWORD);
            t.sendMessage(m, m.getAllRecipients());
        }
    }
}
