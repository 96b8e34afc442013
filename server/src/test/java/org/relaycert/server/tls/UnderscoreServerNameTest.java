package org.relaycert.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.relaycert.server.ExternalTool;
import org.relaycert.server.Relay;
import org.relaycert.server.RelayExtensions;
import org.relaycert.server.Service;
import org.relaycert.server.TestRelayConfig;

/**
 * A relay named {@code _ref.localhost} (chatmail's underscore convention for self-signed relays) completes the
 * TLS handshake on every TLS port, implicit and after STARTTLS, when the client sends that name as SNI, and
 * serves its own certificate: judged by OpenSSL, curl and Python's ssl, not by Java (whose client refuses
 * such a name before sending it).
 */
class UnderscoreServerNameTest {
    static final String NAME = "_ref.localhost";
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path data;
    static Relay relay;

    @BeforeAll
    static void start() throws Exception {
        relay = Relay.start(TestRelayConfig.domain(NAME).dataDir(data).parse(), Clock.systemUTC(),
                RelayExtensions.reference().withSystemProbe(org.relaycert.server.limits.SystemProbe.UNKNOWN));
    }

    @AfterAll
    static void stop() {
        relay.close();
    }

    static int port(Service s) {
        return relay.address(s).getPort();
    }

    /** How a client reaches TLS on a service: at once, or after the protocol's STARTTLS. */
    static String starttls(Service s) {
        return switch (s) {
            case SMTP, SUBMISSION -> "smtp";
            case IMAP -> "imap";
            case SMTPS, IMAPS, HTTPS -> null;
        };
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void opensslSClientWithUnderscoreSniGetsTheRelayCertificate(Service service) throws Exception {
        ExternalTool openssl = ExternalTool.require("openssl", "openssl");
        List<String> args = new ArrayList<>(List.of("s_client", "-connect", "127.0.0.1:" + port(service),
                "-servername", NAME, "-CAfile", relay.certificate().toString(), "-verify_return_error",
                "-verify_hostname", NAME));
        if (starttls(service) != null) {
            args.addAll(List.of("-starttls", starttls(service)));
        }
        ExternalTool.Run run = openssl.run(data, TIMEOUT, "", args);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.output()).as(run.toString())
                .contains("Verify return code: 0 (ok)")
                .containsPattern("subject=\\s*CN\\s*=\\s*" + NAME)
                .doesNotContain("alert");
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void pythonSslWithUnderscoreSniVerifiesTheRelayCertificate(Service service) throws Exception {
        ExternalTool python = ExternalTool.require("python3", "python3");
        String script = """
                import socket, ssl, sys
                port, mode, name, ca = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
                sock = socket.create_connection(("127.0.0.1", port), timeout=20)
                f = sock.makefile("rb")
                if mode == "smtp":
                    while f.readline()[3:4] == b"-": pass
                    sock.sendall(b"EHLO client.localhost\\r\\n")
                    while f.readline()[3:4] == b"-": pass
                    sock.sendall(b"STARTTLS\\r\\n")
                    assert f.readline().startswith(b"220"), "STARTTLS refused"
                elif mode == "imap":
                    f.readline()
                    sock.sendall(b"a STARTTLS\\r\\n")
                    while not (line := f.readline()).startswith(b"a "): pass
                    assert line.startswith(b"a OK"), line
                ctx = ssl.create_default_context(cafile=ca)
                tls = ctx.wrap_socket(sock, server_hostname=name)
                print("handshake", tls.version(), dict(x[0] for x in tls.getpeercert()["subject"])["commonName"])
                """;
        ExternalTool.Run run = python.run(data, TIMEOUT, script, List.of("-", String.valueOf(port(service)),
                String.valueOf(starttls(service)), NAME, relay.certificate().toString()));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.output()).as(run.toString()).contains("handshake TLSv1.").contains(NAME);
    }

    @Test
    void curlFetchesHttpsWithUnderscoreSni() throws Exception {
        ExternalTool curl = ExternalTool.require("curl", "curl");
        ExternalTool.Run run = curl.run(data, TIMEOUT, "", List.of("-sS", "-o", "/dev/null", "-w", "%{http_code}",
                "--cacert", relay.certificate().toString(),
                "--resolve", NAME + ":" + port(Service.HTTPS) + ":127.0.0.1",
                "https://" + NAME + ":" + port(Service.HTTPS) + "/.well-known/autoconfig/mail/config-v1.1.xml"));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.output()).as(run.toString()).isEqualTo("200");
    }

    @Test
    void curlPostNewGetsADcloginUrlThatLeavesTheHostsToTheClient() throws Exception {
        ExternalTool curl = ExternalTool.require("curl", "curl");
        ExternalTool.Run run = curl.run(data, TIMEOUT, "", List.of("-sS", "-X", "POST",
                "--cacert", relay.certificate().toString(),
                "--resolve", NAME + ":" + port(Service.HTTPS) + ":127.0.0.1",
                "https://" + NAME + ":" + port(Service.HTTPS) + "/new"));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        // chatmaild newemail.py: ih/sh only for IPv4 relays; a domain relay's URL names no hosts
        assertThat(run.output()).as(run.toString()).containsPattern("\"dclogin_url\":\"dclogin:[a-z0-9]{9}@" + NAME + "\\?p=")
                .doesNotContain("&ih=").doesNotContain("&sh=").contains("&ic=3");
    }

    @ParameterizedTest
    @EnumSource(value = Service.class, names = {"SMTP", "SUBMISSION", "SMTPS"})
    void curlSpeaksSmtpOverTlsWithUnderscoreSni(Service service) throws Exception {
        ExternalTool curl = ExternalTool.require("curl", "curl");
        String scheme = service == Service.SMTPS ? "smtps" : "smtp";
        // a bare connection (no MAIL) is enough: curl fails unless the handshake and its certificate check succeed
        ExternalTool.Run run = curl.run(data, TIMEOUT, "", List.of("-sS", "--ssl-reqd", "-v",
                "--cacert", relay.certificate().toString(),
                "--resolve", NAME + ":" + port(service) + ":127.0.0.1",
                "-X", "NOOP", scheme + "://" + NAME + ":" + port(service)));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.output()).as(run.toString()).contains("SSL connection using TLSv1.");
    }

    @ParameterizedTest
    @EnumSource(value = Service.class, names = {"IMAP", "IMAPS"})
    void curlSpeaksImapOverTlsWithUnderscoreSni(Service service) throws Exception {
        ExternalTool curl = ExternalTool.require("curl", "curl");
        String scheme = service == Service.IMAPS ? "imaps" : "imap";
        ExternalTool.Run run = curl.run(data, TIMEOUT, "", List.of("-sS", "--ssl-reqd", "-v",
                "--cacert", relay.certificate().toString(),
                "--resolve", NAME + ":" + port(service) + ":127.0.0.1",
                "-u", "curlsni01@" + NAME + ":curl-sni-password-1",
                "-X", "CAPABILITY", scheme + "://" + NAME + ":" + port(service) + "/"));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.output()).as(run.toString()).contains("SSL connection using TLSv1.").contains("IMAP4rev1");
    }
}
