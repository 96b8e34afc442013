package org.relaycert.server.imap;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.relaycert.server.imap.session.StoreEvent;
import org.relaycert.server.store.MessageInfo;
import org.relaycert.server.store.StoreListener;

/**
 * The one store listener of an IMAP server: routes each change to the logged-in sessions of that user
 * (the store offers no way to remove listeners, so sessions register here instead).
 */
final class SessionRegistry implements StoreListener {
    private final Map<String, Set<ImapSessionHandler>> byAddress = new ConcurrentHashMap<>();

    void add(String address, ImapSessionHandler handler) {
        byAddress.computeIfAbsent(address, a -> ConcurrentHashMap.newKeySet()).add(handler);
    }

    void remove(String address, ImapSessionHandler handler) {
        byAddress.computeIfPresent(address, (a, set) -> {
            set.remove(handler);
            return set.isEmpty() ? null : set;
        });
    }

    private void dispatch(String address, StoreEvent event) {
        Set<ImapSessionHandler> handlers = byAddress.get(address);
        if (handlers != null) {
            handlers.forEach(h -> h.storeEvent(event));
        }
    }

    @Override
    public void appended(String address, String folder, MessageInfo message) {
        dispatch(address, new StoreEvent.Appended(folder, message));
    }

    @Override
    public void flagsChanged(String address, String folder, MessageInfo message) {
        dispatch(address, new StoreEvent.FlagsChanged(folder, message));
    }

    @Override
    public void expunged(String address, String folder, long uid) {
        dispatch(address, new StoreEvent.Expunged(folder, uid));
    }

    @Override
    public void folderRemoved(String address, String folder) {
        dispatch(address, new StoreEvent.FolderRemoved(folder));
    }
}
