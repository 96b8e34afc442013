package org.relaycert.server.policy;

import java.time.Clock;
import java.util.List;
import org.relaycert.server.account.AccountService;
import org.relaycert.server.config.ChatmailParams;
import org.relaycert.server.delivery.MailPolicy;

/**
 * The reference relay's mail-path policies, in chatmail's order: sender rules and send rate, encryption
 * enforcement, header cleanup. Variants replace one entry through {@code RelayExtensions.mailPolicies()}.
 */
public final class ReferencePolicies {
    private ReferencePolicies() {
    }

    public static List<MailPolicy> chatmail(ChatmailParams params, AccountService accounts, Clock clock) {
        List<CleartextException> exceptions = new java.util.ArrayList<>(CleartextException.chatmail());
        if (!params.passthroughSenders().isEmpty() || !params.passthroughRecipients().isEmpty()) {
            exceptions.add(CleartextException.passthrough(params.passthroughSenders(), params.passthroughRecipients()));
        }
        return List.of(
                new SubmissionPolicy(new GcraRateLimiter(params.maxUserSendPerMinute(), params.maxUserSendBurstSize(),
                        clock), true),
                new EncryptionPolicy(PgpMimeStructure.reference(), exceptions, true, accounts::enforcesE2eeIncoming),
                HeaderCleanup.chatmail());
    }
}
