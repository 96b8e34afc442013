package org.relaycert.wire;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * Where a session connects, and how: {@code host} is the name TLS sends as SNI (and checks, when
 * {@link #checksHostName()}), {@code port} the port. The defaults dial {@code host:port} with Nagle off; a caller
 * with its own rules (a source address to bind, failures that name what was tried, its own answer timeout)
 * overrides the hooks, and every session opened for it follows them.
 */
public interface Peer {
    /** How long a session waits for one answer unless the peer says otherwise. */
    Duration DEFAULT_ANSWER_TIMEOUT = Duration.ofSeconds(15);

    String host();

    int port();

    /** The wait for one answer (also the connect timeout of {@link #connect(Duration)}'s callers). */
    default Duration answerTimeout() {
        return DEFAULT_ANSWER_TIMEOUT;
    }

    /** A TCP connection, read timeout {@code timeout}; no TLS yet. */
    default Socket connect(Duration timeout) throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true); // a command must leave at once: Nagle would hold a short "." for the peer's delayed ACK
            s.connect(new InetSocketAddress(host(), port()), (int) timeout.toMillis());
            s.setSoTimeout((int) timeout.toMillis());
            return s;
        } catch (IOException failure) {
            s.close();
            throw failure;
        }
    }

    /** TLS over {@code plain}, not yet shaken hands, {@link #host()} as SNI; same read timeout. */
    default SSLSocket layer(Socket plain, SSLContext tls) throws IOException {
        SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(plain, host(), port(), true);
        s.setSoTimeout(plain.getSoTimeout());
        return s;
    }

    /** Runs the TLS handshake. */
    default void handshake(SSLSocket s) throws IOException {
        s.startHandshake();
    }

    /** Whether the TLS trust must check {@link #host()} against the certificate (JSSE's "HTTPS" identification). */
    default boolean checksHostName() {
        return false;
    }

    /** A failure on an open connection ({@code what}: "read from", "write to"), as the caller wants it told. */
    default IOException failure(String what, Socket socket, IOException e) {
        return e;
    }

    /** {@code host:port}, TLS name {@code host}. */
    static Peer of(String host, int port) {
        return new Address(host, new InetSocketAddress(host, port));
    }

    /** {@code address}, TLS name its host string (a literal address sends no SNI). */
    static Peer of(InetSocketAddress address) {
        return new Address(address.getHostString(), address);
    }

    /** {@code address}, TLS name {@code tlsName}. */
    static Peer of(String tlsName, InetSocketAddress address) {
        return new Address(tlsName, address);
    }

    /** A peer dialled at {@code address}, named {@code host} in TLS. */
    record Address(String host, InetSocketAddress address) implements Peer {
        @Override
        public int port() {
            return address.getPort();
        }

        @Override
        public Socket connect(Duration timeout) throws IOException {
            Socket s = new Socket();
            try {
                s.setTcpNoDelay(true);
                s.connect(address, (int) timeout.toMillis());
                s.setSoTimeout((int) timeout.toMillis());
                return s;
            } catch (IOException failure) {
                s.close();
                throw failure;
            }
        }

        @Override
        public String toString() {
            return host + ":" + port();
        }
    }
}
