package org.relaycert.conformance.target;

import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.relaycert.fixtures.world.LocalWorld;
import org.relaycert.fixtures.world.PortPlan;

/** The local world of reference relays (or variants) as a target: names resolve through its fixture DNS. */
public final class LocalTarget implements Target {
    private final LocalWorld world;
    private final List<RelayUnderTest> relays;

    public LocalTarget(LocalWorld world) {
        this.world = world;
        this.relays = world.relays().stream().map(r -> (RelayUnderTest) new WorldRelayUnderTest(
                r.domain(), r.address(), world.ports(), world.ca().trust())).toList();
    }

    public LocalWorld world() {
        return world;
    }

    @Override
    public String name() {
        return "local";
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
    public SSLContext trust() {
        return world.ca().trust();
    }

    private record WorldRelayUnderTest(String domain, String address, PortPlan ports, SSLContext trust)
            implements RelayUnderTest {
        @Override
        public Endpoint smtp() {
            return new Endpoint(domain, address, ports.smtp(), false);
        }

        @Override
        public Endpoint submission() {
            return new Endpoint(domain, address, ports.submission(), false);
        }

        @Override
        public Endpoint smtps() {
            return new Endpoint(domain, address, ports.smtps(), true);
        }

        @Override
        public Endpoint imap() {
            return new Endpoint(domain, address, ports.imap(), false);
        }

        @Override
        public Endpoint imaps() {
            return new Endpoint(domain, address, ports.imaps(), true);
        }

        @Override
        public Endpoint https() {
            return new Endpoint(domain, address, ports.https(), true);
        }

        @Override
        public Credentials account() throws Exception {
            return LoginAccounts.create(this, trust);
        }
    }
}
