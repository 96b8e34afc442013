package org.relaycert.server.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class GcraRateLimiterTest {
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void chatmailDefaultsAllowABurstOfTenThenOnePerSecond() {
        MovableClock clock = new MovableClock();
        GcraRateLimiter limiter = new GcraRateLimiter(60, 10, clock);
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.acquire("a@x", 1)).as("burst message %d", i + 1).isEmpty();
        }
        assertThat(limiter.acquire("a@x", 1)).as("11th at once").contains(clock.now.plusSeconds(1));
        assertThat(limiter.acquire("b@x", 1)).as("other users have their own bucket").isEmpty();
        for (int i = 0; i < 60; i++) {
            clock.now = clock.now.plusSeconds(1);
            assertThat(limiter.acquire("a@x", 1)).as("one per second, message %d", i + 1).isEmpty();
        }
        assertThat(limiter.acquire("a@x", 1)).as("no second message within the same second").isPresent();
        clock.now = clock.now.plus(Duration.ofSeconds(10));
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.acquire("a@x", 1)).as("burst again after 10 s idle").isEmpty();
        }
    }

    @Test
    void aRefusalDoesNotSpendCells() {
        MovableClock clock = new MovableClock();
        GcraRateLimiter limiter = new GcraRateLimiter(5, 1, clock);
        assertThat(limiter.acquire("a@x", 1)).isEmpty();
        assertThat(limiter.acquire("a@x", 1)).contains(clock.now.plusSeconds(12));
        clock.now = clock.now.plusSeconds(12);
        assertThat(limiter.acquire("a@x", 1)).isEmpty();
    }
}
