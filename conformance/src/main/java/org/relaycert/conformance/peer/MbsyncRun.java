package org.relaycert.conformance.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.net.ssl.SSLSocket;
import org.relaycert.conformance.Evidence;
import org.relaycert.conformance.client.ClientSockets;
import org.relaycert.conformance.targets.Credentials;
import org.relaycert.conformance.targets.Endpoint;
import org.relaycert.conformance.targets.RelayUnderTest;
import org.relaycert.conformance.targets.Target;

/**
 * mbsync (isync) as a standard IMAP client of the relay: a message written into a local Maildir is uploaded
 * over STARTTLS on 143, a second, empty Maildir then downloads it, and a run without TLS must not log in.
 * mbsync checks certificates itself; it is given the certificate the relay presented (already verified by
 * the suite's trust), which it trusts as an exact match. mbsync has no setting for its source address, so it
 * connects from the system's choice even when the run sets {@code chatmail.bind}; the suite's own connections
 * (the certificate fetch here) honour it.
 */
public final class MbsyncRun {
    private static final Duration RUN = Duration.ofSeconds(60);

    private MbsyncRun() {
    }

    /** {@code dir}: the run's Maildirs, configurations and logs (the caller deletes it). */
    public static void syncBothWaysAndRefusePlaintext(Target t, Evidence ev, Path dir) throws Exception {
        PeerTool mbsync = PeerTool.require("mbsync");
        RelayUnderTest relay = t.primary();
        Credentials c = relay.account();
        Path cert = writePresentedCertificate(t, relay.imaps(), dir.resolve("relay.pem"));
        String subject = "mbsync " + UUID.randomUUID();
        Path up = maildir(dir.resolve("up"));
        Files.writeString(up.resolve("INBOX/new/1.relaycert"), "From: " + c.address() + "\r\nTo: " + c.address()
                + "\r\nSubject: " + subject + "\r\nMessage-ID: <" + UUID.randomUUID() + "@relaycert.test>\r\n\r\nsynced by mbsync\r\n",
                StandardCharsets.US_ASCII);
        PeerTool.Run upload = mbsync.run(dir, RUN, List.of("-c", config(dir, "up", relay.imap(), c, cert, "STARTTLS").toString(), "-V", "sync"));
        ev.line(redact(upload.describe(), c));
        Path down = maildir(dir.resolve("down"));
        PeerTool.Run download = mbsync.run(dir, RUN, List.of("-c", config(dir, "down", relay.imap(), c, cert, "STARTTLS").toString(), "-V", "sync"));
        ev.line(redact(download.describe(), c));
        PeerTool.Run plain = mbsync.run(dir, RUN, List.of("-c", config(dir, "plain", relay.imap(), c, cert, "None").toString(), "sync"));
        ev.line(redact(plain.describe(), c));

        assertThat(upload.exitCode()).as("mbsync upload over STARTTLS exits 0").isZero();
        assertThat(download.exitCode()).as("mbsync download over STARTTLS exits 0").isZero();
        assertThat(upload.output() + download.output()).as("mbsync reports no error").doesNotContainIgnoringCase("error");
        assertThat(contents(down)).as("the uploaded message arrives in a fresh Maildir").anyMatch(s -> s.contains(subject));
        assertThat(plain.exitCode()).as("mbsync without TLS on 143 must not log in").isNotZero();
    }

    private static Path maildir(Path root) throws Exception {
        for (String sub : List.of("cur", "new", "tmp")) {
            Files.createDirectories(root.resolve("INBOX").resolve(sub));
        }
        return root;
    }

    private static List<String> contents(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root.resolve("INBOX"))) {
            return files.filter(Files::isRegularFile).map(p -> {
                try {
                    return Files.readString(p, StandardCharsets.ISO_8859_1);
                } catch (Exception e) {
                    return "";
                }
            }).toList();
        }
    }

    private static Path config(Path dir, String name, Endpoint imap, Credentials c, Path cert, String sslType) throws Exception {
        Path maildir = dir.resolve(name);
        String rc = "IMAPAccount relay\nHost " + PeerTool.dialAddress(imap) + "\nPort " + imap.port() + "\nUser " + c.address()
                + "\nPass \"" + c.password().replace("\\", "\\\\").replace("\"", "\\\"") + "\"\nSSLType " + sslType
                + "\nCertificateFile " + cert + (sslType.equals("None") ? "\nAuthMechs LOGIN PLAIN" : "")
                + "\n\nIMAPStore far\nAccount relay\n\nMaildirStore near\nPath " + maildir + "/\nInbox " + maildir + "/INBOX\n\n"
                + "Channel sync\nFar :far:\nNear :near:\nPatterns INBOX\nCreate Both\nSync All\nSyncState *\n";
        Path file = dir.resolve(name + ".mbsyncrc");
        Files.writeString(file, rc, StandardCharsets.UTF_8);
        return file;
    }

    private static Path writePresentedCertificate(Target t, Endpoint imaps, Path file) throws Exception {
        // Named by its address, as mbsync dials it: no SNI, so the certificate is the one mbsync will be shown.
        Endpoint asDialled = new Endpoint(PeerTool.dialAddress(imaps), imaps.connectAddress(), imaps.port(), true, imaps.source(),
                imaps.answerTimeout());
        try (SSLSocket s = ClientSockets.layer(ClientSockets.connect(asDialled, Duration.ofSeconds(30)), asDialled, t.trust())) {
            ClientSockets.handshake(s, asDialled);
            StringBuilder pem = new StringBuilder();
            for (Certificate cert : s.getSession().getPeerCertificates()) {
                pem.append("-----BEGIN CERTIFICATE-----\n")
                        .append(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            }
            Files.writeString(file, pem.toString(), StandardCharsets.US_ASCII);
        }
        return file;
    }

    private static String redact(String text, Credentials c) {
        return text.replace(c.password(), "********");
    }
}
