package org.relaycert.conformance.targets;

import java.time.Duration;
import java.util.List;

/**
 * The notification gateway a target's relays post to, where the suite can see it (the local world's
 * mock). A live host posts to the real gateway, which nobody outside can watch.
 */
public interface PushGatewayView {

    /** One request as the gateway saw it: the body (a device token), arrival {@link System#nanoTime()}, status. */
    record Notification(String token, long arrivedNanos, int status) {
    }

    /**
     * Waits until {@code count} requests carrying {@code token} were answered 200, or {@code timeout};
     * returns every request for the token so far.
     */
    List<Notification> await(String token, int count, Duration timeout) throws InterruptedException;

    /** The next {@code failures} requests for {@code token} are answered 500 (an outage), then 200 again. */
    void failFirst(String token, int failures);

    /** Every request for {@code token} is answered 410 from now on: the device is gone (uninstalled app). */
    void gone(String token);
}
