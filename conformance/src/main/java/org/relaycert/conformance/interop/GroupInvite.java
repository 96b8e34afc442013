package org.relaycert.conformance.interop;

import java.time.Duration;
import org.relaycert.conformance.Evidence;
import org.relaycert.fixtures.deltachat.DeltaChatAccount;
import org.relaycert.fixtures.deltachat.DeltaChatEvent;

/**
 * A Secure-Join group invite as users run it: the group's creator shows the group's invite link, the joiner
 * scans it. The handshake is {@code vg-request} (cleartext: the joiner has no key yet), then
 * {@code vg-auth-required}, {@code vg-request-with-auth} and {@code vg-member-added}, all encrypted.
 */
public final class GroupInvite {
    /** The group's chat id on the joiner's side, as {@code secure_join} returned it. */
    public record Joined(int chatOfJoiner) {}

    private GroupInvite() {
    }

    /** Runs the handshake and waits for both sides to report it done (progress 1000). */
    public static Joined join(DeltaChatAccount inviter, int group, DeltaChatAccount joiner, Duration timeout, Evidence ev) {
        String qr = inviter.groupInviteQr(group);
        ev.line("inviter shows the group invite link (" + qr.length() + " characters; it carries secrets, not shown)");
        int chat = joiner.secureJoin(qr);
        joiner.rpc().events().waitFor(joiner.id(), DeltaChatEvent.SECUREJOIN_JOINER_PROGRESS,
                e -> e.intField("progress") == 1000, timeout);
        inviter.rpc().events().waitFor(inviter.id(), DeltaChatEvent.SECUREJOIN_INVITER_PROGRESS,
                e -> e.intField("progress") == 1000, timeout);
        ev.line("group Secure-Join completed on both sides (progress 1000); joiner's group chat " + chat);
        return new Joined(chat);
    }
}
