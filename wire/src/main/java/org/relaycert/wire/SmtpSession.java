package org.relaycert.wire;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;

/** An SMTP client session on a raw socket with a transcript; replies are values, never exceptions. */
public final class SmtpSession extends LineSession {
    private SmtpReply greeting;

    private SmtpSession(Peer peer, Socket socket, Transcript transcript) throws IOException {
        super(peer, socket, transcript);
    }

    /** Connects (implicit TLS when {@code tls} is non-null) and reads the greeting; reads wait the peer's answer timeout. */
    public static SmtpSession open(Peer peer, SSLContext tls) throws IOException {
        return open(peer, tls, null, peer.answerTimeout());
    }

    public static SmtpSession open(Peer peer, SSLContext tls, String[] protocols, Duration timeout)
            throws IOException {
        SmtpSession s = new SmtpSession(peer, connect(peer, tls, protocols, timeout), new Transcript());
        s.greeting = s.readReply();
        return s;
    }

    /** A session on a socket the caller connected (and, for implicit TLS, shook hands on); the greeting is not read yet. */
    public static SmtpSession over(Peer peer, Socket socket, Transcript transcript) throws IOException {
        return new SmtpSession(peer, socket, transcript);
    }

    public SmtpReply greeting() {
        return greeting;
    }

    public SmtpReply command(String line) throws IOException {
        send(line);
        return readReply();
    }

    public SmtpReply readReply() throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = readLine();
            if (line == null) {
                return new SmtpReply(0, lines.isEmpty() ? List.of("(connection closed)") : lines);
            }
            lines.add(line);
            if (line.length() < 4 || line.charAt(3) != '-') {
                int code;
                try {
                    code = Integer.parseInt(line.substring(0, Math.min(3, line.length())));
                } catch (NumberFormatException e) {
                    code = -1;
                }
                return new SmtpReply(code, lines);
            }
        }
    }

    public SmtpReply ehlo(String name) throws IOException {
        return command("EHLO " + name);
    }

    /** STARTTLS and, on 220, the TLS handshake; the caller must EHLO again. */
    public SmtpReply startTls(SSLContext tls, String... protocols) throws IOException {
        SmtpReply r = command("STARTTLS");
        if (r.code() == 220) {
            upgrade(tls, protocols);
        }
        return r;
    }

    public SmtpReply authPlain(String user, String password) throws IOException {
        String token = Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
        return command("AUTH PLAIN " + token);
    }

    /** MAIL, RCPTs, DATA and the message; returns the first non-positive reply, or the end-of-DATA reply. */
    public SmtpReply sendMail(String from, List<String> recipients, byte[] message) throws IOException {
        return sendMail(from, "", recipients, message);
    }

    /** As above, with MAIL parameters (e.g. {@code SIZE=123}); the first refusal, or the reply to the data. */
    public SmtpReply sendMail(String from, String mailParameters, List<String> recipients, byte[] message) throws IOException {
        SmtpReply r = command("MAIL FROM:<" + from + ">" + (mailParameters.isEmpty() ? "" : " " + mailParameters));
        if (!r.positive()) {
            return r;
        }
        for (String rcpt : recipients) {
            r = command("RCPT TO:<" + rcpt + ">");
            if (!r.positive()) {
                return r;
            }
        }
        r = command("DATA");
        if (r.code() != 354) {
            return r;
        }
        sendRaw(dotStuff(message), "<message, " + message.length + " bytes>");
        send(".");
        return readReply();
    }

    /** RFC 5321 4.5.2 transparency; also ensures the message ends with CRLF. */
    public static byte[] dotStuff(byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1).replaceAll("(?<!\r)\n", "\r\n");
        if (!text.endsWith("\r\n")) {
            text += "\r\n";
        }
        String stuffed = (text.startsWith(".") ? "." : "") + text.replace("\r\n.", "\r\n..");
        return stuffed.getBytes(StandardCharsets.ISO_8859_1);
    }

    public void quit() {
        try {
            command("QUIT");
        } catch (IOException ignored) {
            // the server may already have closed
        }
        close();
    }
}
