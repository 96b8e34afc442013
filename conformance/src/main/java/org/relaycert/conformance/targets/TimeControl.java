package org.relaycert.conformance.targets;

import java.time.Duration;

/** Moves a target's clock forward, so checks about rates and ages need not wait in real time. */
@FunctionalInterface
public interface TimeControl {
    void advance(Duration by);
}
