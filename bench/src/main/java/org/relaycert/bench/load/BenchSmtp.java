package org.relaycert.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A submission client on port 465 that sends one message at a time, timing the final ".". */
final class BenchSmtp extends Wire {
    private final String address;

    private BenchSmtp(String host, int port, String address) throws IOException {
        super(Loopback.tls(host, port));
        this.address = address;
    }

    /** Connects, EHLO, AUTH PLAIN (a first login creates the account). */
    static BenchSmtp login(int port, String address, String password) throws IOException {
        return login(Loopback.HOST, port, address, password);
    }

    static BenchSmtp login(String host, int port, String address, String password) throws IOException {
        BenchSmtp s = new BenchSmtp(host, port, address);
        s.reply();
        s.write("EHLO bench.localhost\r\n");
        s.reply();
        String token = Base64.getEncoder().encodeToString(("\0" + address + "\0" + password).getBytes(StandardCharsets.UTF_8));
        s.write("AUTH PLAIN " + token + "\r\n");
        int code = s.reply();
        if (code != 235) {
            s.close();
            throw new IOException("AUTH for " + address + " answered " + code);
        }
        return s;
    }

    /** MAIL, RCPT, DATA pipelined-free; returns nanoTime at the final "." or -1 when not accepted. */
    long send(String to, byte[] body) throws IOException {
        write("MAIL FROM:<" + address + ">\r\n");
        if (reply() != 250) {
            return -1;
        }
        write("RCPT TO:<" + to + ">\r\n");
        if (reply() != 250) {
            return -1;
        }
        write("DATA\r\n");
        if (reply() != 354) {
            return -1;
        }
        write(body);
        write(".\r\n");
        long at = System.nanoTime();
        return reply() == 250 ? at : -1;
    }

    private int reply() throws IOException {
        while (true) {
            String line = readLine();
            if (line == null) {
                throw new IOException("connection closed");
            }
            if (line.length() < 4 || line.charAt(3) != '-') {
                return Integer.parseInt(line.substring(0, 3));
            }
        }
    }

    /** A plain text message with CRLF line ends and no line starting with ".". */
    static byte[] message(String from, String to, int size) {
        StringBuilder b = new StringBuilder("From: <" + from + ">\r\nTo: <" + to + ">\r\nSubject: [...]\r\n"
                + "Message-ID: <" + System.nanoTime() + "." + Thread.currentThread().threadId() + "@bench.localhost>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n");
        while (b.length() < size) {
            b.append("relaycert bench message relaycert bench message relaycert bench message\r\n");
        }
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
