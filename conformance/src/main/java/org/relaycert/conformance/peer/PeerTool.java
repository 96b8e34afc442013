package org.relaycert.conformance.peer;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.relaycert.conformance.targets.NotObservableException;

/**
 * A real mail tool from the operating system (swaks, mbsync, testssl.sh) run as a peer of the relay:
 * found on the PATH, or the check is "not observable: <tool> not installed". Runs are bounded in time.
 */
public final class PeerTool {
    private final String name;
    private final Path executable;

    private PeerTool(String name, Path executable) {
        this.name = name;
        this.executable = executable;
    }

    /** The first of {@code names} on the PATH, else {@link NotObservableException}. */
    public static PeerTool require(String... names) {
        for (String n : names) {
            Optional<Path> found = onPath(n);
            if (found.isPresent()) {
                return new PeerTool(n, found.get());
            }
        }
        throw new NotObservableException(names[0] + " not installed (Debian: apt-get install "
                + (names[0].equals("mbsync") ? "isync" : names[0].equals("testssl") ? "testssl.sh" : names[0]) + ")");
    }

    static Optional<Path> onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * The address a tool should dial for {@code e}: resolved here, by the JVM's resolver, which knows the
     * local world's fixture DNS; the tools themselves only ask the system's resolver.
     */
    public static String dialAddress(org.relaycert.conformance.targets.Endpoint e) throws java.net.UnknownHostException {
        return java.net.InetAddress.getByName(e.connectAddress()).getHostAddress();
    }

    /** One finished run: exit code and the merged output. */
    public record Run(String command, int exitCode, String output) {
        public String describe() {
            return "$ " + command + "\n(exit " + exitCode + ")\n" + output;
        }
    }

    /** Runs the tool with {@code args} in {@code dir}; stdin closed, killed after {@code timeout}. */
    public Run run(Path dir, Duration timeout, List<String> args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(args);
        Path log = Files.createTempFile(dir, name, ".out");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException(name + " did not finish within " + timeout + ": "
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Run(name + " " + String.join(" ", args), p.exitValue(), Files.readString(log, StandardCharsets.ISO_8859_1));
    }
}
