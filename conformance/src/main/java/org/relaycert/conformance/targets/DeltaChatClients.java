package org.relaycert.conformance.targets;

import java.time.Duration;
import org.relaycert.fixtures.deltachat.DeltaChatAccount;
import org.relaycert.fixtures.deltachat.DeltaChatRpc;

/**
 * {@link ChatClients} with the real Delta Chat core (deltachat-rpc-server). In the local world the client
 * is given each relay's explicit 127.0.0.x address and ports (it has its own resolver, which does not
 * know the fixture DNS), implicit TLS, and accepts the world CA's certificates.
 */
final class DeltaChatClients implements ChatClients {
    private static final Duration ONLINE = Duration.ofSeconds(60);
    private final DeltaChatRpc rpc;

    DeltaChatClients() throws java.io.IOException {
        this.rpc = DeltaChatRpc.start();
    }

    @Override
    public String describe() {
        return "Delta Chat core (deltachat-rpc-server, " + rpc.request("get_system_info").path("deltachat_core_version").asText("unknown version") + ")";
    }

    @Override
    public Conversation conversation(RelayUnderTest from, RelayUnderTest to) {
        DeltaChatAccount a = account(from);
        DeltaChatAccount b = account(to);
        DeltaChatAccount.ChatPair chats = DeltaChatAccount.exchangeVcards(a, b);
        return new Conversation() {
            @Override
            public long send(String text) {
                long at = System.nanoTime();
                a.sendText(chats.chatOfA(), text);
                return at;
            }

            @Override
            public long awaitIncoming(String text, Duration timeout) {
                return b.awaitIncomingTextAt(text, timeout);
            }
        };
    }

    private DeltaChatAccount account(RelayUnderTest relay) {
        Credentials c = relay.freshCredentials();
        DeltaChatAccount account = DeltaChatAccount.add(rpc);
        account.configure(c.address(), c.password(), relay.imaps().connectAddress(), relay.imaps().port(),
                relay.smtps().port());
        account.awaitOnline(ONLINE);
        return account;
    }

    @Override
    public void close() {
        rpc.close();
    }
}
