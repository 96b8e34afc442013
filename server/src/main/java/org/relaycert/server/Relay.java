package org.relaycert.server;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.relaycert.server.account.AccountService;
import org.relaycert.server.account.LoginCheck;
import org.relaycert.server.config.RelayConfig;
import org.relaycert.server.config.RelaySettings;
import org.relaycert.server.delivery.LocalDelivery;
import org.relaycert.server.delivery.RelayMailIntake;
import org.relaycert.server.delivery.RemoteDelivery;
import org.relaycert.server.imap.ImapRules;
import org.relaycert.server.imap.ImapServer;
import org.relaycert.server.imap.ImapServerConfig;
import org.relaycert.server.smtp.SmtpPort;
import org.relaycert.server.smtp.SmtpRules;
import org.relaycert.server.smtp.SmtpServer;
import org.relaycert.server.smtp.SmtpServerConfig;
import org.relaycert.server.store.MaildirStore;
import org.relaycert.server.tls.TlsContexts;
import org.relaycert.server.tls.TlsMaterial;
import org.relaycert.server.web.NewAccountRateLimit;
import org.relaycert.server.web.WebRoutes;
import org.relaycert.server.web.WebServer;
import org.relaycert.server.web.WebServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every part of one relay from its config, starts them in order and
 * stops them in reverse. Nothing else wires parts together.
 */
public final class Relay implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Relay.class);

    private final RelayConfig config;
    private final TlsMaterial tls;
    private final Map<Service, InetSocketAddress> addresses = new EnumMap<>(Service.class);
    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    private Relay(RelayConfig config, TlsMaterial tls) {
        this.config = config;
        this.tls = tls;
    }

    public static Relay start(RelayConfig config) throws Exception {
        return start(config, Clock.systemUTC());
    }

    public static Relay start(RelayConfig config, Clock clock) throws Exception {
        return start(config, clock, RelayExtensions.reference());
    }

    public static Relay start(RelayConfig config, Clock clock, RelayExtensions extensions) throws Exception {
        RelaySettings s = config.relay();
        Files.createDirectories(s.dataDir());
        TlsMaterial material = s.tlsCert().isPresent() && s.tlsKey().isPresent()
                ? new TlsMaterial(s.tlsCert().get(), s.tlsKey().get())
                : TlsMaterial.selfSigned(s.dataDir().resolve("tls"), config.mailDomain(), List.of(s.bindAddress()));
        Relay relay = new Relay(config, material);
        try {
            relay.wire(clock, extensions);
        } catch (Exception | Error e) {
            relay.close();
            throw e;
        }
        log.info("relay {} ready: {}", config.mailDomain(), relay.addresses);
        return relay;
    }

    private void wire(Clock clock, RelayExtensions extensions) throws Exception {
        RelaySettings s = config.relay();
        EventLoopGroup boss = group(1);
        EventLoopGroup workers = group(0);
        TlsContexts contexts = new TlsContexts(tls, extensions.tlsProtocols());
        MaildirStore store = new MaildirStore(s.dataDir().resolve("mailboxes"), clock);
        AccountService accounts = new AccountService(config.params(), store, clock, extensions.creationGate());
        RelayMailIntake intake = new RelayMailIntake(config.params(), accounts,
                new LocalDelivery(store, clock, config.params().maxMailboxSize()), RemoteDelivery.NONE,
                extensions.mailPolicies().apply(List.of()));
        String host = config.mailDomain();
        LoginCheck logins = extensions.logins().apply(accounts::authenticate);
        SmtpRules smtpRules = extensions.smtpRules().apply(SmtpRules.chatmail());
        ImapRules imapRules = extensions.imapRules().apply(ImapRules.chatmail());

        Map<String, Consumer<Channel>> alpn = new HashMap<>();
        for (SmtpPort kind : SmtpPort.values()) {
            Service service = switch (kind) {
                case MX -> Service.SMTP;
                case SUBMISSION -> Service.SUBMISSION;
                case SUBMISSIONS -> Service.SMTPS;
            };
            int port = switch (kind) {
                case MX -> s.smtpPort();
                case SUBMISSION -> s.submissionPort();
                case SUBMISSIONS -> s.smtpsPort();
            };
            SmtpServer server = SmtpServer.start(new SmtpServerConfig(kind, bind(port), host,
                    kind == SmtpPort.MX ? contexts.mx() : contexts.clientPorts(), s.maxLineLength(), s.maxRecipients(),
                    config.params().maxMessageSize(), s.idleTimeout(), smtpRules),
                    boss, workers, intake, logins::authenticate);
            started.push(server);
            addresses.put(service, server.localAddress());
            if (kind == SmtpPort.SUBMISSIONS) {
                alpn.put("smtp", server::adopt); // chatmail's nginx: ALPN smtp on 443 -> 465
            }
        }

        org.relaycert.server.imap.Authenticator imapAuth = new org.relaycert.server.imap.Authenticator() {
            @Override
            public java.util.Optional<String> authenticate(String login, String password) {
                return logins.authenticate(login, password);
            }

            @Override
            public void loggedIn(String address) {
                accounts.recordImapLogin(address);
            }
        };
        for (boolean implicit : new boolean[] {false, true}) {
            ImapServer imap = ImapServer.start(new ImapServerConfig(bind(implicit ? s.imapsPort() : s.imapPort()),
                    implicit, contexts.clientPorts(), host, config.params().maxMailboxSize(), Set.of(),
                    s.idleTimeout(), imapRules), boss, workers, store, imapAuth, clock);
            started.push(imap);
            addresses.put(implicit ? Service.IMAPS : Service.IMAP, imap.localAddress());
            if (implicit) {
                alpn.put("imap", imap::adopt); // ALPN imap on 443 -> 993
            }
        }

        alpn.keySet().retainAll(extensions.port443Alpn());
        WebServerConfig webConfig = new WebServerConfig(bind(s.httpsPort()), contexts.https(), host, config.params(),
                addresses.get(Service.SMTPS).getPort(), addresses.get(Service.SUBMISSION).getPort(),
                addresses.get(Service.IMAPS).getPort(), addresses.get(Service.IMAP).getPort());
        WebServer web = WebServer.start(webConfig, boss, workers,
                extensions.webRoutes().apply(WebRoutes.reference(webConfig, accounts, NewAccountRateLimit.chatmail(clock))),
                alpn);
        started.push(web);
        addresses.put(Service.HTTPS, web.localAddress());
    }

    private InetSocketAddress bind(int port) {
        return new InetSocketAddress(config.relay().bindAddress(), port);
    }

    private EventLoopGroup group(int threads) {
        EventLoopGroup g = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
        started.push(() -> g.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly());
        return g;
    }

    /** The bound address of a service (the real port when the config said 0). */
    public InetSocketAddress address(Service service) {
        InetSocketAddress a = addresses.get(service);
        if (a == null) {
            throw new IllegalStateException(service + " is not running");
        }
        return a;
    }

    /** The PEM certificate the relay presents (to trust in tests). */
    public Path certificate() {
        return tls.certificateChain();
    }

    public RelayConfig config() {
        return config;
    }

    /** Stops every part in reverse order of starting; safe to call twice. */
    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                log.warn("while stopping: {}", e.toString());
            }
        }
    }
}
