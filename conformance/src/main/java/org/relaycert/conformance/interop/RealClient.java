package org.relaycert.conformance.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.relaycert.conformance.targets.NotObservableException;
import org.relaycert.fixtures.deltachat.DeltaChatBinary;
import org.relaycert.fixtures.deltachat.DeltaChatRpc;

/**
 * The real Delta Chat client (deltachat-rpc-server), one process per test JVM, started on first use and
 * stopped when the JVM exits: starting core costs more than most checks. Checks that need it report
 * "not observable: client not installed" where the binary is missing, never a pass.
 */
public final class RealClient {
    public static final String NOT_INSTALLED = "Delta Chat client not installed (deltachat-rpc-server; see README, 'scripts/setup')";
    private static DeltaChatRpc shared;

    private RealClient() {
    }

    /** A fresh session on the shared client; its accounts are removed when it closes. */
    public static ClientSession session() {
        return new ClientSession(rpc());
    }

    /** Throws "not observable: Delta Chat client not installed ..." with where it was looked for, when it is missing. */
    static void requireInstalled() {
        if (DeltaChatBinary.locate().isEmpty()) {
            throw new NotObservableException(NOT_INSTALLED + ": " + DeltaChatBinary.searchDescription());
        }
    }

    static synchronized DeltaChatRpc rpc() {
        if (shared != null && shared.isAlive()) {
            return shared;
        }
        requireInstalled();
        try {
            DeltaChatRpc started = DeltaChatRpc.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "deltachat-rpc-stop"));
            shared = started;
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start deltachat-rpc-server", e);
        }
    }
}
