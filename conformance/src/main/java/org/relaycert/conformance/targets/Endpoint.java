package org.relaycert.conformance.targets;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.relaycert.conformance.client.ClientSockets;
import org.relaycert.conformance.settings.Setting;
import org.relaycert.wire.Peer;

/**
 * Where a check connects: {@code host} is the name the certificate must carry (and SNI, and the HTTP Host),
 * {@code connectAddress} the address to dial (the host itself on real targets, a 127.0.0.x address
 * in the local world, {@code chatmail.host} on an external target), {@code implicitTls} whether TLS starts
 * before the greeting, {@code source} the client's own address to connect from ({@code chatmail.bind}; empty:
 * the system's choice), {@code answerTimeout} how long a client waits for one answer there
 * ({@code chatmail.answer.timeout}). Every connection to the target is opened by
 * {@link org.relaycert.conformance.client.ClientSockets} or {@link org.relaycert.conformance.client.RelayHttps}
 * from this record, so these settings hold for all of them. As a wire {@link Peer}, the SMTP and IMAP sessions
 * connect through {@link ClientSockets}, wait {@code answerTimeout} and check the host name in TLS.
 */
public record Endpoint(String host, String connectAddress, int port, boolean implicitTls, Optional<InetAddress> source,
                       Duration answerTimeout) implements Peer {
    /** The wait for one answer where the run's settings do not say. */
    public static final Duration DEFAULT_ANSWER_TIMEOUT = Setting.ANSWER_TIMEOUT.defaultValue().orElseThrow();

    public Endpoint(String host, String connectAddress, int port, boolean implicitTls, Optional<InetAddress> source) {
        this(host, connectAddress, port, implicitTls, source, DEFAULT_ANSWER_TIMEOUT);
    }

    public Endpoint(String host, String connectAddress, int port, boolean implicitTls) {
        this(host, connectAddress, port, implicitTls, Optional.empty());
    }

    public static Endpoint of(String host, int port, boolean implicitTls) {
        return new Endpoint(host, host, port, implicitTls);
    }

    /** The same endpoint, dialled from {@code from} instead (empty: the system's choice). */
    public Endpoint from(Optional<InetAddress> from) {
        return new Endpoint(host, connectAddress, port, implicitTls, from, answerTimeout);
    }

    /** The same endpoint, where a client waits {@code answer} for one answer. */
    public Endpoint waiting(Duration answer) {
        return new Endpoint(host, connectAddress, port, implicitTls, source, answer);
    }

    @Override
    public Socket connect(Duration timeout) throws IOException {
        return ClientSockets.connect(this, timeout);
    }

    @Override
    public SSLSocket layer(Socket plain, SSLContext tls) throws IOException {
        return ClientSockets.layer(plain, this, tls);
    }

    @Override
    public void handshake(SSLSocket s) throws IOException {
        ClientSockets.handshake(s, this);
    }

    /** Mail clients check the name: a certificate for another name fails the handshake (unless trust is off). */
    @Override
    public boolean checksHostName() {
        return true;
    }

    /** A failure on the open connection, naming it as {@link ClientSockets} names a failed connect. */
    @Override
    public IOException failure(String what, Socket socket, IOException e) {
        return ClientSockets.named(what + " " + ClientSockets.describe(this, socket.getInetAddress()), e);
    }

    @Override
    public String toString() {
        return host + ":" + port + (implicitTls ? " (TLS)" : "");
    }
}
