package org.relaycert.server.web;

import java.net.InetAddress;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-client-address limit on {@code /new}, as chatmail's nginx sets it ({@code rate=2r/s, burst=5}):
 * a token bucket holding {@code 1 + burst} requests that refills at {@code perSecond}. Excess requests
 * are refused at once (no queueing). Addresses are kept in memory only while their bucket is not
 * full again, and never logged.
 */
public final class NewAccountRateLimit {
    /** No limit at all (for deployments that limit elsewhere). */
    public static final NewAccountRateLimit NONE = new NewAccountRateLimit(0, 0, Clock.systemUTC());
    private static final int PRUNE_ABOVE = 10_000;

    private final double perSecond;
    private final double capacity;
    private final Clock clock;
    private final Map<InetAddress, Bucket> buckets = new HashMap<>();

    private record Bucket(double tokens, long atMillis) {
    }

    /** @param perSecond refill rate; 0 disables the limit */
    public NewAccountRateLimit(double perSecond, int burst, Clock clock) {
        this.perSecond = perSecond;
        this.capacity = 1 + burst;
        this.clock = clock;
    }

    /** chatmail's values: 2 requests per second, burst 5. */
    public static NewAccountRateLimit chatmail(Clock clock) {
        return new NewAccountRateLimit(2, 5, clock);
    }

    /** Takes one request from the address's bucket; false if it is empty. */
    public synchronized boolean tryAcquire(InetAddress client) {
        if (perSecond <= 0 || client == null) {
            return true;
        }
        long now = clock.millis();
        if (buckets.size() > PRUNE_ABOVE) {
            buckets.values().removeIf(b -> refill(b, now) >= capacity);
        }
        Bucket b = buckets.get(client);
        double tokens = b == null ? capacity : refill(b, now);
        if (tokens < 1) {
            return false;
        }
        buckets.put(client, new Bucket(tokens - 1, now));
        return true;
    }

    private double refill(Bucket b, long now) {
        return Math.min(capacity, b.tokens() + Math.max(0, now - b.atMillis()) * perSecond / 1000.0);
    }
}
