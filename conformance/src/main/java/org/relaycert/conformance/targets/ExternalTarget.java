package org.relaycert.conformance.targets;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
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
    private final Function<String, Optional<String>> settings;

    /** {@code settings} looks up {@code chatmail.*} keys (run configuration first, then system properties). */
    public ExternalTarget(Function<String, Optional<String>> settings) {
        String domain = settings.apply("chatmail.target").orElseThrow();
        this.settings = settings;
        this.insecure = settings.apply("chatmail.insecure").map(Boolean::parseBoolean).orElse(false);
        this.trust = insecure ? TrustAll.context() : defaultContext();
        Optional<InetAddress> source = sourceAddress(settings);
        Optional<ProvisionedAccounts> provisioned = settings.apply("chatmail.accounts").map(ExternalTarget::readAccounts);
        this.primary = new HostRelay(domain, settings.apply("chatmail.host").orElse(domain), ports(settings), source,
                trust, provisioned);
        this.second = settings.apply("chatmail.target2").map(d ->
                new HostRelay(d, settings.apply("chatmail.host2").orElse(d), ports(settings), source, trust, Optional.empty()));
    }

    /** {@code chatmail.bind}: the address every client connection starts from; empty: the system's choice. */
    public static Optional<InetAddress> sourceAddress(Function<String, Optional<String>> settings) {
        return settings.apply("chatmail.bind").map(a -> address("chatmail.bind", a));
    }

    /** {@code chatmail.flood.bind=A,B,...}: further addresses of this machine that connection floods start from. */
    @Override
    public java.util.List<InetAddress> floodSources() {
        return settings.apply("chatmail.flood.bind").map(v -> java.util.Arrays.stream(v.split(","))
                .map(String::strip).filter(a -> !a.isEmpty()).map(a -> address("chatmail.flood.bind", a)).toList())
                .orElse(java.util.List.of());
    }

    private static InetAddress address(String key, String value) {
        try {
            return InetAddress.getByName(value.strip());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("-D" + key + "=" + value + ": not an address of this machine", e);
        }
    }

    /** A relative path is read from the project root, where the Maven command runs, not the module's folder. */
    private static ProvisionedAccounts readAccounts(String file) {
        Path path = TargetChoice.projectRoot().resolve(file);
        try {
            return ProvisionedAccounts.read(path);
        } catch (IOException e) {
            throw new IllegalArgumentException("-Dchatmail.accounts=" + file + ": cannot read " + path + ": " + e, e);
        }
    }

    private static Map<String, Integer> ports(Function<String, Optional<String>> settings) {
        Map<String, Integer> ports = new HashMap<>(Map.of("smtp", 25, "submission", 587, "smtps", 465,
                "imap", 143, "imaps", 993, "https", 443));
        ports.replaceAll((k, v) -> settings.apply("chatmail.port." + k).map(Integer::parseInt).orElse(v));
        return ports;
    }

    @Override
    public Optional<String> setting(String key) {
        return settings.apply(key);
    }

    /**
     * {@code chatmail.dns=host:port}: the DNS server that knows the target's names (a staging relay whose
     * domain public DNS does not know); empty: the system's resolver.
     */
    @Override
    public Optional<String> dnsResolver() {
        return settings.apply("chatmail.dns");
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
                             SSLContext trust, Optional<ProvisionedAccounts> provisioned) implements RelayUnderTest {
        private int port(String service, int standard) {
            return ports.getOrDefault(service, standard);
        }

        @Override
        public Endpoint smtp() {
            return new Endpoint(domain, host, port("smtp", 25), false, source);
        }

        @Override
        public Endpoint submission() {
            return new Endpoint(domain, host, port("submission", 587), false, source);
        }

        @Override
        public Endpoint smtps() {
            return new Endpoint(domain, host, port("smtps", 465), true, source);
        }

        @Override
        public Endpoint imap() {
            return new Endpoint(domain, host, port("imap", 143), false, source);
        }

        @Override
        public Endpoint imaps() {
            return new Endpoint(domain, host, port("imaps", 993), true, source);
        }

        @Override
        public Endpoint https() {
            return new Endpoint(domain, host, port("https", 443), true, source);
        }

        /**
         * The chatmail way first; when it gives no working account and the run lists accounts made beforehand,
         * the next of those (a relay that does not create accounts on first login).
         */
        @Override
        public Credentials account() throws Exception {
            if (provisioned.isEmpty()) {
                return LoginAccounts.createViaNew(this, trust);
            }
            if (provisioned.get().useDirectly()) {
                return provisioned.get().next();
            }
            try {
                return LoginAccounts.createViaNew(this, trust);
            } catch (IOException e) {
                provisioned.get().chatmailWayRefused();
                return provisioned.get().next();
            }
        }
    }
}
