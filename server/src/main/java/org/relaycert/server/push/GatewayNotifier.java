package org.relaycert.server.push;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * chatmail's notifier: for each device token of the user one {@code POST <gateway>} whose body is the
 * token. 200 is done; 410 is done and the token is forgotten (the device is gone); anything else, or no
 * answer, is retried after {@link PushRules#retryDelays()} until they or the deadline run out. Every
 * pending notification is on disk until it is done, and is picked up again when the relay starts.
 */
public final class GatewayNotifier implements Notifier, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GatewayNotifier.class);

    private final URI gateway;
    private final DeviceTokens tokens;
    private final PushRules rules;
    private final Clock clock;
    private final PendingQueue queue;
    private final HttpClient http;
    private final ScheduledExecutorService timer;

    private GatewayNotifier(URI gateway, DeviceTokens tokens, PushRules rules, Clock clock, PendingQueue queue) {
        this.gateway = gateway;
        this.tokens = tokens;
        this.rules = rules;
        this.clock = clock;
        this.queue = queue;
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("push-timer").daemon().factory());
        this.http = HttpClient.newBuilder().connectTimeout(rules.requestTimeout())
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    }

    /**
     * Starts the notifier and resends what an earlier run left pending in {@code pendingDir} (or forgets it,
     * where {@link PushRules#pendingSurvivesRestart()} says so).
     */
    public static GatewayNotifier start(URI gateway, DeviceTokens tokens, PushRules rules, Clock clock, Path pendingDir)
            throws IOException {
        GatewayNotifier n = new GatewayNotifier(gateway, tokens, rules, clock, new PendingQueue(pendingDir));
        for (PendingNotification p : n.queue.load()) {
            if (rules.pendingSurvivesRestart()) {
                n.attempt(p);
            } else {
                n.queue.remove(p);
            }
        }
        return n;
    }

    private boolean closed;

    @Override
    public boolean interested(String address) {
        return !tokens.tokens(address).isEmpty();
    }

    @Override
    public void delivered(String address) {
        Instant now = clock.instant();
        for (String token : tokens.tokens(address)) {
            PendingNotification p = PendingNotification.first(address, token, now);
            queue.save(p);
            attempt(p);
        }
    }

    private void attempt(PendingNotification p) {
        HttpRequest request = HttpRequest.newBuilder(gateway).timeout(rules.requestTimeout())
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(p.token())).build();
        CompletableFuture<HttpResponse<Void>> sent;
        try {
            sent = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        } catch (RuntimeException e) {
            settle(p, null, e);
            return;
        }
        sent.whenComplete((response, error) -> settle(p, response, error));
    }

    /** Under the lock so that nothing touches the pending directory once {@link #close()} returns. */
    private synchronized void settle(PendingNotification p, HttpResponse<Void> response, Throwable error) {
        if (closed) {
            return; // stopping: p stays on disk as last saved, for the next start
        }
        if (error != null) {
            failed(p, error.toString());
        } else if (response.statusCode() == 200) {
            queue.remove(p);
        } else if (response.statusCode() == 410) {
            queue.remove(p);
            if (rules.forgetGoneTokens()) {
                tokens.remove(p.address(), p.token());
                log.info("gateway reports a device token gone; removed");
            }
        } else {
            failed(p, "HTTP " + response.statusCode());
        }
    }

    private void failed(PendingNotification p, String why) {
        PendingNotification next = p.failedOnce();
        int level = next.failures();
        if (level > rules.retryDelays().size()) {
            drop(p, "no retries left after " + why);
            return;
        }
        Duration delay = rules.retryDelays().get(level - 1);
        if (clock.instant().plus(delay).isAfter(p.start().plus(rules.deadline()))) {
            drop(p, "notification exceeded deadline after " + why);
            return;
        }
        queue.save(next);
        log.debug("notification failed ({}), retry {} in {}", why, level, delay);
        try {
            timer.schedule(() -> attempt(next), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // stopping: the item stays on disk for the next start
        }
    }

    private void drop(PendingNotification p, String why) {
        queue.remove(p);
        log.info("dropping a notification: {}", why);
    }

    /** Stops sending; pending notifications stay on disk. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        timer.shutdownNow();
        http.shutdownNow();
    }
}
