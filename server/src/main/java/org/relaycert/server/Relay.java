package org.relaycert.server;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import org.relaycert.server.config.RelayConfig;

/**
 * The composition root: builds every part of one relay from its config, starts them in order and
 * stops them in reverse. Nothing else wires parts together.
 */
public final class Relay implements AutoCloseable {
    // TODO(integration): implementation

    public static Relay start(RelayConfig config) throws Exception {
        return start(config, Clock.systemUTC());
    }

    public static Relay start(RelayConfig config, Clock clock) throws Exception {
        return start(config, clock, RelayExtensions.reference());
    }

    public static Relay start(RelayConfig config, Clock clock, RelayExtensions extensions) throws Exception {
        throw new UnsupportedOperationException("relay not wired yet");
    }

    /** The bound address of a service (the real port when the config said 0). */
    public InetSocketAddress address(Service service) {
        throw new UnsupportedOperationException();
    }

    /** The PEM certificate the relay presents (to trust in tests). */
    public Path certificate() {
        throw new UnsupportedOperationException();
    }

    public RelayConfig config() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }
}
