package org.relaycert.server.policy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Generic cell rate algorithm per key (chatmail's governor {@code Quota::per_minute(n).allow_burst(b)}):
 * one cell every {@code 60 s / n}, up to {@code b} at once. Each key keeps only its theoretical arrival time
 * (TAT); a request of cost {@code c} is allowed when {@code max(TAT, now) + c*T - now <= b*T}. State lives in
 * memory, as in chatmail (reset on restart); keys whose TAT has passed are forgotten.
 */
public final class GcraRateLimiter {
    private final Duration interval;
    private final Duration tolerance;
    private final int perMinute;
    private final int burst;
    private final Clock clock;
    private final ConcurrentHashMap<String, Instant> arrival = new ConcurrentHashMap<>();

    public GcraRateLimiter(int perMinute, int burst, Clock clock) {
        if (perMinute < 1 || burst < 1) {
            throw new IllegalArgumentException("rate and burst must be positive");
        }
        this.perMinute = perMinute;
        this.burst = burst;
        this.interval = Duration.ofMinutes(1).dividedBy(perMinute);
        this.tolerance = interval.multipliedBy(burst);
        this.clock = clock;
    }

    /** A fresh limiter on the same clock with other numbers. */
    public GcraRateLimiter withRate(int newPerMinute, int newBurst) {
        return new GcraRateLimiter(newPerMinute, newBurst, clock);
    }

    public int perMinute() {
        return perMinute;
    }

    public int burst() {
        return burst;
    }

    /** Takes {@code cost} cells for {@code key}; empty when allowed, else the instant it would be allowed. */
    public Optional<Instant> acquire(String key, int cost) {
        Instant now = clock.instant();
        Instant[] refusedUntil = new Instant[1];
        arrival.compute(key, (k, tat) -> {
            Instant start = tat == null || tat.isBefore(now) ? now : tat;
            Instant next = start.plus(interval.multipliedBy(cost));
            if (Duration.between(now, next).compareTo(tolerance) > 0) {
                refusedUntil[0] = next.minus(tolerance);
                return tat;
            }
            return next;
        });
        if (arrival.size() > 10_000) {
            arrival.values().removeIf(tat -> tat.isBefore(now));
        }
        return Optional.ofNullable(refusedUntil[0]);
    }
}
