package org.relaycert.conformance.targets;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.KeyManagementException;
import java.time.Duration;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.relaycert.conformance.settings.Setting;
import org.relaycert.conformance.settings.Settings;
import org.relaycert.wire.TrustAll;

/**
 * A chatmail host somewhere else: {@code -Dchatmail.target=example.org} (and {@code chatmail.target2} for
 * a second operator). Connects to {@code chatmail.host} (default: the domain), standard ports unless
 * {@code chatmail.port.<service>} says otherwise; {@code chatmail.insecure=true} accepts any certificate
 * (self-signed test relays), and checks that need the certificate chain then say "not observable".
 * {@code chatmail.bind=ADDRESS} is the client's own source address for every connection (a relay on this
 * machine must see a remote client, not its own address). {@code chatmail.accounts=FILE} lists accounts made
 * beforehand, handed out when the relay does not create accounts on first login ({@link ProvisionedAccounts}).
 */
public final class ExternalTarget implements Target {
    private final RelayUnderTest primary;
    private final Optional<RelayUnderTest> second;
    private final SSLContext trust;
    private final boolean insecure;
    private final Settings settings;

    /** The relay {@code chatmail.target} of the run's settings (and {@code chatmail.target2}, where set). */
    public ExternalTarget(Settings settings) {
        String domain = settings.get(Setting.TARGET).orElseThrow(() -> new IllegalArgumentException(
                "an external target needs " + Setting.TARGET.key()));
        this.settings = settings;
        this.insecure = settings.value(Setting.INSECURE);
        this.trust = insecure ? TrustAll.context() : defaultContext();
        Optional<InetAddress> source = settings.get(Setting.BIND);
        Optional<ProvisionedAccounts> provisioned = settings.get(Setting.ACCOUNTS)
                .map(file -> readAccounts(file, TargetChoice.projectRoot(settings)));
        Duration answer = settings.value(Setting.ANSWER_TIMEOUT);
        this.primary = new HostRelay(domain, settings.get(Setting.HOST).orElse(domain), ports(settings), source,
                answer, trust, provisioned);
        this.second = settings.get(Setting.TARGET2).map(d -> new HostRelay(d, settings.get(Setting.HOST2).orElse(d),
                ports(settings), source, answer, trust, Optional.empty()));
    }

    /** {@code chatmail.flood.bind=A,B,...}: further addresses of this machine that connection floods start from. */
    @Override
    public java.util.List<InetAddress> floodSources() {
        return settings.value(Setting.FLOOD_BIND);
    }

    /** A relative path is read from the project root, where the Maven command runs, not the module's folder. */
    private static ProvisionedAccounts readAccounts(Path file, Path root) {
        Path path = root.resolve(file);
        try {
            return ProvisionedAccounts.read(path);
        } catch (IOException e) {
            throw new IllegalArgumentException(Setting.ACCOUNTS.key() + "=" + file + ": cannot read " + path + ": " + e, e);
        }
    }

    private static Map<String, Integer> ports(Settings settings) {
        return Map.of("smtp", settings.value(Setting.PORT_SMTP), "submission", settings.value(Setting.PORT_SUBMISSION),
                "smtps", settings.value(Setting.PORT_SMTPS), "imap", settings.value(Setting.PORT_IMAP),
                "imaps", settings.value(Setting.PORT_IMAPS), "https", settings.value(Setting.PORT_HTTPS));
    }

    @Override
    public Settings settings() {
        return settings;
    }

    /**
     * {@code chatmail.dns=host:port}: the DNS server that knows the target's names (a staging relay whose
     * domain public DNS does not know); empty: the system's resolver.
     */
    @Override
    public Optional<String> dnsResolver() {
        return settings.get(Setting.DNS);
    }

    public boolean insecure() {
        return insecure;
    }

    @Override
    public String name() {
        return primary.domain();
    }

    @Override
    public RelayUnderTest primary() {
        return primary;
    }

