package org.relaycert.bench.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.relaycert.fixtures.world.WorldCa;

/**
 * A private Postfix + Dovecot stack for the comparison figures: its own configuration, queue, Maildirs and
 * logs in one directory, on a loopback address and high ports; the system's own services (if any) are neither
 * used nor touched. Needs root (Postfix's master starts as root and drops to {@code postfix}) and Debian's
 * {@code postfix}, {@code dovecot-imapd} and {@code dovecot-lmtpd}. Both are stopped by {@link #close()}, and by
 * a shutdown hook when the bench dies first.
 */
public final class PostfixDovecotStack implements AutoCloseable {
    static final Path POSTFIX = Path.of("/usr/sbin/postfix");
    static final Path DOVECOT = Path.of("/usr/sbin/dovecot");
    static final Path DOVECOT_LMTP = Path.of("/usr/lib/dovecot/lmtp");
    static final Path DOVECOT_IMAP = Path.of("/usr/lib/dovecot/imap");

    private final StackLayout layout;
    private final Thread hook = new Thread(this::stopQuietly, "postfix-dovecot-stop");
    private Process dovecot;
    private boolean postfixStarted;
    private boolean closed;

    private PostfixDovecotStack(StackLayout layout) {
        this.layout = layout;
    }

    /** Why the stack cannot run here, or empty when it can. */
    public static Optional<String> unavailable() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(POSTFIX)) {
            missing.add("postfix");
        }
        if (!Files.isExecutable(DOVECOT) || !Files.isExecutable(DOVECOT_IMAP)) {
            missing.add("dovecot-imapd");
        }
        if (!Files.isExecutable(DOVECOT_LMTP)) {
            missing.add("dovecot-lmtpd");
        }
        if (!missing.isEmpty()) {
            return Optional.of(String.join(", ", missing) + " not installed");
        }
        if (!isRoot()) {
            return Optional.of("needs root (Postfix's master starts as root)");
        }
        return Optional.empty();
    }

    /** Writes the configuration for {@code passwords} (address to password), then starts Dovecot and Postfix. */
    public static PostfixDovecotStack start(StackLayout layout, Map<String, String> passwords) throws Exception {
        PostfixDovecotStack stack = new PostfixDovecotStack(layout);
        Runtime.getRuntime().addShutdownHook(stack.hook);
        try {
            stack.prepare(passwords);
            stack.startDovecot();
            stack.startPostfix();
        } catch (Exception e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    public StackLayout layout() {
        return layout;
    }

    private void prepare(Map<String, String> passwords) throws IOException, InterruptedException {
        Path dir = layout.dir();
        Files.createDirectories(dir);
        // Dovecot's and Postfix's unprivileged users must reach their files: the directory and its parent traversable
        Path parent = dir.toAbsolutePath().getParent();
        java.util.Set<java.nio.file.attribute.PosixFilePermission> up = new java.util.HashSet<>(Files.getPosixFilePermissions(parent));
        up.add(java.nio.file.attribute.PosixFilePermission.GROUP_EXECUTE);
        up.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
        Files.setPosixFilePermissions(parent, up);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        // the queue directory belongs to root; "postfix start" creates its subdirectories with their owners
        for (Path d : List.of(layout.postfixConfig(), layout.postfixQueue(), layout.dovecotConfig().getParent(), layout.dovecotRun(),
                layout.mail(), layout.tls())) {
            Files.createDirectories(d);
            Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        run(List.of("chown", layout.mailUid() + ":" + layout.mailGid(), layout.mail().toString()));
        WorldCa ca = WorldCa.create(dir.resolve("tls-ca"));
        Path[] issued = ca.issue(layout.tls(), "stack." + layout.domain(), List.of(layout.host()));
        if (!issued[0].equals(layout.certificate()) || !issued[1].equals(layout.key())) {
            throw new IOException("certificate written elsewhere than the configuration says: " + issued[0]);
        }
        Files.writeString(layout.postfixConfig().resolve("main.cf"), PostfixConfig.mainCf(layout));
        Files.writeString(layout.postfixConfig().resolve("master.cf"), PostfixConfig.masterCf(layout));
        Files.writeString(layout.dovecotConfig(), DovecotConfig.dovecotConf(layout));
        Files.writeString(layout.users(), DovecotConfig.passwdFile(passwords));
        Files.setPosixFilePermissions(layout.users(), PosixFilePermissions.fromString("rw-r--r--"));
    }

    private void startDovecot() throws IOException {
        dovecot = new ProcessBuilder(DOVECOT.toString(), "-F", "-c", layout.dovecotConfig().toString())
                .redirectErrorStream(true).redirectOutput(layout.dir().resolve("dovecot.out").toFile()).start();
        awaitListening(layout.imaps(), "Dovecot IMAP", layout.dovecotLog());
        awaitListening(layout.lmtp(), "Dovecot LMTP", layout.dovecotLog());
    }

    private void startPostfix() throws IOException, InterruptedException {
        postfixStarted = true;
        int rc = run(List.of(POSTFIX.toString(), "-c", layout.postfixConfig().toString(), "start"));
        if (rc != 0) {
            throw new IOException("postfix start answered " + rc + " (see " + layout.dir().resolve("commands.log") + ")");
        }
        awaitListening(layout.smtps(), "Postfix submission", layout.postfixLog());
    }

    private void awaitListening(int port, String what, Path log) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (dovecot != null && !dovecot.isAlive()) {
                throw new IOException("dovecot exited with " + dovecot.exitValue() + " (see " + layout.dir().resolve("dovecot.out") + ")");
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(layout.host(), port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(20); // polling a port that is not open yet; nothing to wait on instead
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted");
                }
            }
        }
        throw new IOException(what + " not listening on " + layout.host() + ":" + port + " after 30 s (see " + log + ")");
    }

    /** Runs a command, appending its output to {@code commands.log}; its exit code. */
    private int run(List<String> command) throws IOException, InterruptedException {
        Path log = layout.dir().resolve("commands.log");
        Files.writeString(log, "$ " + String.join(" ", command) + "\n", java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            return -1;
        }
        return p.exitValue();
    }

    @Override
    public synchronized void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // called from the hook itself
        }
    }

    private synchronized void stopQuietly() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (postfixStarted && run(List.of(POSTFIX.toString(), "-c", layout.postfixConfig().toString(), "stop")) != 0) {
                run(List.of(POSTFIX.toString(), "-c", layout.postfixConfig().toString(), "abort"));
            }
        } catch (IOException | InterruptedException e) {
            System.err.println("stopping the private Postfix: " + e);
        }
        if (dovecot != null) {
            dovecot.destroy(); // SIGTERM: Dovecot's master stops its children
            try {
                if (!dovecot.waitFor(20, TimeUnit.SECONDS)) {
                    dovecot.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[1].equals("0");
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    /** uid and gid of a system user from /etc/passwd ({@code nobody} owns the stack's Maildirs). */
    public static int[] systemUser(String name) throws IOException {
        for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
            String[] f = line.split(":");
            if (f.length > 3 && f[0].equals(name)) {
                return new int[] {Integer.parseInt(f[2]), Integer.parseInt(f[3])};
            }
        }
        throw new IOException("no user " + name + " in /etc/passwd");
    }
}
