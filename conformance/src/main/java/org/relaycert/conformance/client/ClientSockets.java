package org.relaycert.conformance.client;

import java.io.EOFException;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.relaycert.conformance.targets.Endpoint;

/**
 * Every TCP connection the suite opens to a target starts here, so each one dials the endpoint's address,
 * from its source address when one is set ({@code chatmail.bind}), and each failure names what was tried:
 * {@code connect to chat-a.test (127.0.0.10):465 from 127.0.0.2: Connection refused}. A failure keeps its
 * exception type (a timeout stays a {@link SocketTimeoutException}, a refused handshake an {@link SSLException}),
 * because checks tell those apart.
 */
public final class ClientSockets {
    private ClientSockets() {
    }

    /** A TCP connection to {@code e}, read timeout {@code timeout}; no TLS yet. */
    public static Socket connect(Endpoint e, Duration timeout) throws IOException {
        InetAddress address = resolve(e);
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true); // a command must leave at once: Nagle would hold a short "." for the peer's delayed ACK
            if (e.source().isPresent()) {
                s.bind(new InetSocketAddress(e.source().get(), 0));
            }
            s.connect(new InetSocketAddress(address, e.port()), (int) timeout.toMillis());
            s.setSoTimeout((int) timeout.toMillis());
            return s;
        } catch (IOException failure) {
            s.close();
            throw named("connect to " + describe(e, address), failure);
        }
    }

    /**
     * TLS over {@code plain}, not yet shaken hands: the endpoint's host is the name the JDK sends as SNI (it
     * leaves SNI out for names it cannot carry, such as {@code _barx.localhost}) and that the trust checks.
     */
    public static SSLSocket layer(Socket plain, Endpoint e, SSLContext tls) throws IOException {
        SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(plain, e.host(), e.port(), true);
        s.setSoTimeout(plain.getSoTimeout());
        return s;
    }

    /** Runs the TLS handshake; a failure names the endpoint. */
    public static void handshake(SSLSocket s, Endpoint e) throws IOException {
        try {
            s.startHandshake();
        } catch (IOException failure) {
            throw named("TLS handshake with " + describe(e, s.getInetAddress()), failure);
        }
    }

    /** The address to dial for {@code e}; an unknown name fails naming the endpoint. */
    public static InetAddress resolve(Endpoint e) throws UnknownHostException {
        try {
            return InetAddress.getByName(e.connectAddress());
        } catch (UnknownHostException failure) {
            throw (UnknownHostException) named("resolve " + e.connectAddress() + " for " + e.host() + ":" + e.port(), failure);
        }
    }

    /** {@code host (address):port from source}, the address given as dialled (name and number when it is a name). */
    public static String describe(Endpoint e, InetAddress address) {
        String ip = address == null ? e.connectAddress() : address.getHostAddress();
        String dialled = e.connectAddress().equals(ip) || e.connectAddress().equals(e.host()) ? ip : e.connectAddress() + " " + ip;
        return e.host() + " (" + dialled + "):" + e.port() + e.source().map(a -> " from " + a.getHostAddress()).orElse("");
    }

    /** {@code failure} again, same type where the suite distinguishes it, its message prefixed by {@code what}. */
    public static IOException named(String what, IOException failure) {
        String m = what + ": " + (failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage());
        IOException n = switch (failure) {
            case SocketTimeoutException x -> new SocketTimeoutException(m);
            case ConnectException x -> new ConnectException(m);
            case NoRouteToHostException x -> new NoRouteToHostException(m);
            case BindException x -> new BindException(m);
            case SocketException x -> new SocketException(m);
            case UnknownHostException x -> new UnknownHostException(m);
            case SSLHandshakeException x -> new SSLHandshakeException(m);
            case SSLException x -> new SSLException(m);
            case EOFException x -> new EOFException(m);
            default -> new IOException(m);
        };
        n.initCause(failure);
        return n;
    }
}
