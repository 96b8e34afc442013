package org.relaycert.server;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.relaycert.server.config.RelayConfig;
import org.relaycert.server.dkim.DkimKey;
import org.relaycert.server.federation.DnsRecords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dns}: prints the records to publish, like {@code cmdeploy dns}; creates the DKIM key if there is none yet. */
@Command(name = "dns", mixinStandardHelpOptions = true,
        description = "Print the DNS records to publish for this relay (required and recommended), zone-file syntax.")
final class DnsCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "FILE")
    Path config;

    @Option(names = "--ipv4", paramLabel = "ADDR", description = "the public IPv4 address (default: bind_address)")
    String ipv4;

    @Option(names = "--ipv6", paramLabel = "ADDR", description = "the public IPv6 address, if any")
    String ipv6;

    @Override
    public Integer call() throws Exception {
        Optional<RelayConfig> loaded = Main.load(config);
        if (loaded.isEmpty()) {
            return Main.CONFIG_ERROR;
        }
        RelayConfig c = loaded.get();
        DkimKey key = DkimKey.loadOrCreate(c.federation().dkimKey().orElse(c.relay().dataDir().resolve("dkim")
                .resolve(c.federation().dkimSelector() + ".private")));
        String bind = c.relay().bindAddress();
        Optional<String> v4 = Optional.ofNullable(ipv4).or(() -> Optional.of(bind).filter(b -> !b.equals("0.0.0.0")));
        System.out.print(DnsRecords.zone(DnsRecords.forRelay(c.mailDomain(), v4, Optional.ofNullable(ipv6),
                c.federation().dkimSelector(), key.txtRecord(), Instant.now())));
        return 0;
    }
}
