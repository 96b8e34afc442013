package org.relaycert.server.federation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A one-connection SMTP server on 127.0.0.1 for sender tests: a fixed greeting, STARTTLS when given a
 * context, a fixed RCPT reply; completes {@link #data} with the message it took (or exceptionally).
 */
final class FakeMx implements AutoCloseable {
    final CompletableFuture<String> data = new CompletableFuture<>();
    private final ServerSocket server;

    FakeMx(String greeting, String rcptReply, SSLContext tls) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> serve(greeting, rcptReply, tls), "fake-mx");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve(String greeting, String rcptReply, SSLContext tls) {
        try (Socket plain = server.accept()) {
            Socket s = plain;
            BufferedReader in = reader(s);
            PrintWriter out = writer(s.getOutputStream());
            out.print(greeting + "\r\n");
            out.flush();
            StringBuilder message = null;
            for (String line; (line = in.readLine()) != null; ) {
                if (message != null) {
                    if (line.equals(".")) {
                        reply(out, "250 2.0.0 taken");
                        data.complete(message.toString());
                        message = null;
                    } else {
                        message.append(line).append("\r\n");
                    }
                    continue;
                }
                String verb = line.split(" ", 2)[0].toUpperCase(java.util.Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> reply(out, tls != null ? "250-fake\r\n250 STARTTLS" : "250 fake");
                    case "STARTTLS" -> {
                        reply(out, "220 2.0.0 go ahead");
                        SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(s, null, s.getPort(), true);
                        secure.setUseClientMode(false);
                        secure.startHandshake();
                        s = secure;
                        in = reader(s);
                        out = writer(s.getOutputStream());
                        tls = null;
                    }
                    case "RCPT" -> reply(out, rcptReply);
                    case "DATA" -> {
                        reply(out, "354 go on");
                        message = new StringBuilder();
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        data.completeExceptionally(new IllegalStateException("no message"));
                        return;
                    }
                    default -> reply(out, "250 2.0.0 ok");
                }
            }
            data.completeExceptionally(new IllegalStateException("client closed"));
        } catch (IOException | RuntimeException e) {
            data.completeExceptionally(e);
        }
    }

    private static BufferedReader reader(Socket s) throws IOException {
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
    }

    private static PrintWriter writer(OutputStream o) {
        return new PrintWriter(o, false, StandardCharsets.US_ASCII);
    }

    private static void reply(PrintWriter out, String text) {
        out.print(text + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
