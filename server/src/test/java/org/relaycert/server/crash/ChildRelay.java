package org.relaycert.server.crash;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.relaycert.server.TestRelayConfig;

/**
 * The relay's own command line ({@code serve --config}) as a child process on this JVM's class path, over one
 * data directory that outlives it. Mail to {@code @relay.test} and {@code @remote.test} passes as cleartext
 * ({@code passthrough_recipients}); remote mail stays queued (DNS goes to a closed loopback port).
 * {@code crashAt} arms a {@link CrashPoints} point.
 */
final class ChildRelay implements AutoCloseable {
    static final String DOMAIN = "relay.test";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern PORT_LINE = Pattern.compile("\\b(smtps|imaps|https|SMTPS|IMAPS|HTTPS)[ =]/127\\.0\\.0\\.1:([0-9]+)");

    private final Process process;
    private final Path log;
    private final Map<String, Integer> ports;

    private ChildRelay(Process process, Path log, Map<String, Integer> ports) {
        this.process = process;
        this.log = log;
        this.ports = ports;
    }

    static ChildRelay start(Path dir, Optional<String> crashAt) throws IOException, InterruptedException {
        return start(dir, crashAt, List.of());
    }

    /** As above, with JVM options for the child (e.g. the shipped heap size). */
    static ChildRelay start(Path dir, Optional<String> crashAt, List<String> jvmOptions)
            throws IOException, InterruptedException {
        Path data = dir.resolve("data");
        Path config = dir.resolve("chatmail.ini");
        if (!Files.exists(config)) {
            Files.createDirectories(data);
            TestRelayConfig.domain(DOMAIN).dataDir(data)
                    .param("passthrough_recipients", "@relay.test @remote.test").param("max_load_1m", 1000)
                    .relay("dns_resolver", "127.0.0.1:9").set("federation", "retry_initial", "1h").write(config);
        }
        Path log = Files.createTempFile(dir, "child-", ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path")));
        command.addAll(jvmOptions);
        crashAt.ifPresent(point -> command.add("-D" + CrashPoints.PROPERTY + "=" + point));
        command.addAll(List.of("org.relaycert.server.Main", "serve", "--config", config.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (true) {
            String out = Files.readString(log);
            Map<String, Integer> ports = ports(out);
            if (out.contains("relay " + DOMAIN + " ready") && ports.containsKey("smtps") && ports.containsKey("imaps")) {
                return new ChildRelay(p, log, ports);
            }
            if (!p.isAlive() || Instant.now().isAfter(deadline)) {
                p.destroyForcibly().waitFor();
                throw new IllegalStateException("child relay did not start: " + out);
            }
            p.waitFor(50, TimeUnit.MILLISECONDS); // polls the log while the child starts
        }
    }

    /** {@code smtps /127.0.0.1:41234} as {@code serve} prints it, or {@code SMTPS=/127.0.0.1:41234} as the relay logs it. */
    private static Map<String, Integer> ports(String out) {
        Map<String, Integer> ports = new HashMap<>();
        Matcher m = PORT_LINE.matcher(out);
        while (m.find()) {
            ports.put(m.group(1).toLowerCase(java.util.Locale.ROOT), Integer.parseInt(m.group(2)));
        }
        return ports;
    }

    InetSocketAddress smtps() {
        return new InetSocketAddress("127.0.0.1", ports.get("smtps"));
    }

    InetSocketAddress https() {
        return new InetSocketAddress("127.0.0.1", ports.get("https"));
    }

    InetSocketAddress imaps() {
        return new InetSocketAddress("127.0.0.1", ports.get("imaps"));
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Waits for the child to halt at its armed crash point; true if it did with the halt status. */
    boolean awaitHalt(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) && process.exitValue() == CrashPoints.EXIT_STATUS;
    }

    String output() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
