package org.relaycert.server.imap.session;

import java.util.ArrayList;
import java.util.List;
import org.relaycert.server.imap.parse.SequenceSet;
import org.relaycert.server.store.Folder;
import org.relaycert.server.store.MessageInfo;

/**
 * The selected mailbox as this client has been told about it: the message sequence number of a message is
 * its position here (1-based). It only changes when EXISTS / EXPUNGE / FETCH responses are sent, so sequence
 * numbers always mean what the client believes they mean.
 */
public final class SelectedFolder {
    /** A message with the sequence number the client knows it by. */
    public record Numbered(int seq, MessageInfo info) {
        public long uid() {
            return info.uid();
        }
    }

    private final String name;
    private final Folder folder;
    private final boolean readOnly;
    private final ArrayList<MessageInfo> messages;

    public SelectedFolder(String name, Folder folder, boolean readOnly, List<MessageInfo> snapshot) {
        this.name = name;
        this.folder = folder;
        this.readOnly = readOnly;
        this.messages = new ArrayList<>(snapshot);
    }

    public String name() {
        return name;
    }

    public Folder folder() {
        return folder;
    }

    public boolean readOnly() {
        return readOnly;
    }

    public int exists() {
        return messages.size();
    }

    public List<MessageInfo> messages() {
        return List.copyOf(messages);
    }

    public long lastUid() {
        return messages.isEmpty() ? 0 : messages.getLast().uid();
    }

    /** 1-based sequence number of {@code uid}, or 0 if the client does not know it. */
    public int seqOf(long uid) {
        int lo = 0;
        int hi = messages.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long u = messages.get(mid).uid();
            if (u == uid) {
                return mid + 1;
            } else if (u < uid) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return 0;
    }

    /**
     * Whether a message sequence set only names existing messages (RFC 3501 9: a number above the
     * message count is invalid). UID sets may name any UID.
     */
    public boolean valid(SequenceSet set, boolean byUid) {
        return byUid || set.largestExplicit() <= messages.size();
    }

    /** The messages a sequence set names, ascending; by UID or by sequence number. */
    public List<Numbered> resolve(SequenceSet set, boolean byUid) {
        List<Numbered> out = new ArrayList<>();
        long max = byUid ? lastUid() : messages.size();
        for (int i = 0; i < messages.size(); i++) {
            MessageInfo m = messages.get(i);
            if (set.contains(byUid ? m.uid() : i + 1, max)) {
                out.add(new Numbered(i + 1, m));
            }
        }
        return out;
    }

    /** Adds a newly announced message; false if already known or out of order. */
    boolean add(MessageInfo m) {
        if (m.uid() <= lastUid()) {
            return false;
        }
        messages.add(m);
        return true;
    }

    /** Replaces the known info of a message; returns its sequence number or 0. */
    public int update(MessageInfo m) {
        int seq = seqOf(m.uid());
        if (seq > 0) {
            messages.set(seq - 1, m);
        }
        return seq;
    }

    /** Forgets an expunged message; returns the sequence number it had, or 0. */
    public int remove(long uid) {
        int seq = seqOf(uid);
        if (seq > 0) {
            messages.remove(seq - 1);
        }
        return seq;
    }

    public MessageInfo bySeq(int seq) {
        return messages.get(seq - 1);
    }
}
