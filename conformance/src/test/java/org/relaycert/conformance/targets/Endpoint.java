package org.relaycert.conformance.targets;

/**
 * Where a check connects: {@code host} is the name the certificate must carry (and SNI),
 * {@code connectAddress} the address to dial (the host itself on real targets, a 127.0.0.x address
 * in the local world), {@code implicitTls} whether TLS starts before the greeting.
 */
public record Endpoint(String host, String connectAddress, int port, boolean implicitTls) {

    public static Endpoint of(String host, int port, boolean implicitTls) {
        return new Endpoint(host, host, port, implicitTls);
    }

    @Override
    public String toString() {
        return host + ":" + port + (implicitTls ? " (TLS)" : "");
    }
}
