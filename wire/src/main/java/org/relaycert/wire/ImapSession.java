package org.relaycert.wire;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/** An IMAP client session on a raw socket with a transcript. Literals in responses are read inline. */
public final class ImapSession extends LineSession {
    private static final Pattern LITERAL_AT_END = Pattern.compile("\\{(\\d+)\\}$");
    private String greeting;
    private int nextTag = 1;

    private ImapSession(Peer peer, Socket socket, Transcript transcript) throws IOException {
        super(peer, socket, transcript);
    }

    /** Connects (implicit TLS when {@code tls} is non-null) and reads the greeting; reads wait the peer's answer timeout. */
    public static ImapSession open(Peer peer, SSLContext tls) throws IOException {
        return open(peer, tls, null, peer.answerTimeout());
    }

    public static ImapSession open(Peer peer, SSLContext tls, String[] protocols, Duration timeout)
            throws IOException {
        ImapSession s = new ImapSession(peer, connect(peer, tls, protocols, timeout), new Transcript());
        s.greeting = s.readResponseLine();
        return s;
    }

    /** A session on a socket the caller connected (and, for implicit TLS, shook hands on); the greeting is not read yet. */
    public static ImapSession over(Peer peer, Socket socket, Transcript transcript) throws IOException {
        return new ImapSession(peer, socket, transcript);
    }

    /** The next tag this session will use ({@code a1}, {@code a2}, ...), taken. */
    public String nextTag() {
        return "a" + nextTag++;
    }

    public String greeting() {
        return greeting;
    }

    /** A response line with any trailing literals folded in (as text). */
    public String readResponseLine() throws IOException {
        String line = readLine();
        if (line == null) {
            return null;
        }
        StringBuilder full = new StringBuilder(line);
        Matcher m = LITERAL_AT_END.matcher(line);
        while (m.find()) {
            byte[] data = readBytes(Integer.parseInt(m.group(1)));
            full.append("\r\n").append(new String(data, StandardCharsets.UTF_8));
            String rest = readLine();
            if (rest == null) {
                break;
            }
            full.append(rest);
            m = LITERAL_AT_END.matcher(rest);
        }
        return full.toString();
    }

    public ImapResponse command(String command) throws IOException {
        String tag = "a" + nextTag++;
        send(tag + " " + command);
        return readUntilTagged(tag);
    }

    public ImapResponse readUntilTagged(String tag) throws IOException {
        List<String> untagged = new ArrayList<>();
        while (true) {
            String line = readResponseLine();
            if (line == null) {
                return new ImapResponse(tag, "CLOSED", "(connection closed)", untagged);
            }
            if (line.startsWith(tag + " ")) {
                String status = line.substring(tag.length() + 1).split(" ", 2)[0].toUpperCase(Locale.ROOT);
                return new ImapResponse(tag, status, line, untagged);
            }
            untagged.add(line);
        }
    }

    public ImapResponse login(String user, String password) throws IOException {
        return command("LOGIN " + quote(user) + " " + quote(password));
    }

    /** Capabilities from a CAPABILITY command. */
    public List<String> capabilities() throws IOException {
        return command("CAPABILITY").untagged("CAPABILITY").stream()
                .flatMap(l -> Arrays.stream(l.substring("* CAPABILITY".length()).trim().split(" ")))
                .map(s -> s.toUpperCase(Locale.ROOT)).toList();
    }

    /** Starts IDLE; returns the continuation line or empty if the server refused. */
    public Optional<String> idle() throws IOException {
        String tag = "a" + nextTag++;
        send(tag + " IDLE");
        String line = readResponseLine();
        idleTag = tag;
        return line != null && line.startsWith("+") ? Optional.of(line) : Optional.empty();
    }

    private String idleTag;

    /** Waits for an untagged line matching {@code want} while idling; empty on timeout. */
    public Optional<String> awaitUntagged(Predicate<String> want, Duration timeout) throws IOException {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            try {
                String line = readResponseLine();
                if (line == null) {
                    return Optional.empty();
                }
                if (want.test(line)) {
                    return Optional.of(line);
                }
            } catch (java.net.SocketTimeoutException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    public ImapResponse done() throws IOException {
        send("DONE");
        return readUntilTagged(idleTag);
    }

    /**
     * {@code APPEND folder (flags) "date-time" {n+}} with a non-synchronizing literal (RFC 7888), so the
     * message goes in one write; {@code flags} and {@code dateTime} may be null.
     */
    public ImapResponse append(String folder, String flags, String dateTime, byte[] message) throws IOException {
        String tag = "a" + nextTag++;
        send(tag + " APPEND " + quote(folder) + (flags == null ? "" : " (" + flags + ")")
                + (dateTime == null ? "" : " " + quote(dateTime)) + " {" + message.length + "+}");
        byte[] withEnd = java.util.Arrays.copyOf(message, message.length + 2);
        withEnd[message.length] = '\r';
        withEnd[message.length + 1] = '\n';
        sendRaw(withEnd, "(" + message.length + " octets)");
        return readUntilTagged(tag);
    }

    public static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    public void logout() {
        try {
            command("LOGOUT");
        } catch (IOException ignored) {
            // the server may already have closed
        }
        close();
    }
}
