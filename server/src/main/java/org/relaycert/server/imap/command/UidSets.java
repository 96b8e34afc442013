package org.relaycert.server.imap.command;

import java.util.List;

/** Renders UID lists as {@code uid-set} ({@code 1:3,7}), keeping their order (COPYUID pairs them up). */
final class UidSets {
    private UidSets() {
    }

    static String render(List<Long> uids) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < uids.size()) {
            int j = i;
            while (j + 1 < uids.size() && uids.get(j + 1) == uids.get(j) + 1) {
                j++;
            }
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(uids.get(i));
            if (j > i) {
                b.append(':').append(uids.get(j));
            }
            i = j + 1;
        }
        return b.toString();
    }
}
