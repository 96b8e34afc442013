package org.relaycert.conformance.targets;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.relaycert.conformance.client.ClientSockets;

/**
 * Which relays a run tests, chosen with {@value #PROPERTY} (run configuration or system property):
 * <ul>
 *   <li>{@code local} (default): a local world of reference relays started by the suite, unless
 *       {@code -Dchatmail.target=<domain>} names an external host;</li>
 *   <li>{@code container}: one reference relay built from the project's Dockerfile and started with
 *       Testcontainers ({@link ContainerTarget}); needs a Docker engine;</li>
 *   <li>{@code compose}: the world of {@code docker-compose.yml}, already up ({@code docker-compose up -d
 *       relay-a relay-b relay-c services}), reached from the Docker host at its fixed addresses; the
 *       {@code chatmail.*} keys may override {@link #COMPOSE_DEFAULTS}.</li>
 * </ul>
 * Where the chosen world is missing (no Docker engine, compose not up), {@link #unavailable} says why and the
 * checks are skipped, not failed.
 */
public final class TargetChoice {
    public static final String PROPERTY = "relaycert.target";
    public static final String LOCAL = "local";
    public static final String CONTAINER = "container";
    public static final String COMPOSE = "compose";
    /** docker-compose.yml's relays: fixed addresses on its private network, self-signed certificates. */
    public static final Map<String, String> COMPOSE_DEFAULTS = Map.of(
            "chatmail.target", "relay-a.test", "chatmail.host", "10.89.0.11",
            "chatmail.target2", "relay-b.test", "chatmail.host2", "10.89.0.12",
            "chatmail.insecure", "true");

    private TargetChoice() {
    }

    /** The chosen kind, {@value #LOCAL} unless set. */
    public static String kind(Function<String, Optional<String>> settings) {
        String kind = settings.apply(PROPERTY).orElse(LOCAL).strip();
        if (!kind.equals(LOCAL) && !kind.equals(CONTAINER) && !kind.equals(COMPOSE)) {
            throw new IllegalArgumentException("-D" + PROPERTY + "=" + kind + ": expected local, container or compose");
        }
        return kind;
    }

    /** The settings a compose run uses: the user's {@code chatmail.*} keys, else {@link #COMPOSE_DEFAULTS}. */
    public static Function<String, Optional<String>> composeSettings(Function<String, Optional<String>> settings) {
        return key -> settings.apply(key).or(() -> Optional.ofNullable(COMPOSE_DEFAULTS.get(key)));
    }

    /** Why the chosen world cannot be reached, or empty when it can (always empty for {@value #LOCAL}). */
    public static Optional<String> unavailable(String kind, Function<String, Optional<String>> settings) {
        if (kind.equals(CONTAINER) && !ContainerTarget.dockerAvailable()) {
            return Optional.of("no Docker engine: the container target (-D" + PROPERTY + "=container) is skipped");
        }
        if (kind.equals(COMPOSE)) {
            Function<String, Optional<String>> compose = composeSettings(settings);
            String host = compose.apply("chatmail.host").orElseThrow();
            int port = compose.apply("chatmail.port.imaps").map(Integer::parseInt).orElse(993);
            Endpoint imaps = new Endpoint(compose.apply("chatmail.target").orElseThrow(), host, port, true,
                    ExternalTarget.sourceAddress(compose));
            try (Socket s = ClientSockets.connect(imaps, Duration.ofSeconds(2))) {
                // reachable: the world is up
            } catch (IOException e) {
                return Optional.of("the compose world is not reachable (" + e.getMessage()
                        + "): start it with 'docker-compose up -d --build relay-a relay-b relay-c services'; skipped");
            }
        }
        return Optional.empty();
    }

    /** Opens the chosen non-local target; the caller closes it when it is {@link AutoCloseable}. */
    public static Target open(String kind, Function<String, Optional<String>> settings) {
        return switch (kind) {
            case CONTAINER -> ContainerTarget.start(projectRoot());
            case COMPOSE -> new ExternalTarget(composeSettings(settings));
            default -> throw new IllegalArgumentException("not a container target: " + kind);
        };
    }

    static Path projectRoot() {
        String root = System.getProperty("relaycert.root", System.getenv("RELAYCERT_PROJECT_ROOT"));
        return Path.of(root == null || root.isBlank() ? ".." : root).toAbsolutePath().normalize();
    }
}
