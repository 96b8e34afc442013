package org.relaycert.conformance.targets;

import java.nio.file.Path;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.relaycert.conformance.settings.Settings;
import org.relaycert.wire.TrustAll;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * One reference relay in a container built from the project's Dockerfile (Testcontainers): the suite reaches
 * its mapped ports on the Docker host. It presents a self-signed certificate, so trust is insecure and
 * certificate checks report "not observable". {@link #dockerAvailable()} lets callers skip without an engine.
 */
public final class ContainerTarget implements Target, AutoCloseable {
    public static final String DOMAIN = "relay-a.test";
    private static final int[] PORTS = {25, 587, 465, 143, 993, 443};
    private final GenericContainer<?> container;
    private final RelayUnderTest relay;
    private final Settings settings;

    private ContainerTarget(GenericContainer<?> container, Settings settings) {
        this.container = container;
        this.settings = settings;
        String host = container.getHost();
        SSLContext trust = TrustAll.context();
        this.relay = new RelayUnderTest() {
            private Endpoint endpoint(int port, boolean tls) {
                return new Endpoint(DOMAIN, host, container.getMappedPort(port), tls, Optional.empty(),
                        settings.value(org.relaycert.conformance.settings.Setting.ANSWER_TIMEOUT));
            }

            @Override
            public String domain() {
                return DOMAIN;
            }

            @Override
            public Endpoint smtp() {
                return endpoint(25, false);
            }

            @Override
            public Endpoint submission() {
                return endpoint(587, false);
            }

            @Override
            public Endpoint smtps() {
                return endpoint(465, true);
            }

            @Override
            public Endpoint imap() {
                return endpoint(143, false);
            }

            @Override
            public Endpoint imaps() {
                return endpoint(993, true);
            }

            @Override
            public Endpoint https() {
                return endpoint(443, true);
            }

            @Override
            public Credentials account() throws Exception {
                return org.relaycert.conformance.verdict.Precondition.step("an account created on " + domain(),
                        () -> LoginAccounts.create(this, trust));
            }
        };
    }

    /** Whether a Docker engine answers; Testcontainers needs one. */
    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Builds the relay image from {@code projectRoot}/Dockerfile and starts it until the IMAPS port answers. */
    public static ContainerTarget start(Path projectRoot) {
        return start(projectRoot, Settings.DEFAULTS);
    }

    /** As {@link #start(Path)}, for a run with these settings. */
    public static ContainerTarget start(Path projectRoot, Settings settings) {
        GenericContainer<?> c = new GenericContainer<>(new ImageFromDockerfile("relaycert-relay", false)
                .withFileFromPath(".", projectRoot))
                .withEnv("MAIL_DOMAIN", DOMAIN)
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig()
                        .withSysctls(java.util.Map.of("net.ipv4.ip_unprivileged_port_start", "0")))
                .withExposedPorts(java.util.Arrays.stream(PORTS).boxed().toArray(Integer[]::new))
                .waitingFor(Wait.forListeningPorts(993));
        c.start();
        return new ContainerTarget(c, settings);
    }

    @Override
    public String name() {
        return "container";
    }

    @Override
    public Settings settings() {
        return settings;
    }

    @Override
    public RelayUnderTest primary() {
        return relay;
    }

    @Override
    public Optional<RelayUnderTest> secondRelay() {
        return Optional.empty();
    }

    @Override
    public SSLContext trust() {
        return TrustAll.context();
    }

    @Override
    public Optional<String> certificatesUnverifiable() {
        return Optional.of("the container relay presents a self-signed certificate");
    }

    @Override
    public Optional<ClientAccess> clientAccess(RelayUnderTest r) {
        return Optional.of(ClientAccess.of(r, false));
    }

    @Override
    public void close() {
        container.stop();
    }
}
