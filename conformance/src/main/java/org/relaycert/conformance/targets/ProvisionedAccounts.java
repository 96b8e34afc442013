package org.relaycert.conformance.targets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Accounts an operator made beforehand ({@code -Dchatmail.accounts=FILE}), for a relay that does not create
 * accounts on first login (a plain Postfix+Dovecot host). One account per line, {@code address password}
 * separated by whitespace; {@code #} at a line's start or after a space starts a comment; blank lines are ignored. Each account is handed out at
 * most once per run, because checks assume a fresh, empty mailbox.
 */
final class ProvisionedAccounts {
    /** A comment starts with a {@code #} at the line's start or after a space, so a password may hold one. */
    private static final java.util.regex.Pattern COMMENT = java.util.regex.Pattern.compile("(^|\\s)#.*$");
    private final Path file;
    private final List<Credentials> accounts;
    private final AtomicInteger next = new AtomicInteger();
    /** Set once the relay gave no account the chatmail way: later accounts come from the file at once. */
    private volatile boolean chatmailWayRefused;

    private ProvisionedAccounts(Path file, List<Credentials> accounts) {
        this.file = file;
        this.accounts = accounts;
    }

    /** Reads {@code file}; a malformed line fails naming the file and the line number. */
    static ProvisionedAccounts read(Path file) throws IOException {
        return parse(file, Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    static ProvisionedAccounts parse(Path file, List<String> lines) {
        List<Credentials> accounts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String content = COMMENT.matcher(lines.get(i)).replaceFirst("").strip();
            if (content.isEmpty()) {
                continue;
            }
            String[] fields = content.split("\\s+");
            if (fields.length != 2 || fields[0].indexOf('@') <= 0 || fields[0].endsWith("@")) {
                throw new IllegalArgumentException(file + " line " + (i + 1)
                        + ": expected 'address password' (an address with @, one password without spaces)");
            }
            accounts.add(new Credentials(fields[0], fields[1]));
        }
        return new ProvisionedAccounts(file, List.copyOf(accounts));
    }

    /** The next account not handed out yet in this run; thread-safe. */
    Credentials next() {
        int i = next.getAndIncrement();
        if (i >= accounts.size()) {
            throw new IllegalStateException("all " + accounts.size() + " provisioned accounts of " + file
                    + " (chatmail.accounts) are used: add more lines");
        }
        return accounts.get(i);
    }

    /**
     * Remembers that the relay gave no account through {@code /new} or a first login, so the run stops asking it
     * (each refused login costs the relay's failure delay, 2 s on Dovecot).
     */
    void chatmailWayRefused() {
        chatmailWayRefused = true;
    }

    boolean useDirectly() {
        return chatmailWayRefused;
    }

    int size() {
        return accounts.size();
    }
}
