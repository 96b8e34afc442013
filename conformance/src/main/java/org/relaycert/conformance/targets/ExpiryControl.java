package org.relaycert.conformance.targets;

import java.time.Duration;
import java.time.Instant;

/**
 * The relay's clock and its expiry sweep, where the suite may drive them (the local world). A live host's
 * clock cannot be moved, and its daily sweep is not ours to trigger.
 */
public interface ExpiryControl {

    /** The relay's current time (the suite dates planted messages from it). */
    Instant now();

    /** Moves the relay's clock forward. */
    void advance(Duration by);

    /** Runs one expiry sweep of the primary relay and returns when it is done. */
    void sweep();
}
