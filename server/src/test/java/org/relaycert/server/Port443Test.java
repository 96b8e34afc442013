package org.relaycert.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Port 443 carries IMAP and submission by ALPN, as chatmail's nginx stream setup does, and HTTPS otherwise. */
class Port443Test {
    @TempDir
    static Path data;
    static RunningRelay relay;

    @BeforeAll
    static void start() throws Exception {
        relay = RunningRelay.start(data);
    }

    @AfterAll
    static void stop() {
        relay.close();
    }

    private static SSLSocket connect(String alpn, String... protocols) throws IOException {
        InetSocketAddress https = relay.relay.address(Service.HTTPS);
        SSLSocket s = (SSLSocket) relay.trust.getSocketFactory().createSocket(https.getAddress(), https.getPort());
        s.setSoTimeout(10_000);
        SSLParameters p = s.getSSLParameters();
        if (alpn != null) {
            p.setApplicationProtocols(new String[] {alpn});
        }
        if (protocols.length > 0) {
            p.setProtocols(protocols);
        }
        s.setSSLParameters(p);
        s.startHandshake();
        return s;
    }

    private static BufferedReader reader(SSLSocket s) throws IOException {
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
    }

    @Test
    void alpnImapReachesImap() throws Exception {
        try (SSLSocket s = connect("imap")) {
            assertThat(s.getApplicationProtocol()).isEqualTo("imap");
            BufferedReader in = reader(s);
            assertThat(in.readLine()).startsWith("* OK").contains("XCHATMAIL");
            OutputStream out = s.getOutputStream();
            out.write("a LOGIN alice0443@relay.test alice-password-443\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(in.readLine()).startsWith("a OK");
        }
    }

    @Test
    void alpnSmtpReachesSubmission() throws Exception {
        try (SSLSocket s = connect("smtp")) {
            BufferedReader in = reader(s);
            assertThat(in.readLine()).startsWith("220 ");
            s.getOutputStream().write("EHLO client.test\r\n".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            String line;
            StringBuilder ehlo = new StringBuilder();
            do {
                line = in.readLine();
                ehlo.append(line).append('\n');
            } while (line.startsWith("250-"));
            assertThat(ehlo.toString()).contains("AUTH PLAIN").doesNotContain("STARTTLS");
        }
    }

    @Test
    void withoutAlpnItIsHttps() throws Exception {
        try (SSLSocket s = connect(null)) {
            s.getOutputStream().write("GET /robots.txt HTTP/1.1\r\nHost: relay.test\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            assertThat(reader(s).readLine()).isEqualTo("HTTP/1.1 200 OK");
        }
    }

    @Test
    void mailOverTls12On443IsRefusedButWebIsNot() throws Exception {
        try (SSLSocket s = connect("imap", "TLSv1.2")) {
            assertThatThrownBy(() -> {
                int b = s.getInputStream().read();
                if (b < 0) {
                    throw new IOException("closed");
                }
            }).isInstanceOf(IOException.class);
        }
        try (SSLSocket s = connect(null, "TLSv1.2")) {
            assertThat(s.getSession().getProtocol()).isEqualTo("TLSv1.2");
        }
    }
}
