package org.relaycert.conformance.targets;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.relaycert.conformance.settings.Settings;
import org.relaycert.fixtures.push.PushGateway;
import org.relaycert.fixtures.world.LocalWorld;
import org.relaycert.fixtures.world.PortPlan;

/** The local world of reference relays (or variants) as a target: names resolve through its fixture DNS. */
public final class LocalTarget implements Target {
    private final LocalWorld world;
    private final List<RelayUnderTest> relays;
    private final Settings settings;

    public LocalTarget(LocalWorld world) {
        this(world, Settings.DEFAULTS);
    }

    public LocalTarget(LocalWorld world, Settings settings) {
        this.world = world;
        this.settings = settings;
        this.relays = world.relays().stream().map(r -> (RelayUnderTest) new WorldRelayUnderTest(
                r.domain(), r.address(), world.ports(), world.ca().trust(), settings.value(
                        org.relaycert.conformance.settings.Setting.ANSWER_TIMEOUT))).toList();
    }

    public LocalWorld world() {
        return world;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public Settings settings() {
        return settings;
    }

    @Override
    public RelayUnderTest primary() {
        return relays.get(0);
    }

    @Override
    public Optional<RelayUnderTest> secondRelay() {
        return relays.size() > 1 ? Optional.of(relays.get(1)) : Optional.empty();
    }

    @Override
    public List<RelayUnderTest> relays() {
        return relays;
    }

    @Override
    public Optional<ChatClients> chatClients() throws Exception {
        return org.relaycert.fixtures.deltachat.DeltaChatBinary.locate().isPresent()
                ? Optional.of(new DeltaChatClients()) : Optional.empty();
    }

    @Override
    public SSLContext trust() {
        return world.ca().trust();
    }

    @Override
    public Optional<TimeControl> time() {
        return Optional.of(world.clock()::advance);
    }

    /**
     * Floods come from one address no relay of a world uses (relays sit on .2 and up of a 127.0.x block): one
     * attacking client, whose share a per-client connection limit caps, beside the normal client on its own address.
     */
    @Override
    public java.util.List<java.net.InetAddress> floodSources() {
        try {
            return java.util.List.of(java.net.InetAddress.getByName("127.0.0.254"));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<FederationControl> federationControl() {
        return Optional.of(new FederationControl() {
            @Override
            public void stop(String domain) {
                world.stopRelay(domain);
            }

            @Override
            public void start(String domain) throws Exception {
                world.restartRelay(domain);
            }

            @Override
            public void serveMxdeliv(String domain, boolean served) throws Exception {
                world.serveMxdeliv(domain, served);
            }

            @Override
            public boolean presentOtherNameCertificate(String domain, boolean otherName) throws Exception {
                world.presentOtherNameCertificate(domain, otherName);
                return true;
            }

            @Override
            public boolean acceptSmtpFromRelays(String domain, boolean accepted) throws Exception {
                world.acceptSmtpFromRelays(domain, accepted);
                return true;
            }

            @Override
            public Optional<Duration> retryDelay(String domain) {
                return Optional.of(org.relaycert.fixtures.world.FederationRecords.RETRY_MAX);
            }
        });
    }

    @Override
    public Optional<PushGatewayView> pushGateway() {
        PushGateway gateway = world.push();
        return Optional.of(new PushGatewayView() {
            @Override
            public List<Notification> await(String token, int count, Duration timeout) throws InterruptedException {
                return gateway.await(token, count, timeout).stream()
                        .map(n -> new Notification(n.token(), n.arrivedNanos(), n.status())).toList();
            }

            @Override
            public void failFirst(String token, int failures) {
                gateway.failFirst(token, failures);
            }

            @Override
            public void gone(String token) {
                gateway.goneToken(token);
            }
        });
    }

    @Override
    public Optional<String> dnsResolver() {
        return Optional.of(world.dns().hostPort());
    }

    @Override
    public Optional<ExpiryControl> expiryControl() {
        return Optional.of(new ExpiryControl() {
            @Override
            public Instant now() {
                return world.clock().instant();
            }

            @Override
            public void advance(Duration by) {
                world.clock().advance(by);
            }

            @Override
            public void sweep() {
                world.relay(primary().domain()).relay().expiry().sweepNow();
            }
        });
    }

    @Override
    public Optional<SigningDomain> suiteSigningDomain() {
        var s = world.suiteSigner();
        return Optional.of(new SigningDomain(s.domain(), s.selector(), s.key()));
    }

    /** The world's CA is unknown to real clients, so they must accept its certificates unchecked. */
    @Override
    public Optional<ClientAccess> clientAccess(RelayUnderTest relay) {
        return Optional.of(ClientAccess.of(relay, false));
    }

    private record WorldRelayUnderTest(String domain, String address, PortPlan ports, SSLContext trust, Duration answer)
            implements RelayUnderTest {
        @Override
        public Endpoint smtp() {
            return new Endpoint(domain, address, ports.smtp(), false, Optional.empty(), answer);
        }

        @Override
        public Endpoint submission() {
            return new Endpoint(domain, address, ports.submission(), false, Optional.empty(), answer);
        }

        @Override
        public Endpoint smtps() {
            return new Endpoint(domain, address, ports.smtps(), true, Optional.empty(), answer);
        }

        @Override
        public Endpoint imap() {
            return new Endpoint(domain, address, ports.imap(), false, Optional.empty(), answer);
        }

        @Override
        public Endpoint imaps() {
            return new Endpoint(domain, address, ports.imaps(), true, Optional.empty(), answer);
        }

        @Override
        public Endpoint https() {
            return new Endpoint(domain, address, ports.https(), true, Optional.empty(), answer);
        }

        @Override
        public Credentials account() throws Exception {
            return org.relaycert.conformance.verdict.Precondition.step("an account created on " + domain,
                    () -> LoginAccounts.create(this, trust));
        }
    }
}
