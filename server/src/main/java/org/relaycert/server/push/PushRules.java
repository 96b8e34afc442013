package org.relaycert.server.push;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the relay keeps device tokens and notifies the gateway, as values. {@link #chatmail()} is what
 * chatmail's metadata service does (relay:chatmaild notifier.py, metadata.py); other values describe other
 * real-world servers (and the suite's variants).
 *
 * @param retryDelays     waits before retry 1, 2, ...; after the last one the notification is dropped
 *                        (chatmail: 8^n seconds, n = 1..4)
 * @param deadline        a notification not delivered this long after the message arrived is dropped (5 h)
 * @param requestTimeout  how long one POST may take (60 s)
 * @param tokensPerUser   how many device tokens one user keeps (chatmail: all; a plain Dovecot METADATA
 *                        dictionary keeps one value, so a second device replaces the first)
 * @param tokenMaxAge     tokens not set again for this long are forgotten (90 days)
 * @param notifySelfSent  whether a message the user sent to themself notifies too (chatmail's Lua hook
 *                        skips them: they are the user's own multi-device copies)
 * @param forgetGoneTokens whether a token the gateway answers 410 for is removed (chatmail: yes; a relay
 *                        storing tokens in a plain Dovecot dictionary keeps posting them)
 * @param pendingSurvivesRestart whether notifications awaiting a retry are sent after a restart (chatmail
 *                        keeps them in files; a notifier with an in-memory retry queue loses them)
 */
public record PushRules(List<Duration> retryDelays, Duration deadline, Duration requestTimeout, int tokensPerUser,
                        Duration tokenMaxAge, boolean notifySelfSent, boolean forgetGoneTokens,
                        boolean pendingSurvivesRestart) {

    public PushRules {
        retryDelays = List.copyOf(retryDelays);
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(tokenMaxAge, "tokenMaxAge");
        if (tokensPerUser < 1) {
            throw new IllegalArgumentException("tokensPerUser must be at least 1");
        }
    }

    public static PushRules chatmail() {
        return new PushRules(List.of(Duration.ofSeconds(8), Duration.ofSeconds(64), Duration.ofSeconds(512),
                Duration.ofSeconds(4096)), Duration.ofHours(5), Duration.ofSeconds(60), Integer.MAX_VALUE,
                Duration.ofDays(90), false, true, true);
    }

    public PushRules withRetryDelays(List<Duration> delays) {
        return new PushRules(delays, deadline, requestTimeout, tokensPerUser, tokenMaxAge,
                notifySelfSent, forgetGoneTokens, pendingSurvivesRestart);
    }

    public PushRules withTokensPerUser(int n) {
        return new PushRules(retryDelays, deadline, requestTimeout, n, tokenMaxAge,
                notifySelfSent, forgetGoneTokens, pendingSurvivesRestart);
    }

    public PushRules withNotifySelfSent(boolean notify) {
        return new PushRules(retryDelays, deadline, requestTimeout, tokensPerUser, tokenMaxAge,
                notify, forgetGoneTokens, pendingSurvivesRestart);
    }

    public PushRules withForgetGoneTokens(boolean forget) {
        return new PushRules(retryDelays, deadline, requestTimeout, tokensPerUser, tokenMaxAge,
                notifySelfSent, forget, pendingSurvivesRestart);
    }

    public PushRules withPendingSurvivesRestart(boolean survives) {
        return new PushRules(retryDelays, deadline, requestTimeout, tokensPerUser, tokenMaxAge, notifySelfSent,
                forgetGoneTokens, survives);
    }
}
