package org.relaycert.server.push;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.relaycert.server.store.MaildirStore;
import org.relaycert.server.store.MessageInfo;
import org.relaycert.server.store.StoreException;
import org.relaycert.server.store.StoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a new message in a user's INBOX into a notification, as chatmail's Lua hook does on delivery:
 * a message whose From is the user (the user's own copy for their other devices) does not notify unless
 * {@link PushRules#notifySelfSent()}. Only the header is read, and the notifier returns at once, so
 * delivery does not wait.
 */
public final class DeliveryTrigger implements StoreListener {
    private static final Logger log = LoggerFactory.getLogger(DeliveryTrigger.class);
    private static final int HEADER_LIMIT = 64 * 1024;
    private static final Pattern ANGLE = Pattern.compile("<([^<>\\s]+@[^<>\\s]+)>");
    private static final Pattern BARE = Pattern.compile("([^<>\\s\",;]+@[^<>\\s\",;]+)");

    private final MaildirStore store;
    private final Notifier notifier;
    private final PushRules rules;

    public DeliveryTrigger(MaildirStore store, Notifier notifier, PushRules rules) {
        this.store = store;
        this.notifier = notifier;
        this.rules = rules;
    }

    @Override
    public void appended(String address, String folder, MessageInfo message) {
        if (!folder.equalsIgnoreCase("INBOX") || !notifier.interested(address)) {
            return; // no devices to wake: the header need not be read
        }
        if (!rules.notifySelfSent()) {
            Optional<String> from = sender(address, folder, message.uid());
            if (from.isPresent() && from.get().equalsIgnoreCase(address)) {
                return;
            }
        }
        notifier.delivered(address);
    }

    private Optional<String> sender(String address, String folder, long uid) {
        try (InputStream in = store.mailbox(address).folder(folder).open(uid)) {
            return fromAddress(new String(in.readNBytes(HEADER_LIMIT), StandardCharsets.ISO_8859_1));
        } catch (IOException | StoreException e) {
            log.debug("cannot read the sender of a new message: {}", e.toString());
            return Optional.empty();
        }
    }

    /** The address in the (unfolded) From field of a message's header, lower-cased; empty if none. */
    static Optional<String> fromAddress(String message) {
        int end = message.indexOf("\r\n\r\n");
        String header = (end < 0 ? message : message.substring(0, end)).replaceAll("\r?\n[ \t]+", " ");
        for (String line : header.split("\r?\n")) {
            if (line.regionMatches(true, 0, "From:", 0, 5)) {
                String value = line.substring(5);
                Matcher m = ANGLE.matcher(value);
                if (m.find() || (m = BARE.matcher(value)).find()) {
                    return Optional.of(m.group(1).toLowerCase(Locale.ROOT));
                }
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
