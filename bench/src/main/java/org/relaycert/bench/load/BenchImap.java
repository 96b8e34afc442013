package org.relaycert.bench.load;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.relaycert.wire.ImapSession;
import org.relaycert.wire.Peer;
import org.relaycert.wire.Transcript;

/** An IMAP client on port 993 that logs in, selects INBOX and idles; a reader thread stamps each EXISTS. */
final class BenchImap implements AutoCloseable {
    private static final Pattern EXISTS = Pattern.compile("\\* (\\d+) EXISTS");

    record Exists(long count, long nanos) {
    }

    private final BlockingQueue<Exists> announced = new LinkedBlockingQueue<>();
    private long existing;

    private final ImapSession session;

    private BenchImap(String host, int port) throws IOException {
        // no transcript: a bench session idles through the whole run
        session = ImapSession.over(Peer.of(host, port), Loopback.tls(host, port), Transcript.discarding());
    }

    private String readLine() throws IOException {
        return session.readLine();
    }

    @Override
    public void close() {
        session.close();
    }

    /** Logged in, INBOX selected, in IDLE; {@code watch} starts a reader thread that timestamps EXISTS. */
    static BenchImap idle(int port, String address, String password, boolean watch) throws IOException {
        return idle(Loopback.HOST, port, address, password, watch);
    }

    static BenchImap idle(String host, int port, String address, String password, boolean watch) throws IOException {
        BenchImap s = new BenchImap(host, port);
        s.readLine();
        s.session.send("a1 LOGIN \"" + address + "\" \"" + password + "\"");
        if (!s.tagged("a1").startsWith("a1 OK")) {
            s.close();
            throw new IOException("LOGIN for " + address + " refused");
        }
        s.session.send("a2 SELECT INBOX");
        s.tagged("a2");
        s.session.send("a3 IDLE");
        String cont = s.readLine();
        if (cont == null || !cont.startsWith("+")) {
            s.close();
            throw new IOException("IDLE refused: " + cont);
        }
        if (watch) {
            Thread.ofPlatform().daemon().name("exists-" + address).start(s::watch);
        }
        return s;
    }

    /** Messages in INBOX when IDLE began. */
    long existing() {
        return existing;
    }

    private String tagged(String tag) throws IOException {
        while (true) {
            String line = readLine();
            if (line == null) {
                throw new IOException("connection closed");
            }
            Matcher m = EXISTS.matcher(line);
            if (m.matches()) {
                existing = Long.parseLong(m.group(1));
            }
            if (line.startsWith(tag + " ")) {
                return line;
            }
        }
    }

    private void watch() {
        while (true) {
            String line;
            try {
                line = readLine();
            } catch (java.net.SocketTimeoutException e) {
                continue; // quiet mailbox; keep idling
            } catch (IOException e) {
                return; // closed: the run is over
            }
            if (line == null) {
                return;
            }
            long now = System.nanoTime();
            Matcher m = EXISTS.matcher(line);
            if (m.matches()) {
                announced.add(new Exists(Long.parseLong(m.group(1)), now));
            }
        }
    }

    /** The first EXISTS announcing at least {@code count} messages, or null after {@code timeoutMillis}. */
    Exists await(long count, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (true) {
            Exists e = announced.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (e == null || e.count() >= count) {
                return e;
            }
        }
    }
}
