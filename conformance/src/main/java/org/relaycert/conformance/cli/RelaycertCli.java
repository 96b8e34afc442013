package org.relaycert.conformance.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.security.Security;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar relaycert.jar}: the certifier. {@code check <domain>} judges a chatmail relay and writes the
 * report; {@code list} prints the catalogue. Exit codes are {@link ExitCode}'s.
 */
@Command(name = "relaycert", mixinStandardHelpOptions = true, versionProvider = RelaycertCli.Version.class,
        description = "Certifies a chatmail relay against the relaycert requirement catalogue.",
        subcommands = {CheckCommand.class, ListCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:compliant (SHOULD failures only warn unless --strict; MUSTs not judged only fail with --require-all)",
                "1:a MUST failed (or a SHOULD with --strict)",
                "2:partial: a MUST was not judged and --require-all was given",
                "3:suite error: bad usage, an unreachable target, or a check the suite could not run"})
public final class RelaycertCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(System.out, args));
    }

    /** Runs the certifier with the given arguments and returns its exit code. */
    public static int run(PrintStream out, String... args) {
        loadClientSecurity();
        CommandLine cli = new CommandLine(new RelaycertCli())
                .setOut(new java.io.PrintWriter(out, true))
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("relaycert: " + e);
                    return ExitCode.SUITE_ERROR;
                });
        cli.setExitCodeExceptionMapper(e -> ExitCode.SUITE_ERROR);
        cli.getCommandSpec().parser().collectErrors(false);
        int code = cli.execute(args);
        return code == CommandLine.ExitCode.USAGE ? ExitCode.SUITE_ERROR : code;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * The JDK's TLS defaults, as the suite's checks need them (the same file Maven passes as
     * {@code java.security.properties}): set before any TLS class loads.
     */
    private static void loadClientSecurity() {
        try (InputStream in = RelaycertCli.class.getResourceAsStream("/relaycert-client.security")) {
            Properties p = new Properties();
            p.load(in);
            p.stringPropertyNames().forEach(k -> Security.setProperty(k, p.getProperty(k)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = RelaycertCli.class.getPackage().getImplementationVersion();
            return new String[] {"relaycert " + (v == null ? "dev" : v)};
        }
    }
}
