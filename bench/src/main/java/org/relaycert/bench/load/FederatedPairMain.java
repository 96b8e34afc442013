package org.relaycert.bench.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.relaycert.fixtures.world.LocalWorld;
import org.relaycert.fixtures.world.RelaySpec;

/**
 * The child process of the cross-relay figure: two reference relays federated through their own outbound
 * delivery (MX, A and TXT records from the fixture DNS, a real DNS server on loopback; MTA-STS and DKIM as
 * in the suite's local world), send limits lifted. Prints {@code READY <smtpHost> <smtps> <imapHost> <imaps> <mxPort>}
 * when both listen, then runs until its standard input closes.
 * Arguments: {@code DIR SENDER RECIPIENT}: the world directory and the two addresses let through in clear text.
 */
public final class FederatedPairMain {
    static final String DOMAIN_A = "bench-a.test";
    static final String DOMAIN_B = "bench-b.test";

    private FederatedPairMain() {
    }

    public static void main(String[] args) {
        try {
            serve(args);
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace(); // the world's event loops would keep a failed start alive: exit instead
            System.exit(1);
        }
    }

    private static void serve(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String passthrough = args[1] + " " + args[2];
        List<RelaySpec> specs = new ArrayList<>();
        for (String domain : List.of(DOMAIN_A, DOMAIN_B)) {
            specs.add(RelaySpec.reference(domain, "127.0.0.1")
                    .withParam("max_user_send_per_minute", "1000000")
                    .withParam("max_user_send_burst_size", "1000000")
                    .withParam("passthrough_senders", passthrough)
                    .withParam("passthrough_recipients", passthrough));
        }
        try (LocalWorld world = LocalWorld.start(dir, List.of(DOMAIN_A, DOMAIN_B), specs)) {
            LocalWorld.WorldRelay a = world.relay(DOMAIN_A);
            LocalWorld.WorldRelay b = world.relay(DOMAIN_B);
            System.out.println("READY " + a.address() + " " + world.ports().smtps() + " " + b.address() + " " + world.ports().imaps()
                    + " " + world.ports().smtp());
            System.out.flush();
            while (System.in.read() >= 0) {
                // anything but end of input keeps the pair running
            }
        }
    }
}
