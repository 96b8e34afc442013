package org.relaycert.conformance.interop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.relaycert.conformance.Evidence;
import org.relaycert.conformance.targets.ClientAccess;
import org.relaycert.conformance.targets.Credentials;
import org.relaycert.conformance.targets.RelayUnderTest;
import org.relaycert.conformance.targets.Target;
import org.relaycert.fixtures.deltachat.DeltaChatAccount;
import org.relaycert.fixtures.deltachat.DeltaChatRpc;
import org.relaycert.fixtures.deltachat.TransportLogin;
import org.relaycert.fixtures.deltachat.TransportLogin.CertificateChecks;
import org.relaycert.fixtures.deltachat.TransportLogin.Security;

/** The Delta Chat accounts one check sets up on the shared client; closing removes them all. */
public final class ClientSession implements AutoCloseable {
    /** Configuring logs in over IMAP and SMTP and fetches the inbox; generous for slow real targets. */
    public static final Duration ONLINE = Duration.ofSeconds(60);
    private final DeltaChatRpc rpc;
    private final List<DeltaChatAccount> accounts = new ArrayList<>();

    ClientSession(DeltaChatRpc rpc) {
        this.rpc = rpc;
    }

    public DeltaChatRpc rpc() {
        return rpc;
    }

    /** A new account on {@code relay}, set up in the client and online (inbox in IDLE). */
    public DeltaChatAccount account(Target t, RelayUnderTest relay, Evidence ev) throws Exception {
        return account(t, relay, relay.account(), ev);
    }

    /** The client logs in with {@code credentials} (the account exists, or its first login creates it). */
    public DeltaChatAccount account(Target t, RelayUnderTest relay, Credentials credentials, Evidence ev) {
        ClientAccess access = Target.require(t.clientAccess(relay),
                "the target does not say how a mail client reaches " + relay.domain());
        DeltaChatAccount a = DeltaChatAccount.add(rpc);
        accounts.add(a);
        TransportLogin login = TransportLogin.of(credentials.address(), credentials.password())
                .withImap(access.host(), access.imapsPort(), Security.SSL)
                .withSmtp(access.host(), access.smtpsPort(), Security.SSL)
                .withCertificateChecks(access.strictCertificates()
                        ? CertificateChecks.STRICT : CertificateChecks.ACCEPT_INVALID_CERTIFICATES);
        a.configure(login);
        a.awaitOnline(ONLINE);
        ev.line("client account " + a.id() + " = " + credentials.address() + " via " + access);
        return a;
    }

    /** An unconfigured account, e.g. to import a backup into as a second device. */
    public DeltaChatAccount blankAccount() {
        DeltaChatAccount a = DeltaChatAccount.add(rpc);
        accounts.add(a);
        return a;
    }

    @Override
    public void close() {
        for (DeltaChatAccount a : accounts) {
            try {
                a.stopIo();
                a.remove();
            } catch (RuntimeException e) {
                // the client may already be gone; nothing of the relay depends on this clean-up
            }
        }
    }
}
