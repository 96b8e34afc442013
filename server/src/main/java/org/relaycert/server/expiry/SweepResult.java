package org.relaycert.server.expiry;

import java.time.Instant;

/** What one sweep removed, and the clock time it judged by. */
public record SweepResult(Instant at, int usersRemoved, int messagesRemoved, int largeMessagesRemoved) {
}
