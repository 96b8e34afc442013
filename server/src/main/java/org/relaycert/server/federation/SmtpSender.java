package org.relaycert.server.federation;

import java.io.BufferedOutputStream;
import org.relaycert.server.delivery.SpooledMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.util.Optional;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;
import org.relaycert.server.delivery.Reply;

/**
 * The SMTP client side of federation (RFC 5321 with RFC 3207 STARTTLS): EHLO, STARTTLS and EHLO again (unless
 * the rules say plaintext), MAIL FROM, one RCPT per recipient, DATA with dot-stuffing, QUIT.
 */
final class SmtpSender {
    private static final int TIMEOUT_MS = 60_000;

    private final String ourName;
    private final Optional<InetAddress> source;
    private final OutboundTrust trust;

    SmtpSender(String ourName, OutboundTrust trust) {
        this(ourName, trust, Optional.empty());
    }

    /** {@code source}: the local address to connect from (an address-literal relay's own); empty: any. */
    SmtpSender(String ourName, OutboundTrust trust, Optional<InetAddress> source) {
        this.source = source;
        this.ourName = ourName;
        this.trust = trust;
    }

    /**
     * One delivery attempt. A failure to connect, a greeting other than 220 (e.g. {@code 421} busy) or a TLS
     * failure is no reply: the caller tries the next host. A 4xx reply to MAIL, RCPT or DATA is returned as
     * is, so the queue defers those recipients.
     */
    Attempt send(String host, InetAddress address, int port, DestinationTls tls, String mailFrom,
                 List<String> recipients, byte[] message) {
        return send(host, address, port, tls, mailFrom, recipients, SpooledMessage.of(message));
    }

    /** As above, the message streamed. */
    Attempt send(String host, InetAddress address, int port, DestinationTls tls, String mailFrom,
                 List<String> recipients, SpooledMessage message) {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true); // each command waits for its reply anyway: Nagle only adds delayed-ACK stalls
            if (source.isPresent()) {
                socket.bind(new InetSocketAddress(source.get(), 0));
            }
            socket.connect(new InetSocketAddress(address, port), 10_000);
            socket.setSoTimeout(TIMEOUT_MS);
            Conversation c = new Conversation(socket);
            Reply greeting = c.read();
            if (!greeting.positive()) {
                return Attempt.failed("greeting " + greeting.line());
            }
            Reply ehlo = c.command("EHLO " + ourName);
            if (tls != DestinationTls.PLAINTEXT) {
                if (!ehlo.positive() || !ehlo.text().toUpperCase(java.util.Locale.ROOT).contains("STARTTLS")) {
                    return Attempt.failed("no STARTTLS offered by " + host);
                }
                Reply go = c.command("STARTTLS");
                if (go.code() != 220) {
                    return Attempt.failed("STARTTLS refused: " + go.line());
                }
                c = new Conversation(trust.wrap(socket, host, tls));
                c.command("EHLO " + ourName);
            }
            Reply from = c.command("MAIL FROM:<" + mailFrom + ">");
            Map<String, Reply> replies = new LinkedHashMap<>();
            if (!from.positive()) {
                recipients.forEach(r -> replies.put(r, from));
                c.command("QUIT");
                return new Attempt(replies, null);
            }
            boolean any = false;
            for (String r : recipients) {
                Reply rr = c.command("RCPT TO:<" + r + ">");
                replies.put(r, rr);
                any |= rr.positive();
            }
            if (any) {
                Reply data = c.command("DATA");
                Reply end = data.code() == 354 ? c.data(message) : data;
                replies.replaceAll((r, rr) -> rr.positive() ? end : rr);
            }
            c.command("QUIT");
            return new Attempt(replies, null);
        } catch (SSLException e) {
            return Attempt.failed("TLS with " + host + " failed: " + e.getMessage());
        } catch (IOException e) {
            return Attempt.failed("SMTP with " + host + " failed: " + e.getMessage());
        } finally {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a failed connection
            }
        }
    }

    /** Line-level reading and writing of one SMTP connection. */
    private static final class Conversation {
        private final InputStream in;
        private final OutputStream out;

        Conversation(Socket s) throws IOException {
            this.in = s.getInputStream();
            this.out = new BufferedOutputStream(s.getOutputStream());
        }

        Reply command(String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return read();
        }

        /** The message with leading dots doubled and a final {@code CRLF . CRLF}. */
        Reply data(SpooledMessage message) throws IOException {
            boolean lineStart = true;
            try (InputStream in = message.open()) {
                for (int b = in.read(); b >= 0; b = in.read()) {
                    if (lineStart && b == '.') {
                        out.write('.');
                    }
                    out.write(b);
                    lineStart = b == '\n';
                }
            }
            if (!lineStart) {
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return read();
        }

        /** A possibly multi-line reply; the texts of all lines joined by newlines. */
        Reply read() throws IOException {
            StringBuilder text = new StringBuilder();
            while (true) {
                String line = readLine();
                if (line.length() < 3) {
                    throw new IOException("malformed reply: " + line);
                }
                int code = Integer.parseInt(line.substring(0, 3));
                if (text.length() > 0) {
                    text.append('\n');
                }
                text.append(line.length() > 4 ? line.substring(4) : "");
                if (line.length() == 3 || line.charAt(3) == ' ') {
                    return Reply.plain(code, text.toString());
                }
            }
        }

        private String readLine() throws IOException {
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    break;
                }
                if (c != '\r') {
                    sb.append((char) c);
                }
            }
            if (c == -1 && sb.isEmpty()) {
                throw new IOException("connection closed");
            }
            return sb.toString();
        }
    }
}
