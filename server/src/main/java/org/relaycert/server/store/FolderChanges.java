package org.relaycert.server.store;

import java.util.ArrayList;
import java.util.List;

/** Changes found by a directory scan (made by other programs), announced once the folder lock is released. */
final class FolderChanges {
    final List<MessageInfo> appended = new ArrayList<>();
    final List<MessageInfo> flagsChanged = new ArrayList<>();
    final List<Long> expunged = new ArrayList<>();

    boolean isEmpty() {
        return appended.isEmpty() && flagsChanged.isEmpty() && expunged.isEmpty();
    }

    void fire(Listeners listeners, String address, String folder) {
        expunged.forEach(uid -> listeners.expunged(address, folder, uid));
        flagsChanged.forEach(m -> listeners.flagsChanged(address, folder, m));
        appended.forEach(m -> listeners.appended(address, folder, m));
    }
}
