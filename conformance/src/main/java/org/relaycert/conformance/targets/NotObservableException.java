package org.relaycert.conformance.targets;

import org.opentest4j.TestAbortedException;

/**
 * A check could not observe what its requirement is about on this target (no second relay, no
 * access to the push gateway, ...). Reported as "not observable" with the reason, never as a pass.
 */
public final class NotObservableException extends TestAbortedException {
    private final String reason;

    public NotObservableException(String reason) {
        super("not observable: " + reason);
        this.reason = reason;
    }

    /** Why, as the report shows it. */
    public String reason() {
        return reason;
    }
}
