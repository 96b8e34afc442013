package org.relaycert.server.store;

/**
 * Hears about every change to any mailbox, synchronously and after the change is durable.
 * IDLE and push hang off this; implementations must return quickly and never throw.
 */
public interface StoreListener {
    default void appended(String address, String folder, MessageInfo message) {
    }

    default void flagsChanged(String address, String folder, MessageInfo message) {
    }

    default void expunged(String address, String folder, long uid) {
    }

    /** A whole folder vanished (DELETE or RENAME away); sessions that selected it must drop it. */
    default void folderRemoved(String address, String folder) {
    }
}
