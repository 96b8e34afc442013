package org.relaycert.conformance.targets;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.relaycert.conformance.client.ClientSockets;
import org.relaycert.conformance.settings.Setting;
import org.relaycert.conformance.settings.Settings;

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
    public static final String PROPERTY = Setting.TARGET_KIND.key();
    public static final String LOCAL = "local";
    public static final String CONTAINER = "container";
    public static final String COMPOSE = "compose";
    /** docker-compose.yml's relays: fixed addresses on its private network, self-signed certificates. */
    public static final Map<String, String> COMPOSE_DEFAULTS = Map.of(
            Setting.TARGET.key(), "relay-a.test", Setting.HOST.key(), "10.89.0.11",
            Setting.TARGET2.key(), "relay-b.test", Setting.HOST2.key(), "10.89.0.12",
            Setting.INSECURE.key(), "true");

    private TargetChoice() {
    }

    /** The chosen kind, {@value #LOCAL} unless set. */
    public static String kind(Settings settings) {
        return settings.value(Setting.TARGET_KIND);
    }

    /** The settings a compose run uses: the user's {@code chatmail.*} keys, else {@link #COMPOSE_DEFAULTS}. */
    public static Settings composeSettings(Settings settings) {
        return settings.orElse(COMPOSE_DEFAULTS);
    }

    /** Why the chosen world cannot be reached, or empty when it can (always empty for {@value #LOCAL}). */
    public static Optional<String> unavailable(String kind, Settings settings) {
        if (kind.equals(CONTAINER) && !ContainerTarget.dockerAvailable()) {
            return Optional.of("no Docker engine: the container target (-D" + PROPERTY + "=container) is skipped");
        }
        if (kind.equals(COMPOSE)) {
            Settings compose = composeSettings(settings);
            Endpoint imaps = new Endpoint(compose.value(Setting.TARGET), compose.value(Setting.HOST),
                    compose.value(Setting.PORT_IMAPS), true, compose.get(Setting.BIND));
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
    public static Target open(String kind, Settings settings) {
        return switch (kind) {
            case CONTAINER -> ContainerTarget.start(projectRoot(settings), settings);
            case COMPOSE -> new ExternalTarget(composeSettings(settings));
            default -> throw new IllegalArgumentException("not a container target: " + kind);
        };
    }

    /** {@code relaycert.root}, else {@code RELAYCERT_PROJECT_ROOT}, else the module's parent. */
    static Path projectRoot(Settings settings) {
        return settings.get(Setting.ROOT).orElseGet(() -> {
            String root = System.getenv("RELAYCERT_PROJECT_ROOT");
            return Path.of(root == null || root.isBlank() ? ".." : root);
        }).toAbsolutePath().normalize();
    }
}
