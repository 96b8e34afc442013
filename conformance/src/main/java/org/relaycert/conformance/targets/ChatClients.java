package org.relaycert.conformance.targets;

import java.time.Duration;

/**
 * The real chat client (Delta Chat) as the suite drives it: fresh accounts made by the client's own
 * configuration (first login), keys exchanged, a one-to-one chat open. Closing ends the client process.
 */
public interface ChatClients extends AutoCloseable {

    /** Two configured, online accounts, the sender on {@code from} and the recipient on {@code to}, chat open. */
    Conversation conversation(RelayUnderTest from, RelayUnderTest to) throws Exception;

    /** What the client is (name and version), for the evidence. */
    String describe();

    @Override
    void close();

    /** One direction of a chat between two client accounts. */
    interface Conversation {
        /** Hands a text message to the sender's client; returns {@link System#nanoTime()} just before the call. */
        long send(String text);

        /** {@link System#nanoTime()} when the recipient's client reported {@code text} (IncomingMsg); -1 after the timeout. */
        long awaitIncoming(String text, Duration timeout);
    }
}
