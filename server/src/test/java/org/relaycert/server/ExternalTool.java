package org.relaycert.server;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A client the project did not write (openssl, curl, python3, swaks) run against a relay: a test that needs
 * one is skipped, naming the Debian package, when it is not on the PATH. Runs are bounded in time.
 */
public record ExternalTool(String name, Path executable) {

    /** The tool, or the calling test is skipped with the package to install. */
    public static ExternalTool require(String name, String debianPackage) {
        Optional<Path> found = onPath(name);
        Assumptions.assumeTrue(found.isPresent(), name + " not installed (Debian: apt-get install " + debianPackage + ")");
        return new ExternalTool(name, found.get());
    }

    static Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** One finished run: exit code and merged stdout and stderr. */
    public record Run(String command, int exitCode, String output) {
        @Override
        public String toString() {
            return "$ " + command + "\n(exit " + exitCode + ")\n" + output;
        }
    }

    /** Runs the tool with {@code args}, {@code stdin} as its input, in {@code dir}; killed after {@code timeout}. */
    public Run run(Path dir, Duration timeout, String stdin, List<String> args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(args);
        Path in = Files.createTempFile(dir, name, ".in");
        Path out = Files.createTempFile(dir, name, ".out");
        try {
            Files.writeString(in, stdin, StandardCharsets.UTF_8);
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).redirectInput(in.toFile()).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException(name + " did not finish within " + timeout + ": " + Files.readString(out));
            }
            return new Run(String.join(" ", command), p.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1));
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
        }
    }
}
