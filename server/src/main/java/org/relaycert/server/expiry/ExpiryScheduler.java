package org.relaycert.server.expiry;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link ExpirySweep} every {@code interval} ({@code [relay] expiry_sweep_interval}: chatmail runs
 * it daily, the local world every few seconds) and on demand; sweeps never overlap.
 */
public final class ExpiryScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ExpiryScheduler.class);
    private final ExpirySweep sweep;
    private final ScheduledExecutorService timer;
    private volatile SweepResult last;

    private ExpiryScheduler(ExpirySweep sweep) {
        this.sweep = sweep;
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("expiry").daemon().factory());
    }

    public static ExpiryScheduler start(ExpirySweep sweep, Duration interval) {
        ExpiryScheduler s = new ExpiryScheduler(sweep);
        long ms = Math.max(1, interval.toMillis());
        s.timer.scheduleWithFixedDelay(s::sweepQuietly, ms, ms, TimeUnit.MILLISECONDS);
        return s;
    }

    /** Runs a sweep now (after any running one) and returns what it removed. */
    public synchronized SweepResult sweepNow() {
        last = sweep.sweep();
        return last;
    }

    /** The most recent sweep's result, null before the first. */
    public SweepResult lastSweep() {
        return last;
    }

    private void sweepQuietly() {
        try {
            sweepNow();
        } catch (RuntimeException e) {
            log.warn("expiry sweep failed", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
