package org.relaycert.server.web;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.relaycert.server.TestRelayConfig;
import org.relaycert.server.account.AccountService;
import org.relaycert.server.account.CreationGate;
import org.relaycert.server.config.ChatmailParams;
import org.relaycert.server.store.MaildirStore;
import org.relaycert.server.tls.TlsContexts;
import org.relaycert.server.tls.TlsMaterial;

/** A WebServer on 127.0.0.1 with a self-signed certificate (also valid for 127.0.0.1) and clients that trust it. */
final class RunningWebServer implements AutoCloseable {
    final WebServerConfig config;
    final AccountService accounts;
    final WebServer server;
    final SSLContext clientTls;
    final HttpClient http;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());

    RunningWebServer(Path dir, String mailDomain, UnaryOperator<WebServerConfig> tweak) throws Exception {
        this(dir, mailDomain, tweak, NewAccountRateLimit.NONE);
    }

    RunningWebServer(Path dir, String mailDomain, UnaryOperator<WebServerConfig> tweak, NewAccountRateLimit limit)
            throws Exception {
        ChatmailParams params = TestRelayConfig.domain(mailDomain).parse(dir).params();
        TlsMaterial material = TlsMaterial.selfSigned(dir, mailDomain, List.of("127.0.0.1"));
        this.accounts = new AccountService(params, store(dir), Clock.systemUTC(), CreationGate.OPEN);
        this.config = tweak.apply(new WebServerConfig(new InetSocketAddress("127.0.0.1", 0),
                new TlsContexts(material).mx(), mailDomain, params, 10465, 10587, 10993, 10143));
        this.server = WebServer.start(config, group, group, WebRoutes.reference(config, accounts, limit));
        this.clientTls = trusting(material.certificateChain());
        this.http = HttpClient.newBuilder().sslContext(clientTls).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static MaildirStore store(Path dir) {
        return new MaildirStore(dir.resolve("mail"), Clock.systemUTC());
    }

    URI uri(String path) {
        return URI.create("https://127.0.0.1:" + server.localAddress().getPort() + path);
    }

    HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path);
    }

    /** Writes raw bytes over TLS and reads until the server closes (or 10 s pass). */
    String raw(String request) throws IOException {
        try (SSLSocket socket = (SSLSocket) clientTls.getSocketFactory()
                .createSocket("127.0.0.1", server.localAddress().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[4096];
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
            }
            return out.toString(StandardCharsets.ISO_8859_1);
        }
    }

    static SSLContext trusting(Path pem) throws Exception {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            ks.setCertificateEntry("relay", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    @Override
    public void close() {
        http.close();
        server.close();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
