package org.relaycert.server.smtp;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.relaycert.server.tls.TlsContexts;
import org.relaycert.server.tls.TlsMaterial;

/** An {@link SmtpServer} on loopback with a self-signed certificate and a {@link RecordingIntake}. */
final class SmtpTestServer implements AutoCloseable {
    static final String HOST = "relay.example.org";
    static final String USER = "alice@relay.example.org";
    static final String PASSWORD = "correct-horse";
    static final long MAX_SIZE = 10_000;

    final RecordingIntake intake = new RecordingIntake();
    private final EventLoopGroup group;
    final SmtpServer server;

    private SmtpTestServer(SmtpServerConfig config) throws InterruptedException {
        group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        server = SmtpServer.start(config, group, group, intake, SmtpTestServer::authenticate);
    }

    static Optional<String> authenticate(String login, String password) {
        return login.equalsIgnoreCase(USER) && password.equals(PASSWORD) ? Optional.of(USER) : Optional.empty();
    }

    static TlsContexts tls(Path dir) throws Exception {
        return new TlsContexts(TlsMaterial.selfSigned(dir, HOST, List.of("127.0.0.1")));
    }

    static SmtpTestServer start(SmtpPort port, TlsContexts tls) throws InterruptedException {
        return start(port, tls, c -> c);
    }

    static SmtpTestServer start(SmtpPort port, TlsContexts tls, UnaryOperator<SmtpServerConfig> tweak)
            throws InterruptedException {
        SmtpServerConfig config = new SmtpServerConfig(port, new InetSocketAddress("127.0.0.1", 0), HOST,
                port == SmtpPort.MX ? tls.mx() : tls.clientPorts(), 512, 100, MAX_SIZE, Duration.ofMinutes(1));
        return new SmtpTestServer(tweak.apply(config));
    }

    InetSocketAddress address() {
        return server.localAddress();
    }

    @Override
    public void close() {
        server.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
