package org.relaycert.server.imap.session;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.relaycert.server.imap.Authenticator;
import org.relaycert.server.imap.ImapServerConfig;
import org.relaycert.server.store.MaildirStore;
import org.relaycert.server.store.MessageInfo;
import org.relaycert.server.store.StoreException;
import org.relaycert.server.store.UserMailbox;

/**
 * Per-connection IMAP state. Only ever touched from the connection's executor, so it needs no locks;
 * store events from other threads are handed over to that executor by the handler.
 */
public final class ImapSession {
    public static final String PERMANENT_FLAGS = "\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*";
    public static final String FLAGS = "\\Answered \\Flagged \\Deleted \\Seen \\Draft";

    private final ImapServerConfig config;
    private final MaildirStore store;
    private final Authenticator authenticator;
    private final Connection connection;
    private final java.time.Clock clock;
    private final java.util.function.Supplier<org.relaycert.server.imap.ImapMetadata> metadata;
    private final List<StoreEvent> pending = new ArrayList<>();

    private SessionState state = SessionState.NOT_AUTHENTICATED;
    private String address;
    private UserMailbox mailbox;
    private SelectedFolder selected;
    private String idleTag;
    private Function<byte[], Completion> continuation;

    public ImapSession(ImapServerConfig config, MaildirStore store, Authenticator authenticator, Connection connection,
            java.time.Clock clock, java.util.function.Supplier<org.relaycert.server.imap.ImapMetadata> metadata) {
        this.clock = clock;
        this.metadata = metadata;
        this.config = config;
        this.store = store;
        this.authenticator = authenticator;
        this.connection = connection;
    }

    public ImapServerConfig config() {
        return config;
    }

    /** The METADATA backing, or null when the relay offers none. */
    public org.relaycert.server.imap.ImapMetadata metadata() {
        return metadata.get();
    }

    public java.time.Clock clock() {
        return clock;
    }

    public MaildirStore store() {
        return store;
    }

    public Authenticator authenticator() {
        return authenticator;
    }

    public Connection connection() {
        return connection;
    }

    public SessionState state() {
        return state;
    }

    public void setState(SessionState state) {
        this.state = state;
    }

    public String address() {
        return address;
    }

    public UserMailbox mailbox() {
        return mailbox;
    }

    public SelectedFolder selected() {
        return selected;
    }

    /** Logs the user in: from now on store events for {@code address} concern this session. */
    public void login(String address) throws StoreException {
        this.mailbox = store.mailbox(address);
        this.address = address;
        this.state = SessionState.AUTHENTICATED;
        authenticator.loggedIn(address);
    }

    public void select(SelectedFolder folder) {
        this.selected = folder;
        this.pending.clear();
        this.state = folder == null ? SessionState.AUTHENTICATED : SessionState.SELECTED;
    }

    public void untagged(String text) {
        connection.write(Response.line("* " + text));
    }

    public void write(Response response) {
        connection.write(response);
    }

    /** The capability list for the current moment (RFC 3501 7.2.1; chatmail section 2.6). */
    public String capabilities() {
        Set<String> caps = new LinkedHashSet<>(List.of("IMAP4rev1", "SASL-IR", "LITERAL+", "ID", "ENABLE", "IDLE"));
        if (state == SessionState.NOT_AUTHENTICATED) {
            if (!connection.tlsActive()) {
                caps.add("STARTTLS");
            }
            if (connection.tlsActive() || config.rules().plaintextAuthAllowed()) {
                caps.add("AUTH=PLAIN");
            } else {
                caps.add("LOGINDISABLED");
            }
        } else {
            caps.addAll(List.of("MOVE", "UIDPLUS", "UNSELECT", "QUOTA", "SPECIAL-USE", "CHILDREN", "NAMESPACE"));
            if (metadata() != null) {
                caps.add("METADATA");
            }
        }
        caps.addAll(config.rules().extraCapabilities());
        caps.addAll(config.extraCapabilities());
        caps.removeAll(config.rules().hiddenCapabilities());
        return String.join(" ", caps);
    }

