package org.relaycert.conformance.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.relaycert.conformance.targets.Endpoint;
import org.relaycert.conformance.targets.ExternalTarget;
import org.relaycert.conformance.settings.Settings;
import org.relaycert.wire.LineSession;
import org.relaycert.wire.Transcript;

/** Real loopback connections: the source address the server sees, errors that name the endpoint, odd names. */
class ClientSocketsTest {
    private static final InetAddress LOCAL = InetAddress.getLoopbackAddress();
    private static final Optional<InetAddress> SOURCE = Optional.of(address("127.0.0.2"));

    @Test
    void connectsFromTheSourceAddress() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, LOCAL)) {
            Endpoint e = new Endpoint("relay.localhost", "127.0.0.1", server.getLocalPort(), false, SOURCE);
            try (Socket client = ClientSockets.connect(e, Duration.ofSeconds(5)); Socket accepted = server.accept()) {
                assertThat(accepted.getInetAddress().getHostAddress()).isEqualTo("127.0.0.2");
                assertThat(client.getLocalAddress().getHostAddress()).isEqualTo("127.0.0.2");
            }
        }
    }

    @Test
    void withoutASourceTheSystemChooses() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, LOCAL)) {
            Endpoint e = new Endpoint("relay.localhost", "127.0.0.1", server.getLocalPort(), false);
            try (Socket client = ClientSockets.connect(e, Duration.ofSeconds(5)); Socket accepted = server.accept()) {
                assertThat(accepted.getInetAddress().getHostAddress()).isEqualTo("127.0.0.1");
            }
        }
    }

    @Test
    void aRefusedConnectionNamesHostAddressPortSourceAndCause() throws Exception {
        int closed = closedPort();
        Endpoint e = new Endpoint("chat-a.localhost", "127.0.0.1", closed, true, SOURCE);
        assertThatThrownBy(() -> ClientSockets.connect(e, Duration.ofSeconds(5)))
                .isInstanceOf(ConnectException.class)
                .hasMessage("connect to chat-a.localhost (127.0.0.1):" + closed + " from 127.0.0.2: Connection refused")
                .hasCauseInstanceOf(ConnectException.class);
    }

    /** A connection the server resets mid-session: the error says which connection, as a failed connect does. */
    @Test
    void aResetOnAnOpenSessionNamesTheConnection() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, LOCAL)) {
            Endpoint e = new Endpoint("relay.localhost", "127.0.0.1", server.getLocalPort(), false, SOURCE);
            try (LineSession session = new LineSession(e, ClientSockets.connect(e, Duration.ofSeconds(5)), new Transcript())) {
                try (Socket accepted = server.accept()) {
                    accepted.setSoLinger(true, 0); // close with a reset, not a clean end
                }
                assertThatThrownBy(session::readLine).isInstanceOf(java.net.SocketException.class)
                        .hasMessage("read from relay.localhost (127.0.0.1):" + server.getLocalPort() + " from 127.0.0.2: Connection reset");
            }
        }
    }

    /** The JDK sends no SNI for a name with an underscore; an insecure run must still shake hands. */
    @Test
    void anUnderscoreDomainShakesHandsInAnInsecureRun() throws Exception {
        SelfSignedTls tls = SelfSignedTls.forName("relay.localhost");
        try (SSLServerSocket server = (SSLServerSocket) tls.server().getServerSocketFactory().createServerSocket(0, 1, LOCAL)) {
            CompletableFuture<String> seen = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket accepted = (SSLSocket) server.accept()) {
                    accepted.startHandshake();
                    accepted.getOutputStream().write('x');
                    return accepted.getInetAddress().getHostAddress();
                } catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
            });
            ExternalTarget insecure = new ExternalTarget(new Settings(Map.of(
                    "chatmail.target", "_barx.localhost", "chatmail.host", "127.0.0.1", "chatmail.insecure", "true",
                    "chatmail.bind", "127.0.0.2", "chatmail.port.imaps", String.valueOf(server.getLocalPort()))));
            Endpoint imaps = insecure.primary().imaps();
            try (SSLSocket s = (SSLSocket) LineSession.connect(imaps, insecure.trust(), null, Duration.ofSeconds(5))) {
                assertThat(s.getInputStream().read()).isEqualTo('x');
            }
            assertThat(seen.get()).isEqualTo("127.0.0.2");
        }
    }

    static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, LOCAL)) {
            return s.getLocalPort();
        }
    }

    private static InetAddress address(String ip) {
        try {
            return InetAddress.getByName(ip);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
