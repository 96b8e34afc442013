package org.relaycert.server.imap.session;

import org.relaycert.server.store.MessageInfo;

/** A change heard from the store, queued for the session until it may be told to the client. */
public sealed interface StoreEvent {
    String folder();

    record Appended(String folder, MessageInfo message) implements StoreEvent {
    }

    record FlagsChanged(String folder, MessageInfo message) implements StoreEvent {
    }

    record Expunged(String folder, long uid) implements StoreEvent {
    }

    record FolderRemoved(String folder) implements StoreEvent {
    }
}
