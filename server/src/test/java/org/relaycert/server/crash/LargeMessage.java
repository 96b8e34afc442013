package org.relaycert.server.crash;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import javax.net.ssl.SSLSocket;

/**
 * A chatmail-shaped encrypted message of a chosen size (OpenPGP/MIME, RFC 3156: a PKESK and one SEIPD packet of
 * random octets, ASCII-armored in 76-character lines), and byte-level SMTP submission and IMAP FETCH of it over
 * implicit TLS. The body is shared; only the header (Message-ID) differs per copy.
 */
final class LargeMessage {
    private final byte[] body;

    private LargeMessage(byte[] body) {
        this.body = body;
    }

    /** A message body so that a whole message is about {@code size} octets. */
    static LargeMessage ofAbout(long size) {
        long seipd = size * 57 / 78 - 64; // 57 binary octets make one 76-character line plus CRLF
        byte[] data = new byte[(int) seipd + 20];
        new Random(42).nextBytes(data);
        data[0] = (byte) 0xC1; // PKESK, new format, 12 octets
        data[1] = 12;
        int at = 14;
        data[at] = (byte) 0xD2; // SEIPD, new format, five-octet length
        data[at + 1] = (byte) 0xFF;
        long len = data.length - at - 6;
        for (int i = 0; i < 4; i++) {
            data[at + 2 + i] = (byte) (len >>> (24 - 8 * i));
        }
        String armor = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(data);
        String text = "--b\r\nContent-Type: application/pgp-encrypted\r\n\r\nVersion: 1\r\n\r\n"
                + "--b\r\nContent-Type: application/octet-stream; name=\"encrypted.asc\"\r\n\r\n"
                + "-----BEGIN PGP MESSAGE-----\r\n\r\n" + armor + "\r\n-----END PGP MESSAGE-----\r\n\r\n--b--\r\n";
        return new LargeMessage(text.getBytes(StandardCharsets.US_ASCII));
    }

    byte[] header(String from, String to, String id) {
        return ("From: <" + from + ">\r\nTo: <" + to + ">\r\nMessage-ID: <" + id + "@relaycert.test>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\";"
                + " boundary=\"b\"\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    long size(byte[] header) {
        return header.length + (long) body.length;
    }

    /** SHA-256 of header and body, hex. */
    String digest(byte[] header) {
        MessageDigest sha = sha256();
        sha.update(header);
        sha.update(body);
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Submits one copy (AUTH PLAIN, one recipient); returns the reply to the end of DATA. */
    String submit(InetSocketAddress smtps, String user, String password, String to, byte[] header) throws IOException {
        try (RawClients.Connection c = RawClients.startData(smtps, user, password, to)) {
            OutputStream out = new BufferedOutputStream(c.output(), 1 << 16);
            out.write(header); // no line of header or armor starts with "." (nothing to dot-stuff)
            out.write(body);
            out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return c.reply();
        }
    }

    /** {@code POST /mxdeliv} of one copy, as another relay sends it; returns the status line and the body. */
    String postMxdeliv(InetSocketAddress https, String from, String to, byte[] header) throws IOException {
        try (SSLSocket s = RawClients.tls(https, 60_000)) {
            OutputStream out = new BufferedOutputStream(s.getOutputStream(), 1 << 16);
            out.write(("POST /mxdeliv HTTP/1.1\r\nHost: relay.test\r\nX-Mail-From: " + from + "\r\nX-Mail-To: " + to
                    + "\r\nContent-Type: message/rfc822\r\nContent-Length: " + size(header)
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(header);
            out.write(body);
            out.flush();
            InputStream in = s.getInputStream();
            String status = line(in);
            for (String l = line(in); !l.isEmpty(); l = line(in)) {
                // headers
            }
            return status + " " + new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    /** IMAP APPEND of one copy to INBOX; returns the tagged completion. */
    String append(InetSocketAddress imaps, String user, String password, byte[] header) throws IOException {
        try (SSLSocket s = RawClients.tls(imaps, 60_000)) {
            InputStream in = new BufferedInputStream(s.getInputStream(), 1 << 16);
            OutputStream out = new BufferedOutputStream(s.getOutputStream(), 1 << 16);
            line(in);
            out.write(("a LOGIN " + user + " " + password + "\r\nb APPEND INBOX {" + size(header) + "}\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            for (String line = line(in); !line.startsWith("+"); line = line(in)) {
                if (line.startsWith("b ")) {
                    return line;
                }
            }
            out.write(header);
            out.write(body);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            for (String line = line(in); ; line = line(in)) {
                if (line.startsWith("b ")) {
                    return line;
                }
            }
        }
    }

    /** Logs in, selects INBOX and returns the SHA-256 (hex) of each message's BODY.PEEK[] literal. */
    static java.util.List<String> fetchDigests(InetSocketAddress imaps, String user, String password) throws IOException {
        try (SSLSocket s = RawClients.tls(imaps, 60_000)) {
            InputStream in = new BufferedInputStream(s.getInputStream(), 1 << 16);
            OutputStream out = s.getOutputStream();
            line(in);
            out.write(("a LOGIN " + user + " " + password + "\r\nb SELECT INBOX\r\nc FETCH 1:* (BODY.PEEK[])\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            java.util.List<String> digests = new java.util.ArrayList<>();
            for (String line = line(in); !line.startsWith("c "); line = line(in)) {
                if (line.contains("FETCH") && line.endsWith("}")) {
                    long n = Long.parseLong(line.substring(line.lastIndexOf('{') + 1, line.length() - 1));
                    MessageDigest sha = sha256();
                    byte[] buf = new byte[1 << 16];
                    while (n > 0) {
                        int r = in.read(buf, 0, (int) Math.min(buf.length, n));
                        if (r < 0) {
                            throw new IOException("connection closed inside a literal");
                        }
                        sha.update(buf, 0, r);
                        n -= r;
                    }
                    digests.add(HexFormat.of().formatHex(sha.digest()));
                }
            }
            return digests;
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
