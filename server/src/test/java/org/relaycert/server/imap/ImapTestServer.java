package org.relaycert.server.imap;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.relaycert.server.store.MaildirStore;
import org.relaycert.server.tls.TlsContexts;
import org.relaycert.server.tls.TlsMaterial;

/** A relay-less IMAP test bed: a temp Maildir store, a self-signed certificate, a 143-style and a 993-style listener. */
final class ImapTestServer implements AutoCloseable {
    static final String USER = "alice1234@relay.test";
    static final String PASSWORD = "correct-horse-battery";
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final long QUOTA = 1024L * 1024;
    /** Shorter than the production 2 s so the suite stays quick. */
    static final Duration FAILED_LOGIN_DELAY = Duration.ofMillis(300);

    final MaildirStore store;
    final ImapServer starttls;
    final ImapServer implicit;
    final SSLContext clientTls;
    final List<String> logins = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoopGroup workers = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final Map<String, String> passwords = new ConcurrentHashMap<>(Map.of(USER, PASSWORD));

    ImapTestServer(Path dir) throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        store = new MaildirStore(Files.createDirectories(dir.resolve("mail")), clock);
        TlsMaterial material = TlsMaterial.selfSigned(dir, "relay.test", List.of("localhost", "127.0.0.1"));
        TlsContexts contexts = new TlsContexts(material);
        Authenticator auth = new Authenticator() {
            @Override
            public Optional<String> authenticate(String login, String password) {
                String l = login.toLowerCase(java.util.Locale.ROOT);
                return password.equals(passwords.get(l)) ? Optional.of(l) : Optional.empty();
            }

            @Override
            public void loggedIn(String address) {
                logins.add(address);
            }
        };
        InetSocketAddress any = new InetSocketAddress("127.0.0.1", 0);
        starttls = ImapServer.start(new ImapServerConfig(any, false, contexts.clientPorts(), "relay.test", QUOTA,
                Set.of("XDELTAPUSH"), Duration.ofMinutes(30)), boss, workers, store, auth, clock);
        implicit = ImapServer.start(new ImapServerConfig(any, true, contexts.clientPorts(), "relay.test", QUOTA,
                Set.of("XDELTAPUSH"), Duration.ofMinutes(30)), boss, workers, store, auth, clock);
        clientTls = trusting(material.certificateChain());
        starttls.failedLoginDelay(FAILED_LOGIN_DELAY);
        implicit.failedLoginDelay(FAILED_LOGIN_DELAY);
    }

    void addUser(String address, String password) {
        passwords.put(address, password);
    }

    private static SSLContext trusting(Path certPem) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        try (InputStream in = Files.newInputStream(certPem)) {
            ks.setCertificateEntry("relay", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLSv1.3");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    /** A logged-in client on the implicit-TLS port (greeting consumed). */
    TestImapClient loggedIn() throws IOException {
        TestImapClient c = TestImapClient.implicitTls(implicit.localAddress(), clientTls);
        c.readLine();
        List<String> r = c.command("LOGIN " + USER + " " + PASSWORD);
        if (!TestImapClient.last(r).contains("OK")) {
            throw new IOException("login failed: " + r);
        }
        return c;
    }

    @Override
    public void close() {
        starttls.close();
        implicit.close();
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
}
