package org.relaycert.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocket;

/**
 * One part of the cross-relay path, timed alone: what the sending relay does before it can hand a message over
 * (connect to the peer's MX port, greeting, EHLO, STARTTLS and the TLS handshake, EHLO again), then QUIT.
 */
final class MxHandshake {
    private MxHandshake() {
    }

    static Samples time(String host, int port, int n) throws IOException {
        Samples s = new Samples();
        for (int i = -1; i < n; i++) {
            long t0 = System.nanoTime();
            Socket plain = new Socket();
            plain.setTcpNoDelay(true);
            plain.connect(new InetSocketAddress(host, port), 10_000);
            plain.setSoTimeout(30_000);
            try (Wire w = new Wire(plain)) {
                expect(w, "220");
                w.write("EHLO bench.localhost\r\n");
                expect(w, "250");
                w.write("STARTTLS\r\n");
                expect(w, "220");
                SSLSocket tls = Loopback.upgrade(plain, host, port);
                try (Wire secure = new Wire(tls)) {
                    secure.write("EHLO bench.localhost\r\n");
                    expect(secure, "250");
                    if (i >= 0) { // i == -1 warms up
                        s.add((System.nanoTime() - t0) / 1e6);
                    }
                    secure.write("QUIT\r\n");
                }
            }
        }
        return s;
    }

    /** Reads a (multi-line) reply and checks its code. */
    private static void expect(Wire w, String code) throws IOException {
        while (true) {
            String line = w.readLine();
            if (line == null || !line.startsWith(code)) {
                throw new IOException("expected " + code + ", got " + line);
            }
            if (line.length() < 4 || line.charAt(3) != '-') {
                return;
            }
        }
    }
}
