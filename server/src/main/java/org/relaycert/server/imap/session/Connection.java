package org.relaycert.server.imap.session;

/** What a session needs from its network connection; the Netty handler implements it. */
public interface Connection {
    void write(Response response);

    /** Sends what was written so far (large FETCH output leaves message by message). */
    void flush();

    boolean tlsActive();

    /** Installs TLS after the pending output is written; pipelined plaintext input is discarded. */
    void startTls(Response okResponse);

    /** Flushes and closes the connection. */
    void close();
}
