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
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.relaycert.server.account.AccountService;
import org.relaycert.server.account.LoginCheck;
import org.relaycert.server.config.RelayConfig;
import org.relaycert.server.config.RelaySettings;
import org.relaycert.server.delivery.LocalDelivery;
import org.relaycert.server.delivery.MailPolicy;
import org.relaycert.server.delivery.RelayMailIntake;
import org.relaycert.server.dkim.DkimKey;
import org.relaycert.server.dkim.DkimSigner;
import org.relaycert.server.dkim.DkimVerifier;
import org.relaycert.server.dkim.InboundDkimPolicy;
import org.relaycert.server.dkim.TraceHeaderCleanup;
import org.relaycert.server.federation.FederationRules;
import org.relaycert.server.federation.MailDns;
import org.relaycert.server.federation.MxDelivRoute;
import org.relaycert.server.federation.OutboundQueue;
import org.relaycert.server.federation.OutboundTrust;
import org.relaycert.server.federation.QueueDirectory;
import org.relaycert.server.delivery.RemoteDelivery;
import org.relaycert.server.expiry.ExpiryScheduler;
import org.relaycert.server.expiry.ExpirySweep;
import org.relaycert.server.expiry.Retention;
import org.relaycert.server.imap.ImapRules;
import org.relaycert.server.limits.ConnectionLimit;
import org.relaycert.server.limits.ConnectionLimiter;
import org.relaycert.server.limits.HostProbe;
import org.relaycert.server.limits.SystemLimits;
import org.relaycert.server.policy.HeaderCleanup;
import org.relaycert.server.policy.MailboxQuota;
import org.relaycert.server.policy.ReferencePolicies;
import org.relaycert.server.imap.ImapServer;
import org.relaycert.server.imap.ImapServerConfig;
import org.relaycert.server.push.DeliveryTrigger;
import org.relaycert.server.push.DeviceTokens;
import org.relaycert.server.push.GatewayNotifier;
import org.relaycert.server.push.Notifier;
import org.relaycert.server.push.PushRules;
import org.relaycert.server.push.RelayMetadata;
import org.relaycert.server.push.SharedEntries;
import org.relaycert.server.smtp.SmtpPort;
import org.relaycert.server.smtp.SmtpRules;
import org.relaycert.server.smtp.SmtpServer;
import org.relaycert.server.smtp.SmtpServerConfig;
import org.relaycert.server.store.MaildirStore;
import org.relaycert.server.tls.TlsContexts;
import org.relaycert.server.tls.TlsMaterial;
import org.relaycert.server.web.NewAccountRateLimit;
import org.relaycert.server.web.Route;
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
    /** Tells Delta Chat the relay takes device tokens (core {@code supports_push}). */
    public static final String XDELTAPUSH = "XDELTAPUSH";

    private final RelayConfig config;
    private final TlsMaterial tls;
    private final Map<Service, InetSocketAddress> addresses = new EnumMap<>(Service.class);
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private OutboundQueue queue;
    private DkimKey dkimKey;
    private ExpiryScheduler expiry;

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
        AccountService accounts = new AccountService(config.params(), store, clock,
                SystemLimits.both(extensions.creationGate(), SystemLimits.of(config.params(),
                        extensions.systemProbe().orElseGet(() -> new HostProbe(s.dataDir())))),
                extensions.unknownAccountLogin());
        LocalDelivery localDelivery = new LocalDelivery(store, clock, config.params().maxMailboxSize(),
                new MailboxQuota(config.params().maxMailboxSize(), clock));
        FederationRules federationRules = extensions.federationRules().apply(FederationRules.chatmail());
        MailDns mailDns = new MailDns(s.dnsResolver().orElseGet(Relay::systemResolver));
        dkimKey = DkimKey.loadOrCreate(config.federation().dkimKey()
                .orElse(s.dataDir().resolve("dkim").resolve(config.federation().dkimSelector() + ".private")));
        OutboundQueue outbound = new OutboundQueue(config.mailDomain(), new QueueDirectory(s.dataDir().resolve("queue")),
                mailDns, config.federation(), federationRules, new OutboundTrust(config.federation().trustAnchors()),
                Optional.of(new DkimSigner(config.mailDomain(), config.federation().dkimSelector(), dkimKey.privateKey(), clock)),
                localDelivery, clock);
        started.push(outbound);
        queue = outbound;
        // Sender, rate and encryption are judged first (chatmail answers cleartext with 523 whatever its
        // signature); DKIM then on the message as it arrived, before any header is rewritten; trace headers last.
        List<MailPolicy> policies = new ArrayList<>(ReferencePolicies.chatmail(config.params(), accounts, clock));
        int rewrites = policies.indexOf(policies.stream().filter(p -> p instanceof HeaderCleanup).findFirst().orElse(null));
        policies.add(rewrites < 0 ? policies.size() : rewrites, new InboundDkimPolicy(new DkimVerifier(mailDns::txt)));
        policies.add(new TraceHeaderCleanup());
        RelayMailIntake intake = new RelayMailIntake(config.params(), accounts, localDelivery, outbound,
                extensions.mailPolicies().apply(List.copyOf(policies)), federationRules.relayAccess(),
                extensions.recipientRouting(), org.relaycert.server.delivery.Spool.in(s.dataDir().resolve("spool")));
        org.relaycert.server.delivery.BounceRules bounceRules =
                extensions.bounceRules().apply(org.relaycert.server.delivery.BounceRules.chatmail());
        intake = intake.withBounces(bounceRules, outbound, org.relaycert.server.policy.ForgedReturnPath.per(bounceRules));
        String host = config.mailDomain();
        LoginCheck logins = extensions.logins().apply(accounts::authenticate);
        SmtpRules smtpRules = extensions.smtpRules().apply(SmtpRules.chatmail());
        ImapRules imapRules = extensions.imapRules().apply(ImapRules.chatmail());
        RelayMetadata metadata = wirePush(clock, extensions, store, accounts);
        wireExpiry(clock, extensions, store);

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
                    boss, workers, intake, logins::authenticate,
                    ConnectionLimiter.smtp(extensions.smtpConnectionLimit()
                            .apply(ConnectionLimit.smtp(config.params().maxSmtpConnections())), host));
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
        ConnectionLimiter imapLimiter = ConnectionLimiter.imap(ConnectionLimit.imap(config.params().maxImapConnections()));
        for (boolean implicit : new boolean[] {false, true}) {
            ImapServer imap = ImapServer.start(new ImapServerConfig(bind(implicit ? s.imapsPort() : s.imapPort()),
                    implicit, contexts.clientPorts(), host, config.params().maxMailboxSize(), Set.of(XDELTAPUSH),
                    s.idleTimeout(), imapRules), boss, workers, store, imapAuth, clock, imapLimiter);
            imap.metadata(metadata);
            imap.maxLiteral(config.params().maxMessageSize());
            started.push(imap);
            addresses.put(implicit ? Service.IMAPS : Service.IMAP, imap.localAddress());
            if (implicit) {
                alpn.put("imap", imap::adopt); // ALPN imap on 443 -> 993
            }
        }

        alpn.keySet().retainAll(extensions.port443Alpn());
        WebServerConfig webConfig = new WebServerConfig(bind(s.httpsPort()), contexts.https(), host, config.params(),
                addresses.get(Service.SMTPS).getPort(), addresses.get(Service.SUBMISSION).getPort(),
                addresses.get(Service.IMAPS).getPort(), addresses.get(Service.IMAP).getPort())
                .withMaxContentLength((int) Math.min(Integer.MAX_VALUE - 65_536, config.params().maxMessageSize()) + 65_536);
        Map<String, Route> routes = WebRoutes.reference(webConfig, accounts, NewAccountRateLimit.chatmail(clock));
        routes.put(MxDelivRoute.PATH, new MxDelivRoute(intake, config.params().maxMessageSize()));
        WebServer web = WebServer.start(webConfig, boss, workers, extensions.webRoutes().apply(routes), alpn);
        started.push(web);
        addresses.put(Service.HTTPS, web.localAddress());
        outbound.start();
    }

    /** The first name server of the host's resolver configuration ({@code /etc/resolv.conf}). */
    private static String systemResolver() {
        InetSocketAddress ns = org.xbill.DNS.ResolverConfig.getCurrentConfig().server();
        return ns.getAddress().getHostAddress() + ":" + ns.getPort();
    }

    /** The federation queue (mail for other domains), for operators' tools and tests. */
    public OutboundQueue federationQueue() {
        return queue;
    }

    /** The DKIM key the relay signs with; its public half belongs in DNS. */
    public DkimKey dkimKey() {
        return dkimKey;
    }

    /**
     * Device tokens over IMAP METADATA, and a notification to the gateway on each delivery (none when no
     * {@code push_gateway_url} is configured). Pending notifications live in {@code <data>/push/pending}.
     */
    private RelayMetadata wirePush(Clock clock, RelayExtensions extensions, MaildirStore store, AccountService accounts)
            throws java.io.IOException {
        RelaySettings s = config.relay();
        PushRules rules = extensions.pushRules().apply(PushRules.chatmail());
        DeviceTokens tokens = new DeviceTokens(store::userDirectory, clock, rules);
        Notifier notifier = Notifier.NONE;
        if (s.pushGatewayUrl().isPresent()) {
            GatewayNotifier gateway = GatewayNotifier.start(s.pushGatewayUrl().get(), tokens, rules, clock,
                    s.dataDir().resolve("push").resolve("pending"));
            started.push(gateway);
            notifier = gateway;
        }
        store.addListener(new DeliveryTrigger(store, extensions.notifier().apply(notifier), rules));
        return new RelayMetadata(tokens, extensions.sharedEntries().apply(
                SharedEntries.chatmail(config.params(), s.maxRecipients(), config.metadata(), clock)));
    }

    /** chatmail's daily expiry, every {@code expiry_sweep_interval} here. */
    private void wireExpiry(Clock clock, RelayExtensions extensions, MaildirStore store) {
        ExpirySweep sweep = new ExpirySweep(store, clock, Retention.of(config.params()),
                extensions.expiryRules().apply(org.relaycert.server.expiry.ExpiryRules.chatmail()),
                AccountService.PASSWORD_FILE);
        expiry = ExpiryScheduler.start(sweep, config.relay().expirySweepInterval());
        started.push(expiry);
    }

    /** The expiry sweeps of this relay (to run one now, e.g. from a test world). */
    public ExpiryScheduler expiry() {
        return expiry;
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
