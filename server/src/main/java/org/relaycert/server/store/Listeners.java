package org.relaycert.server.store;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The store's listeners; a listener that throws is logged and does not affect the others or the caller. */
final class Listeners {
    private static final Logger log = LoggerFactory.getLogger(Listeners.class);
    private final List<StoreListener> listeners = new CopyOnWriteArrayList<>();

    void add(StoreListener listener) {
        listeners.add(java.util.Objects.requireNonNull(listener, "listener"));
    }

    void appended(String address, String folder, MessageInfo message) {
        fire(l -> l.appended(address, folder, message));
    }

    void flagsChanged(String address, String folder, MessageInfo message) {
        fire(l -> l.flagsChanged(address, folder, message));
    }

    void expunged(String address, String folder, long uid) {
        fire(l -> l.expunged(address, folder, uid));
    }

    void folderRemoved(String address, String folder) {
        fire(l -> l.folderRemoved(address, folder));
    }

    private void fire(Consumer<StoreListener> event) {
        for (StoreListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                log.warn("store listener {} failed", listener.getClass().getName(), e);
            }
        }
    }
}
