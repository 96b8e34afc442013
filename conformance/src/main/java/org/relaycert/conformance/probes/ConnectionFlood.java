package org.relaycert.conformance.probes;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.relaycert.conformance.client.ClientSockets;
import org.relaycert.conformance.targets.Endpoint;

/**
 * Many plaintext connections held open at once, each classified by the first thing the server said:
 * a greeting, a clean refusal (SMTP 421, IMAP BYE, or a close), or silence past the timeout. All reads run
 * in parallel under one deadline, so a server that hangs costs the timeout once, not once per connection.
 */
public final class ConnectionFlood implements AutoCloseable {
    public enum Outcome { GREETED, REFUSED, SILENT, UNREACHABLE }

    /** Filled by the reader threads as their connections open. */
    private final List<Socket> sockets = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<Outcome, Integer> counts = new TreeMap<>();

    /**
     * Opens {@code n} connections to {@code endpoint}, spread evenly over {@code sources} (as many clients; empty: all
     * from the endpoint's own source), and waits up to {@code timeout} for their first lines.
     */
    public static ConnectionFlood open(Endpoint endpoint, List<java.net.InetAddress> sources, int n, Duration timeout)
            throws InterruptedException {
        ConnectionFlood f = new ConnectionFlood();
        List<Future<Outcome>> firstLines = new ArrayList<>();
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                Endpoint from = sources.isEmpty() ? endpoint
                        : endpoint.from(java.util.Optional.of(sources.get(i % sources.size())));
                firstLines.add(readers.submit(() -> f.greet(from, timeout)));
            }
            long deadline = System.nanoTime() + timeout.plusSeconds(5).toNanos();
            for (Future<Outcome> line : firstLines) {
                Outcome o;
                try {
                    o = line.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                    o = Outcome.SILENT;
                }
                f.counts.merge(o, 1, Integer::sum);
            }
            readers.shutdownNow();
        }
        return f;
    }

    private Outcome greet(Endpoint endpoint, Duration timeout) {
        Socket s;
        try {
            s = ClientSockets.connect(endpoint, timeout);
        } catch (java.net.SocketTimeoutException e) {
            return Outcome.SILENT;
        } catch (IOException e) {
            return Outcome.UNREACHABLE;
        }
        sockets.add(s);
        try {
            String line = firstLine(s.getInputStream());
            if (line == null || line.startsWith("421") || line.startsWith("* BYE")) {
                return Outcome.REFUSED;
            }
            return line.startsWith("220") || line.startsWith("* OK") ? Outcome.GREETED : Outcome.REFUSED;
        } catch (java.net.SocketTimeoutException e) {
            return Outcome.SILENT;
        } catch (IOException e) {
            return Outcome.REFUSED;
        }
    }

    private static String firstLine(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n' && b.length() < 1000) {
            b.append((char) c);
        }
        return c < 0 && b.isEmpty() ? null : b.toString().strip();
    }

    public int count(Outcome o) {
        return counts.getOrDefault(o, 0);
    }

    /** Writes {@code bytes} on every connection still open (a slow client's next few octets). */
    public void trickle(String bytes) {
        for (Socket s : List.copyOf(sockets)) {
            try {
                s.getOutputStream().write(bytes.getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
            } catch (IOException ignored) {
                // the server closed it: that is its right
            }
        }
    }

    @Override
    public String toString() {
        return counts.toString();
    }

    @Override
    public void close() {
        for (Socket s : List.copyOf(sockets)) {
            try {
                s.close();
            } catch (IOException ignored) {
                // best effort
            }
        }
    }
}
