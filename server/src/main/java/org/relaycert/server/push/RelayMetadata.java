package org.relaycert.server.push;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.relaycert.server.imap.ImapMetadata;

/**
 * IMAP METADATA as chatmail's metadata service answers it: server entries are read-only
 * {@link SharedEntries}; {@code /private/devicetoken} on INBOX adds a device token (several devices each
 * keep theirs) and reads back all of them joined by a space; NIL removes them. Other entries do not exist
 * and may not be written.
 */
public final class RelayMetadata implements ImapMetadata {
    public static final String DEVICE_TOKEN = "/private/devicetoken";

    private final DeviceTokens tokens;
    private final SharedEntries shared;

    public RelayMetadata(DeviceTokens tokens, SharedEntries shared) {
        this.tokens = tokens;
        this.shared = shared;
    }

    @Override
    public Optional<String> get(String address, String mailbox, String entry) {
        if (mailbox.isEmpty()) {
            return shared.get(entry);
        }
        if (isDeviceToken(mailbox, entry)) {
            List<String> all = tokens.tokens(address);
            return all.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", all));
        }
        return Optional.empty();
    }

    @Override
    public boolean set(String address, String mailbox, String entry, String value) {
        if (!isDeviceToken(mailbox, entry)) {
            return false;
        }
        if (value == null) {
            tokens.removeAll(address);
        } else if (!value.isBlank()) {
            tokens.add(address, value.strip());
        }
        return true;
    }

    private static boolean isDeviceToken(String mailbox, String entry) {
        return mailbox.equalsIgnoreCase("INBOX") && entry.toLowerCase(Locale.ROOT).equals(DEVICE_TOKEN);
    }
}
