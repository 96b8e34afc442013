package org.relaycert.server;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.relaycert.server.config.ConfigException;
import org.relaycert.server.config.ConfigLoader;
import org.relaycert.server.config.RelayConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The relay's command line: {@code serve}, {@code new-account}, {@code check-config}, {@code dns}. */
@Command(name = "relaycert-server", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "A reference chatmail relay: SMTP, IMAP and HTTPS for Delta Chat.",
        subcommands = {Main.Serve.class, Main.NewAccountCommand.class, Main.CheckConfig.class, DnsCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    static final int CONFIG_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    /** The config, or empty after telling stderr which key is wrong and why (the command then exits 2). */
    static Optional<RelayConfig> load(Path file) {
        try {
            return Optional.of(ConfigLoader.load(file));
        } catch (ConfigException e) {
            System.err.println("config error: " + e.getMessage());
            return Optional.empty();
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Run the relay until SIGTERM or Ctrl-C.")
    static final class Serve implements Callable<Integer> {
        @Option(names = "--config", required = true, paramLabel = "FILE", description = "chatmail.ini with [params] and [relay]")
        Path config;

        @Override
        public Integer call() throws Exception {
            Optional<RelayConfig> loaded = load(config);
            if (loaded.isEmpty()) {
                return CONFIG_ERROR;
            }
            RelayConfig cfg = loaded.get();
            Relay relay = Relay.start(cfg);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                relay.close();
                stopped.countDown();
            }, "relay-shutdown"));
            for (Service s : Service.values()) {
                System.out.println(s.name().toLowerCase() + " " + relay.address(s));
            }
            System.out.println("relay " + cfg.mailDomain() + " ready");
            System.out.flush();
            stopped.await();
            return 0;
        }
    }

    @Command(name = "new-account", mixinStandardHelpOptions = true,
            description = "Print fresh credentials as a dclogin: URI (the account is created at first login).")
    static final class NewAccountCommand implements Callable<Integer> {
        @Option(names = "--config", required = true, paramLabel = "FILE")
        Path config;

        @Override
        public Integer call() {
            Optional<RelayConfig> cfg = load(config);
            cfg.ifPresent(c -> System.out.println(NewAccountUri.forConfig(c)));
            return cfg.isPresent() ? 0 : CONFIG_ERROR;
        }
    }

    @Command(name = "check-config", mixinStandardHelpOptions = true,
            description = "Validate a config file; exit 0 if it is good, 2 with a message naming the key if not.")
    static final class CheckConfig implements Callable<Integer> {
        @Option(names = "--config", required = true, paramLabel = "FILE")
        Path config;

        @Override
        public Integer call() {
            Optional<RelayConfig> cfg = load(config);
            cfg.ifPresent(c -> System.out.println("config ok: mail_domain " + c.mailDomain()));
            return cfg.isPresent() ? 0 : CONFIG_ERROR;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"relaycert-server " + (v == null ? "dev" : v)};
        }
    }
}
