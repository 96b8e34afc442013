package org.relaycert.bench.load;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.relaycert.fixtures.deltachat.DeltaChatAccount;
import org.relaycert.fixtures.deltachat.DeltaChatBinary;
import org.relaycert.fixtures.deltachat.DeltaChatRpc;

/**
 * The real client's latency (the suite's LAT-04 method): two Delta Chat accounts on the relay, keys exchanged by
 * vCard, one uncounted message, then sequential text messages from the send call to the recipient's
 * {@code IncomingMsg}, started 1.1 s apart because the client throttles an account's sends to about one a second.
 */
final class DeltaChatProbe {
    static final Duration SPACING = Duration.ofMillis(1100);
    private static final Duration LOSS_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration ONLINE = Duration.ofSeconds(60);

    private DeltaChatProbe() {
    }

    /** The binary, when installed (env RELAYCERT_DELTACHAT_RPC, or the project's node_modules). */
    static Optional<java.nio.file.Path> client() {
        return DeltaChatBinary.locate();
    }

    static Samples run(java.nio.file.Path binary, MailEndpoints relay, Account from, Account to, int n) throws Exception {
        Samples samples = new Samples();
        DeltaChatRpc client = DeltaChatRpc.start(binary);
        // The client's working directory (accounts, core's log) is made in the temporary directory and kept by
        // the client for post-mortems; the bench leaves nothing there, so it goes once the client is closed.
        java.nio.file.Path workDir = org.relaycert.bench.TempCheck.claim(client.logFile().getParent());
        try (DeltaChatRpc rpc = client) {
            DeltaChatAccount a = account(rpc, relay, from);
            DeltaChatAccount b = account(rpc, relay, to);
            DeltaChatAccount.ChatPair chats = DeltaChatAccount.exchangeVcards(a, b);
            for (int i = 0; i <= n; i++) {
                long started = System.nanoTime();
                String text = "relaycert bench " + i + " " + UUID.randomUUID();
                a.sendText(chats.chatOfA(), text);
                long arrived = b.awaitIncomingTextAt(text, LOSS_TIMEOUT);
                if (i > 0) { // i == 0 is the uncounted first message
                    if (arrived < 0) {
                        samples.lose();
                    } else {
                        samples.add((arrived - started) / 1e6);
                    }
                }
                long wait = started + SPACING.toNanos() - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(Duration.ofNanos(wait)); // the client's send throttle, not a wait for a result
                }
            }
        } finally {
            LoadDriver.deleteTree(workDir);
        }
        return samples;
    }

    private static DeltaChatAccount account(DeltaChatRpc rpc, MailEndpoints relay, Account who) {
        DeltaChatAccount account = DeltaChatAccount.add(rpc);
        account.configure(who.address(), who.password(), relay.imapHost(), relay.imaps(), relay.smtps());
        account.awaitOnline(ONLINE);
        return account;
    }
}
