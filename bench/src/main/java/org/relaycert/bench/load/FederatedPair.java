package org.relaycert.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Two federated relays ({@link FederatedPairMain}) in a process of their own, started from the bench jar with
 * the relay's shipped JVM settings (the heap raised to 256 MiB: two relays share it). The driver submits on
 * relay A and idles on relay B; the message travels A's queue, DNS, SMTP to B's MX port, B's checks.
 */
final class FederatedPair implements AutoCloseable {
    private static final long READY_TIMEOUT_SECONDS = 120;
    private final Process process;
    private final MailEndpoints endpoints;

    private final int mxPort;

    private FederatedPair(Process process, MailEndpoints endpoints, int mxPort) {
        this.process = process;
        this.endpoints = endpoints;
        this.mxPort = mxPort;
    }

    /** Relay B's MX port (SMTP with STARTTLS), on {@code endpoints().imapHost()}. */
    int mxPort() {
        return mxPort;
    }

    static Account sender() {
        return Account.numbered("fedfrom", 1, FederatedPairMain.DOMAIN_A);
    }

    static Account recipient() {
        return Account.numbered("fedto", 1, FederatedPairMain.DOMAIN_B);
    }

    static FederatedPair start(Path benchJar, Path jvmOptions, Path dir) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (Files.isRegularFile(jvmOptions)) {
            command.add("@" + jvmOptions);
        }
        command.addAll(List.of("-Xmx256m", "-cp", benchJar.toString(), FederatedPairMain.class.getName(),
                dir.resolve("world").toString(), sender().address(), recipient().address()));
        Process p = new ProcessBuilder(command).redirectError(dir.resolve("federated-pair.log").toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        java.util.concurrent.CompletableFuture<String> ready = new java.util.concurrent.CompletableFuture<>();
        Thread.ofPlatform().daemon().name("federated-pair-ready").start(() -> {
            try {
                String l;
                while ((l = out.readLine()) != null && !l.startsWith("READY ")) {
                    // start-up chatter on stdout, if any
                }
                ready.complete(l);
            } catch (IOException e) {
                ready.complete(null);
            }
        });
        String line;
        try {
            line = ready.get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            line = null;
        }
        if (line == null) {
            p.destroyForcibly();
            throw new IOException("the federated pair was not ready in " + READY_TIMEOUT_SECONDS + " s (see "
                    + dir.resolve("federated-pair.log") + ")");
        }
        String[] f = line.split(" ");
        MailEndpoints e = new MailEndpoints(f[1], Integer.parseInt(f[2]), f[3], Integer.parseInt(f[4]));
        int mxPort = Integer.parseInt(f[5]);
        Thread.ofPlatform().daemon().name("federated-pair-stdout").start(() -> {
            try {
                out.transferTo(java.io.Writer.nullWriter());
            } catch (IOException ignored) {
                // the pair stopped
            }
        });
        return new FederatedPair(p, e, mxPort);
    }

    MailEndpoints endpoints() {
        return endpoints;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            process.getOutputStream().close(); // end of input: the pair closes its world
        } catch (IOException ignored) {
            // already gone
        }
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
