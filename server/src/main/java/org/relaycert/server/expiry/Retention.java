package org.relaycert.server.expiry;

import java.time.Duration;
import org.relaycert.server.config.ChatmailParams;

/**
 * How long things stay: {@code delete_mails_after}, {@code delete_large_after} for messages larger than
 * {@code largeBytes} that a client has already seen, {@code delete_inactive_users_after} counted from the
 * last IMAP login day.
 */
public record Retention(Duration mails, Duration largeMails, long largeBytes, Duration inactiveUsers) {

    public static Retention of(ChatmailParams params) {
        return new Retention(params.deleteMailsAfter(), params.deleteLargeAfter(), ChatmailParams.LARGE_MESSAGE_BYTES,
                params.deleteInactiveUsersAfter());
    }
}