    /** Whether a password may be sent on this connection now (TLS, or a server that allows plaintext). */
    public boolean passwordsAllowed() {
        return connection.tlsActive() || config.rules().plaintextAuthAllowed();
    }

    // ---- IDLE and continuations ----

    public void beginIdle(String tag) {
        this.idleTag = tag;
    }

    public boolean idling() {
        return idleTag != null;
    }

    /** Ends IDLE; returns its tag. */
    public String endIdle() {
        String tag = idleTag;
        idleTag = null;
        return tag;
    }

    /** Makes the next client line go to {@code handler} (SASL continuation) instead of the parser. */
    public void expectContinuation(Function<byte[], Completion> handler) {
        this.continuation = handler;
    }

    public Function<byte[], Completion> takeContinuation() {
        Function<byte[], Completion> c = continuation;
        continuation = null;
        return c;
    }

    // ---- store events ----

    /** Queues a store event if it concerns this user; while idling it is told at once. */
    public void onStoreEvent(StoreEvent event) {
        if (selected == null || !selected.name().equals(event.folder())) {
            return;
        }
        pending.add(event);
        if (idling()) {
            flushUpdates();
        }
    }

    /** Tells the client about all queued changes (between commands and in IDLE). */
    public void flushUpdates() {
        flushUpdates(true);
    }

    /**
     * Tells the client about queued changes, updating the sequence map exactly as told. With
     * {@code allowExpunge} false, expunges stay queued for a later command.
     */
    public void flushUpdates(boolean allowExpunge) {
        if (selected == null) {
            pending.clear();
            return;
        }
        if (pending.isEmpty()) {
            return;
        }
        List<StoreEvent> events = List.copyOf(pending);
        pending.clear();
        boolean grown = false;
        for (StoreEvent e : events) {
            switch (e) {
                case StoreEvent.Appended a -> grown |= announce(a.message());
                case StoreEvent.FlagsChanged f -> {
                    int seq = selected.seqOf(f.message().uid());
                    if (seq > 0 && !selected.bySeq(seq).flags().equals(f.message().flags())) {
                        MessageInfo known = selected.bySeq(seq);
                        selected.update(new MessageInfo(known.uid(), f.message().flags(), known.internalDate(), known.size()));
                        untagged(seq + " FETCH (UID " + known.uid() + " FLAGS (" + String.join(" ", f.message().flags()) + "))");
                    }
                }
                case StoreEvent.Expunged x -> {
                    if (!allowExpunge) {
                        pending.add(x);
                        continue;
                    }
                    if (grown) {
                        untagged(selected.exists() + " EXISTS");
                        grown = false;
                    }
                    int seq = selected.remove(x.uid());
                    if (seq > 0) {
                        untagged(seq + " EXPUNGE");
                    }
                }
                case StoreEvent.FolderRemoved r -> {
                    untagged("BYE Selected mailbox was removed");
                    selected = null;
                    state = SessionState.LOGOUT;
                    connection.close();
                    return;
                }
            }
        }
        if (grown) {
            untagged(selected.exists() + " EXISTS");
        }
    }

    /**
     * Adds a new message to the client's view. Concurrent appends may report UIDs out of order, so a
     * gap is filled from the folder first: UIDs must enter the sequence map in ascending order.
     */
    private boolean announce(MessageInfo message) {
        boolean grown = false;
        if (message.uid() > selected.lastUid() + 1) {
            try {
                for (MessageInfo m : selected.folder().messages()) {
                    if (m.uid() > selected.lastUid() && m.uid() < message.uid()) {
                        grown |= selected.add(m);
                    }
                }
            } catch (StoreException e) {
                // The gap stays; the message itself is still announced below.
            }
        }
        return selected.add(message) | grown;
    }
}
