package org.relaycert.server.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.relaycert.server.Relay;
import org.relaycert.server.RelayExtensions;
import org.relaycert.server.Service;
import org.relaycert.server.TestRelayConfig;
import org.relaycert.server.TestTrust;

/** A whole relay for hostile-input tests: small line limit, mail-path policies off (tests send cleartext). */
final class HostileRelay implements AutoCloseable {
    static final String DOMAIN = "hostile.test";
    final Relay relay;
    final SSLContext trust;
    final Path dataDir;

    HostileRelay(Path dir) throws Exception {
        this.dataDir = dir;
        relay = Relay.start(TestRelayConfig.domain(DOMAIN).dataDir(dir).relay("max_line_length", 1000).parse(), Clock.systemUTC(),
                RelayExtensions.reference().withSystemProbe(org.relaycert.server.limits.SystemProbe.UNKNOWN)
                        .withMailPolicies(p -> List.of()));
        trust = TestTrust.trusting(relay.certificate());
    }

    /** One HTTP/1.1 exchange over TLS; the whole answer until the server closes. */
    String http(byte[] request) throws IOException {
        var address = relay.address(Service.HTTPS);
        try (SSLSocket s = (SSLSocket) trust.getSocketFactory().createSocket(address.getAddress(), address.getPort())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request);
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    String http(String request) throws IOException {
        return http(request.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        relay.close();
    }
}
