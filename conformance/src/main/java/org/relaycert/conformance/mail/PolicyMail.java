package org.relaycert.conformance.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.relaycert.conformance.Evidence;
import org.relaycert.conformance.client.ImapResponse;
import org.relaycert.conformance.client.ImapSession;
import org.relaycert.conformance.client.SmtpReply;
import org.relaycert.conformance.client.SmtpSession;
import org.relaycert.conformance.targets.Credentials;
import org.relaycert.conformance.targets.Target;

/** Sending as a user (465) or as another relay (25, STARTTLS), and reading what arrived (993). */
public final class PolicyMail {
    /** A sender domain of no relay in any world: mail "from another operator". */
    public static final String FOREIGN = "peer.relaycert.test";

    private PolicyMail() {
    }

    /** Submits as {@code from} (authenticated); returns the first refusal or the reply to the data. */
    public static SmtpReply submit(Target t, Evidence ev, String label, Credentials from, String mailFrom, List<String> to,
                            String message) throws IOException {
        try (SmtpSession s = SmtpSession.open(t.primary().smtps(), t.trust())) {
            s.ehlo("relaycert.test");
            SmtpReply auth = s.authPlain(from.address(), from.password());
            if (!auth.positive()) {
                throw new IOException("AUTH refused: " + auth);
            }
            SmtpReply r = s.sendMail(mailFrom, to, message.getBytes(StandardCharsets.UTF_8));
            s.quit();
            ev.transcript(label, s.transcript());
            return r;
        }
    }

    public static SmtpReply submit(Target t, Evidence ev, String label, Credentials from, List<String> to, String message)
            throws IOException {
        return submit(t, ev, label, from, from.address(), to, message);
    }

    /** As {@link #submit(Target, Evidence, String, Credentials, List, String)}, on port 587 after STARTTLS. */
    public static SmtpReply submitStartTls(Target t, Evidence ev, String label, Credentials from, List<String> to,
                                           String message) throws IOException {
        try (SmtpSession s = SmtpSession.open(t.primary().submission(), null)) {
            s.ehlo("relaycert.test");
            SmtpReply tls = s.startTls(t.trust());
            if (!tls.positive()) {
                throw new IOException("STARTTLS refused on submission: " + tls);
            }
            s.ehlo("relaycert.test");
            SmtpReply auth = s.authPlain(from.address(), from.password());
            if (!auth.positive()) {
                throw new IOException("AUTH refused: " + auth);
            }
            SmtpReply r = s.sendMail(from.address(), to, message.getBytes(StandardCharsets.UTF_8));
            s.quit();
            ev.transcript(label, s.transcript());
            return r;
        }
    }

    /** Delivers as another relay would, on port 25 after STARTTLS, without DKIM. */
    public static SmtpReply incoming(Target t, Evidence ev, String label, String mailFrom, List<String> to, String message)
            throws IOException {
        try (SmtpSession s = SmtpSession.open(t.primary().smtp(), null)) {
            s.ehlo(FOREIGN);
            s.startTls(t.trust());
            s.ehlo(FOREIGN);
            SmtpReply r = s.sendMail(mailFrom, to, message.getBytes(StandardCharsets.UTF_8));
            s.quit();
            ev.transcript(label, s.transcript());
            return r;
        }
    }

    /** How long a read for mail that must arrive waits: relays deliver after their 250, asynchronously. */
    static final Duration ARRIVAL = Duration.ofSeconds(15);
    /** How long a read for mail that must not arrive waits, so that a late asynchronous delivery still shows. */
    static final Duration SETTLE = Duration.ofSeconds(2);

    /** The newest message in the INBOX of {@code c}, waiting up to {@link #ARRIVAL} for one to arrive. */
    public static Optional<String> delivered(Target t, Credentials c) throws IOException {
        return newest(t, c, ARRIVAL);
    }

    /** The newest message in the INBOX of {@code c} after {@link #SETTLE}; empty when nothing came. */
    public static Optional<String> afterSettling(Target t, Credentials c) throws IOException {
        return newest(t, c, SETTLE);
    }

    /** The newest message in the INBOX of {@code c}, raw (header and body), polling up to {@code wait}. */
    private static Optional<String> newest(Target t, Credentials c, Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        try (ImapSession s = ImapSession.open(t.primary().imaps(), t.trust())) {
            if (!s.login(c.address(), c.password()).ok()) {
                throw new IOException("login refused for " + c.address());
            }
            while (true) {
                ImapResponse select = s.command("SELECT INBOX");
                boolean empty = select.untagged().stream().anyMatch(l -> l.matches("\\* 0 EXISTS"));
                if (!empty) {
                    ImapResponse fetch = s.command("FETCH * BODY.PEEK[]");
                    s.logout();
                    return fetch.untagged().stream().filter(l -> l.contains("FETCH")).findFirst()
                            .map(l -> l.substring(l.indexOf("\r\n") + 2));
                }
                if (System.nanoTime() > deadline) {
                    s.logout();
                    return Optional.empty();
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for mail to " + c.address(), e);
                }
            }
        }
    }
}
