package org.relaycert.server.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;

/** Where one message lives in its folder directory ({@code new/} or {@code cur/}) and what it is. */
record StoredMessage(long uid, String baseName, String subdir, String fileName, Set<String> flags,
        Instant internalDate, long size) {

    Path path(Path folderDir) {
        return folderDir.resolve(subdir).resolve(fileName);
    }

    MessageInfo info() {
        return new MessageInfo(uid, flags, internalDate, size);
    }
}
