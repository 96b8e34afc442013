package org.relaycert.conformance.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A test fixture, not a relay: one loopback port that misbehaves the same way on every connection, so the
 * suite can be pointed at it to show that checks end with FAIL or ERROR, in time, with a reason.
 */
final class HostileServer implements AutoCloseable {
    enum Behaviour {
        /** Accepts and reads, never says a word. */
        HANG,
        /** Answers the connection and every line with bytes that are no protocol at all. */
        GARBAGE,
        /** Closes each connection as soon as it is accepted. */
        DROP
    }

    private static final byte[] JUNK = "\u0000\u00ff\u00fe ~~ 7x9 %%% not a reply ~~\r\n".getBytes(StandardCharsets.ISO_8859_1);

    private final ServerSocket listener;
    private final Behaviour behaviour;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    HostileServer(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.listener = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        threads.submit(this::acceptLoop);
    }

    int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                open.add(s);
                threads.submit(() -> serve(s));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            switch (behaviour) {
                case DROP -> {
                    return;
                }
                case HANG -> in.transferTo(OutputStream.nullOutputStream());
                case GARBAGE -> {
                    out.write(JUNK);
                    out.flush();
                    int b;
                    while ((b = in.read()) >= 0) {
                        if (b == '\n') {
                            out.write(JUNK);
                            out.flush();
                        }
                    }
                }
            }
        } catch (IOException e) {
            // the client gave up: that is what clients do with servers like this
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : open) {
            s.close();
        }
        threads.shutdownNow();
    }
}
