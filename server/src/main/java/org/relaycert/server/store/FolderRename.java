package org.relaycert.server.store;

import java.util.ArrayList;
import java.util.List;

/**
 * RENAME (RFC 3501 6.3.5): inferior folders move along; renaming INBOX moves its messages into a new
 * folder and leaves INBOX empty. Folders keep their UIDs and UIDVALIDITY; sessions on the old names
 * are told {@code folderRemoved}.
 */
final class FolderRename {
    private FolderRename() {
    }

    static void rename(UserMailbox mailbox, String from, String to) throws StoreException {
        List<String> removed = new ArrayList<>();
        synchronized (mailbox) {
            mailbox.checkPresent();
            if (!mailbox.exists(from)) {
                throw new StoreException(StoreException.Kind.NONEXISTENT, "no folder " + from);
            }
            if (mailbox.exists(to)) {
                throw new StoreException(StoreException.Kind.ALREADY_EXISTS, "folder " + to + " exists");
            }
            if (FolderName.isInbox(from)) {
                moveInboxMessages(mailbox, to);
                return;
            }
            if (FolderName.isBelow(to, from)) {
                throw new StoreException(StoreException.Kind.INVALID_NAME, "cannot rename a folder below itself");
            }
            List<String> moving = new ArrayList<>();
            moving.add(from);
            for (String name : mailbox.folderNames()) {
                if (FolderName.isBelow(name, from)) {
                    moving.add(name);
                }
            }
            for (String name : moving) {
                String target = FolderName.canonical(to + name.substring(from.length()));
                if (mailbox.exists(target)) {
                    throw new StoreException(StoreException.Kind.ALREADY_EXISTS, "folder " + target + " exists");
                }
            }
            createParents(mailbox, to);
            for (String name : moving) {
                String target = to + name.substring(from.length());
                mailbox.retire(List.of(name), name, mailbox.directory(target));
                removed.add(name);
            }
        }
        removed.forEach(name -> mailbox.listeners().folderRemoved(mailbox.address(), name));
    }

    private static void moveInboxMessages(UserMailbox mailbox, String to) throws StoreException {
        Folder target = mailbox.create(to);
        Folder inbox = mailbox.folder(FolderName.INBOX);
        List<Long> uids = inbox.messages().stream().map(MessageInfo::uid).toList();
        inbox.copyTo(uids, target);
        inbox.expunge(uids);
    }

    private static void createParents(UserMailbox mailbox, String name) throws StoreException {
        int slash = name.indexOf(FolderName.SEPARATOR);
        while (slash > 0) {
            String parent = name.substring(0, slash);
            if (!mailbox.exists(parent)) {
                mailbox.createOne(parent);
            }
            slash = name.indexOf(FolderName.SEPARATOR, slash + 1);
        }
    }
}