    @Override
    public Optional<RelayUnderTest> secondRelay() {
        return second;
    }

    @Override
    public SSLContext trust() {
        return trust;
    }

    /**
     * A real relay: the client dials its host by name and checks certificates. In an insecure run the
     * certificate names nothing the client checks, so it gets the address this JVM resolves (a test host
     * may be known only to the suite's resolver, not to the client's own).
     */
    @Override
    public Optional<ClientAccess> clientAccess(RelayUnderTest relay) {
        if (!insecure) {
            return Optional.of(ClientAccess.of(relay, true));
        }
        try {
            String address = java.net.InetAddress.getByName(relay.imaps().connectAddress()).getHostAddress();
            return Optional.of(new ClientAccess(address, relay.imaps().port(), relay.smtps().port(), false));
        } catch (java.net.UnknownHostException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> certificatesUnverifiable() {
        return insecure ? Optional.of("this run accepts any certificate (chatmail.insecure=true)") : Optional.empty();
    }

    private static SSLContext defaultContext() {
        try {
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(null, null, null);
            return c;
        } catch (NoSuchAlgorithmException | KeyManagementException e) {
            throw new IllegalStateException(e);
        }
    }

    private record HostRelay(String domain, String host, Map<String, Integer> ports, Optional<InetAddress> source,
                             Duration answer,
                             SSLContext trust, Optional<ProvisionedAccounts> provisioned) implements RelayUnderTest {
        private int port(String service, int standard) {
            return ports.getOrDefault(service, standard);
        }

        @Override
        public Endpoint smtp() {
            return new Endpoint(domain, host, port("smtp", 25), false, source, answer);
        }

        @Override
        public Endpoint submission() {
            return new Endpoint(domain, host, port("submission", 587), false, source, answer);
        }

        @Override
        public Endpoint smtps() {
            return new Endpoint(domain, host, port("smtps", 465), true, source, answer);
        }

        @Override
        public Endpoint imap() {
            return new Endpoint(domain, host, port("imap", 143), false, source, answer);
        }

        @Override
        public Endpoint imaps() {
            return new Endpoint(domain, host, port("imaps", 993), true, source, answer);
        }

        @Override
        public Endpoint https() {
            return new Endpoint(domain, host, port("https", 443), true, source, answer);
        }

        /**
         * The chatmail way first; when it gives no working account and the run lists accounts made beforehand,
         * the next of those (a relay that does not create accounts on first login).
         */
        @Override
        public Credentials account() throws Exception {
            return org.relaycert.conformance.verdict.Precondition.step("an account created on " + domain, this::newAccount);
        }

        private Credentials newAccount() throws Exception {
            if (provisioned.isEmpty()) {
                return LoginAccounts.createViaNew(this, trust);
            }
            if (provisioned.get().useDirectly()) {
                return emptied(provisioned.get().next());
            }
            try {
                return LoginAccounts.createViaNew(this, trust);
            } catch (IOException e) {
                provisioned.get().chatmailWayRefused();
                return emptied(provisioned.get().next());
            }
        }

        /**
         * A provisioned account as the checks expect every account: with an empty INBOX. It lives across runs, and a
         * read that finds the last run's mail (a count of 72 of 70, another run's Subject) judges the wrong message.
         */
        private Credentials emptied(Credentials account) throws IOException {
            try (org.relaycert.wire.ImapSession s = org.relaycert.wire.ImapSession.open(imaps(), trust)) {
                org.relaycert.wire.ImapResponse login = s.login(account.address(), account.password());
                if (!login.ok()) {
                    throw new IOException("provisioned account " + account.address() + " refused at IMAP login: " + login);
                }
                s.command("SELECT INBOX");
                s.command("STORE 1:* +FLAGS.SILENT (\\Deleted)");
                s.command("EXPUNGE");
                s.logout();
            }
            return account;
        }
    }
}
