package org.relaycert.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The relay under test as its own process, exactly as an operator runs it
 * ({@code bin/relaycert-relay serve --config ...}: the shipped launcher with the shipped JVM settings), so its
 * resident memory is its own. The launcher {@code exec}s the JVM, so the process is the relay itself.
 */
final class RelayProcess implements AutoCloseable {
    static final String DOMAIN = "bench.localhost";

    final int smtps;
    final int imaps;
    private final int https;
    private final Process process;
    private final long startupMillis;
    private final Thread stopOnExit = new Thread(this::destroyQuietly, "relay-process-stop");

    private RelayProcess(Path launcher, Path jar, Path dir, List<String> jvmArgs, List<String> passthroughSenders) throws IOException {
        smtps = Loopback.freePort();
        imaps = Loopback.freePort();
        https = Loopback.freePort();
        Path config = dir.resolve("chatmail.ini");
        // The per-user send limit and the load limit for new accounts are lifted: the bench measures the relay, not the limiters.
        Files.writeString(config, """
                [params]
                mail_domain = %s
                max_user_send_per_minute = 1000000
                max_user_send_burst_size = 1000000
                max_load_1m = 1000
                passthrough_senders = %s
                [relay]
                bind_address = %s
                smtp_port = %d
                submission_port = %d
                smtps_port = %d
                imap_port = %d
                imaps_port = %d
                https_port = %d
                data_dir = %s
                """.formatted(DOMAIN, String.join(" ", passthroughSenders), Loopback.HOST, Loopback.freePort(),
                Loopback.freePort(), smtps, Loopback.freePort(), imaps, https, dir.resolve("data")));
        List<String> command = new ArrayList<>();
        command.addAll(List.of("/bin/sh", launcher.toString(), "serve", "--config", config.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("relay.log").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("RELAYCERT_JAR", jar.toAbsolutePath().toString());
        builder.environment().put("RELAY_JAVA_OPTS", String.join(" ", jvmArgs));
        long start = System.nanoTime();
        process = builder.start();
        Runtime.getRuntime().addShutdownHook(stopOnExit); // a bench killed half-way must not leave the relay running
        try {
            awaitListening(https, start);
        } catch (IOException e) {
            close();
            throw e;
        }
        startupMillis = (System.nanoTime() - start) / 1_000_000;
    }

    static RelayProcess start(Path launcher, Path jar, Path dir, List<String> jvmArgs, List<String> passthroughSenders)
            throws IOException {
        return new RelayProcess(launcher, jar, dir, jvmArgs, passthroughSenders);
    }

    MailEndpoints endpoints() {
        return MailEndpoints.oneServer(Loopback.HOST, smtps, imaps);
    }

    long pid() {
        return process.pid();
    }

    /** From process start until the last listener (HTTPS, started last) accepts connections. */
    long startupMillis() {
        return startupMillis;
    }

    /** VmRSS of the relay process from /proc, in MiB. */
    double rssMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IOException("no VmRSS for pid " + process.pid());
    }

    private void awaitListening(int port, long startNanos) throws IOException {
        while (System.nanoTime() - startNanos < TimeUnit.SECONDS.toNanos(60)) {
            if (!process.isAlive()) {
                throw new IOException("relay exited with " + process.exitValue() + " (see relay.log)");
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(Loopback.HOST, port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(5); // polling a port that is not open yet; nothing to wait on instead
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted");
                }
            }
        }
        throw new IOException("relay not listening after 60 s");
    }

    @Override
    public void close() {
        destroyQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }

    private void destroyQuietly() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // jcmd (the profile) made the relay open its attach socket in the temporary directory; a JVM removes it as
        // it exits, one killed does not.
        for (String attach : new String[] {".java_pid", ".attach_pid"}) {
            try {
                Files.deleteIfExists(Path.of(System.getProperty("java.io.tmpdir"), attach + process.pid()));
            } catch (IOException ignored) {
                // not ours to worry about further
            }
        }
    }
}
