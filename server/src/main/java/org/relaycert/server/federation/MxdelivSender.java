package org.relaycert.server.federation;

import java.io.BufferedOutputStream;
import org.relaycert.server.delivery.SpooledMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLSocket;
import org.relaycert.server.delivery.Reply;

/**
 * filtermail-transport's HTTPS path (spec 8.3): {@code POST https://<mx>/mxdeliv} with {@code X-Mail-From}
 * (left out for bounces) and one {@code X-Mail-To} per recipient, the raw message as body. 2xx delivers all
 * recipients; 400 carries the SMTP reply line of a real rejection; anything else is an HTTPS failure and the
 * caller falls back to SMTP. HTTP/1.1 by hand so the dial address and the verified host name can differ.
 */
final class MxdelivSender {
    private final OutboundTrust trust;
    private final java.util.Optional<InetAddress> source;

    MxdelivSender(OutboundTrust trust) {
        this(trust, java.util.Optional.empty());
    }

    /** {@code source}: the local address to connect from (an address-literal relay's own); empty: any. */
    MxdelivSender(OutboundTrust trust, java.util.Optional<InetAddress> source) {
        this.trust = trust;
        this.source = source;
    }

    Attempt send(String host, InetAddress address, int port, DestinationTls tls, String mailFrom,
                 List<String> recipients, SpooledMessage message) {
        try (Socket plain = new Socket()) {
            plain.setTcpNoDelay(true); // header, body and TLS records go out at once: no delayed-ACK stall
            if (source.isPresent()) {
                plain.bind(new InetSocketAddress(source.get(), 0));
            }
            plain.connect(new InetSocketAddress(address, port), 10_000);
            plain.setSoTimeout(60_000);
            SSLSocket s = trust.wrap(plain, host, tls);
            String hostHeader = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
            StringBuilder head = new StringBuilder("POST /mxdeliv HTTP/1.1\r\nHost: ").append(hostHeader).append("\r\n");
            if (!mailFrom.isEmpty()) {
                head.append("X-Mail-From: ").append(mailFrom).append("\r\n");
            }
            recipients.forEach(r -> head.append("X-Mail-To: ").append(r).append("\r\n"));
            head.append("Content-Type: message/rfc822\r\nContent-Length: ").append(message.size())
                    .append("\r\nConnection: close\r\n\r\n");
            OutputStream out = new BufferedOutputStream(s.getOutputStream());
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            try (InputStream content = message.open()) {
                content.transferTo(out);
            }
            out.flush();
            InputStream in = s.getInputStream();
            String status = line(in);
            String[] parts = status.split(" ", 3);
            int code = Integer.parseInt(parts[1]);
            int length = -1;
            String l;
            while (!(l = line(in)).isEmpty()) {
                if (l.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(l.substring(15).strip());
                }
            }
            byte[] body = length >= 0 ? in.readNBytes(length) : in.readAllBytes();
            String text = new String(body, StandardCharsets.UTF_8).strip();
            Map<String, Reply> replies = new LinkedHashMap<>();
            if (code / 100 == 2) {
                recipients.forEach(r -> replies.put(r, Reply.plain(250, "OK (HTTPS)")));
                return new Attempt(replies, null);
            }
            if ((code == 400 || code == 413) && text.matches("[245]\\d\\d .*")) {
                Reply rejected = Reply.plain(Integer.parseInt(text.substring(0, 3)), text.substring(4));
                recipients.forEach(r -> replies.put(r, rejected));
                return new Attempt(replies, null);
            }
            return Attempt.failed("mxdeliv answered " + status);
        } catch (IOException | RuntimeException e) {
            return Attempt.failed("mxdeliv with " + host + " failed: " + e.getMessage());
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                b.write(c);
            }
        }
        if (c == -1 && b.size() == 0) {
            throw new IOException("connection closed");
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }
}
