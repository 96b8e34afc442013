package org.relaycert.conformance.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.relaycert.conformance.Evidence;
import org.relaycert.wire.ImapResponse;
import org.relaycert.wire.ImapSession;
import org.relaycert.wire.SmtpReply;
import org.relaycert.wire.SmtpSession;
import org.relaycert.conformance.targets.Credentials;
import org.relaycert.conformance.targets.Target;
import org.relaycert.conformance.verdict.PreconditionFailed;
import org.relaycert.fixtures.mail.MessageFactory;

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
                ev.transcript(label, s.transcript());
                throw new PreconditionFailed("the suite's account " + from.address() + " logged in for submission", "AUTH -> " + auth);
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

    /**
     * Submits the suite's own test mail where its acceptance only sets the situation up: anything but 250 is a
     * failed precondition (with the reply and the transcript in the evidence), never the rule's FAIL.
     */
    public static SmtpReply submitAccepted(Target t, Evidence ev, String label, Credentials from, List<String> to,
                                           String message) throws IOException {
        SmtpReply r = submit(t, ev, label, from, to, message);
        if (r.code() != 250) {
            throw new PreconditionFailed("the suite's test mail accepted at submission (" + label + ")", r.toString());
        }
        return r;
    }

    /** The Message-ID of a message the suite built ({@code <...>}), to find it in an INBOX. */
    public static String messageId(String message) {
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("(?im)^Message-ID: *(<[^>]+>)").matcher(message);
        if (!id.find()) {
            throw new IllegalArgumentException("the suite's message has no Message-ID");
        }
        return id.group(1);
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

    /** The newest message in the INBOX of {@code c}, waiting for it; its absence is a failed precondition ({@code what}). */
    public static String deliveredForSetUp(Target t, Credentials c, String what) throws IOException {
        return delivered(t, c).orElseThrow(() -> new PreconditionFailed(what,
                "nothing reached " + c.address() + " within " + ARRIVAL.toSeconds() + " s"));
    }

    /**
     * A negative read ("nothing of the probe was delivered to {@code c}") that waits as long as delivery takes on this
     * relay: after the probe, {@code sender} submits a positive control (encrypted, as Delta Chat sends it) to
     * {@code c}; once the control is in the INBOX, a probe the relay had taken would be there too (the relay
     * delivers what it took first no later than what it took after; {@link #SETTLE} more covers a relay that
     * delivers in parallel). Returns every message of the INBOX but the control. The control refused, or not
     * delivered within {@link #ARRIVAL}, is a failed precondition: nothing can be said about the probe then.
     */
    public static List<String> deliveredBesidesControl(Target t, Evidence ev, Credentials sender, Credentials c)
            throws IOException {
        String control = MessageFactory.encrypted(sender.address(), List.of(c.address()));
        String messageId = messageId(control);
        submitAccepted(t, ev, "positive control after the probe", sender, List.of(c.address()), control);
        long deadline = System.nanoTime() + ARRIVAL.toNanos();
        while (true) {
            List<String> all = all(t, c);
            if (all.stream().anyMatch(m -> m.contains(messageId))) {
                sleep(SETTLE, c);
                List<String> others = all(t, c).stream().filter(m -> !m.contains(messageId)).toList();
                ev.line("positive control " + messageId + " delivered to " + c.address() + "; other messages there: " + others.size());
                return others;
            }
            if (System.nanoTime() > deadline) {
                throw new PreconditionFailed("the positive control sent after the probe delivered to " + c.address(),
                        "not in the INBOX within " + ARRIVAL.toSeconds() + " s");
            }
            sleep(Duration.ofMillis(200), c);
        }
    }

    /** How many messages the INBOX of {@code c} holds once {@code atLeast} arrived or {@code wait} passed. */
    public static int count(Target t, Credentials c, int atLeast, Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        try (ImapSession s = login(t, c)) {
            while (true) {
                ImapResponse select = s.command("SELECT INBOX");
                int n = select.untagged().stream().filter(l -> l.matches("\\* \\d+ EXISTS"))
                        .mapToInt(l -> Integer.parseInt(l.split(" ")[1])).findFirst().orElse(0);
                if (n >= atLeast || System.nanoTime() > deadline) {
                    s.logout();
                    return n;
                }
                sleep(Duration.ofMillis(200), c);
            }
        }
    }

    /** Every message in the INBOX of {@code c}, raw. */
    private static List<String> all(Target t, Credentials c) throws IOException {
        try (ImapSession s = login(t, c)) {
            ImapResponse select = s.command("SELECT INBOX");
            if (select.untagged().stream().anyMatch(l -> l.matches("\\* 0 EXISTS"))) {
                s.logout();
                return List.of();
            }
            ImapResponse fetch = s.command("FETCH 1:* BODY.PEEK[]");
            s.logout();
            return fetch.untagged().stream().filter(l -> l.contains("FETCH") && l.contains("\r\n"))
                    .map(l -> l.substring(l.indexOf("\r\n") + 2)).toList();
        }
    }

    /** The suite's account logged in over IMAP: a set-up step of every read. */
    private static ImapSession login(Target t, Credentials c) throws IOException {
        ImapSession s = ImapSession.open(t.primary().imaps(), t.trust());
        ImapResponse r = s.login(c.address(), c.password());
        if (!r.ok()) {
            s.close();
            throw new PreconditionFailed("the suite's account " + c.address() + " logged in over IMAP", r.tagged().toString());
        }
        return s;
    }

    private static void sleep(Duration d, Credentials c) throws IOException {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for mail to " + c.address(), e);
        }
    }

    /** The newest message in the INBOX of {@code c}, raw (header and body), polling up to {@code wait}. */
    private static Optional<String> newest(Target t, Credentials c, Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        try (ImapSession s = login(t, c)) {
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
