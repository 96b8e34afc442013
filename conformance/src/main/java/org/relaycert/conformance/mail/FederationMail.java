package org.relaycert.conformance.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.relaycert.fixtures.mail.MessageFactory;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.relaycert.conformance.Evidence;
import org.relaycert.conformance.client.DeliveryReports;
import org.relaycert.wire.ImapResponse;
import org.relaycert.wire.ImapSession;
import org.relaycert.conformance.client.RelayHttps;
import org.relaycert.wire.SmtpReply;
import org.relaycert.wire.SmtpSession;
import org.relaycert.conformance.targets.Credentials;
import org.relaycert.conformance.targets.RelayUnderTest;
import org.relaycert.conformance.targets.Target;

/** Mail between relays as a user sees it: submit on one relay, find it (or its bounce) in an INBOX. */
public final class FederationMail {
    public static final Duration ARRIVAL = Duration.ofSeconds(30);
    private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)}\r\n");

    private FederationMail() {
    }

    /** An encrypted chat message (relays carry nothing else) that carries {@code token} in a header. */
    public static String message(String from, String to, String token) {
        return MessageFactory.encrypted(from, java.util.List.of(to), "[...]",
                "In-Reply-To: <" + token + "@relaycert.test>\r\n");
    }

    public static String token() {
        return UUID.randomUUID().toString();
    }

    /** Submits on 465 as {@code from}; returns the reply to the end of DATA (or the first refusal). */
    public static SmtpReply submit(Target t, RelayUnderTest relay, Credentials from, String to, String message, Evidence ev)
            throws IOException {
        try (SmtpSession s = SmtpSession.open(relay.smtps(), t.trust())) {
            s.ehlo("relaycert.test");
            SmtpReply auth = s.authPlain(from.address(), from.password());
            if (!auth.positive()) {
                ev.transcript("submission on " + relay.domain(), s.transcript());
                throw new org.relaycert.conformance.verdict.PreconditionFailed("the suite's account " + from.address()
                        + " logged in for submission on " + relay.domain(), "AUTH -> " + auth);
            }
            SmtpReply r = s.sendMail(from.address(), List.of(to), message.getBytes(StandardCharsets.UTF_8));
            ev.transcript("submission on " + relay.domain(), s.transcript());
            return r;
        }
    }

    /** The raw text of the first INBOX message containing {@code token}, waiting up to {@code timeout}. */
    public static Optional<String> await(Target t, RelayUnderTest relay, Credentials owner, String token, Duration timeout)
            throws IOException {
        try (ImapSession s = ImapSession.open(relay.imaps(), t.trust())) {
            s.login(owner.address(), owner.password());
            AtomicReference<String> found = new AtomicReference<>();
            try {
                Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
                    s.command("SELECT INBOX");
                    ImapResponse r = s.command("UID FETCH 1:* (BODY.PEEK[])");
                    for (String m : messages(r)) {
                        if (m.contains(token)) {
                            found.set(m);
                            return true;
                        }
                    }
                    return false;
                });
            } catch (ConditionTimeoutException e) {
                return Optional.empty();
            }
            return Optional.of(found.get());
        }
    }

    private static List<String> messages(ImapResponse r) {
        List<String> out = new ArrayList<>();
        for (String line : r.untagged()) {
            Matcher m = LITERAL.matcher(line);
            if (m.find()) {
                String rest = line.substring(m.end());
                int n = Integer.parseInt(m.group(1));
                out.add(rest.length() >= n ? rest.substring(0, Math.min(rest.length(), n)) : rest);
            }
        }
        return out;
    }

    /** {@code POST /mxdeliv} as another relay would; the status and the body. */
    public static RelayHttps.Answer mxdeliv(Target t, RelayUnderTest relay, String from, List<String> to, String message,
                                     Evidence ev) throws IOException {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        if (!from.isEmpty()) {
            headers.add(Map.entry("X-Mail-From", from));
        }
        to.forEach(r -> headers.add(Map.entry("X-Mail-To", r)));
        RelayHttps.Answer resp = RelayHttps.send(relay.https(), t.trust(),
                new RelayHttps.Request("POST", "/mxdeliv", headers, message), Duration.ofSeconds(10), Duration.ofSeconds(30));
        ev.line("POST https://" + relay.domain() + "/mxdeliv (to " + to + ") -> " + resp.statusCode() + " "
                + resp.body().strip());
        return resp;
    }

    /**
     * Whether an answer to {@code POST /mxdeliv} says nothing serves it: 404 (no such path), or 502 (a proxy such as
     * chatmail's nginx with no filtermail HTTP server behind it, as with the Python filtermail).
     */
    public static boolean notServed(RelayHttps.Answer answer) {
        return answer.statusCode() == 404 || answer.statusCode() == 502;
    }

    /** Port 25 with STARTTLS, as another relay; the reply to the end of DATA or the first refusal. */
    public static SmtpReply viaPort25(Target t, RelayUnderTest relay, String from, List<String> to, String message, Evidence ev)
            throws IOException {
        try (SmtpSession s = SmtpSession.open(relay.smtp(), null)) {
            s.ehlo("relaycert.test");
            s.startTls(t.trust());
            s.ehlo("relaycert.test");
            SmtpReply r = s.sendMail(from, to, message.getBytes(StandardCharsets.UTF_8));
            ev.transcript("port 25 of " + relay.domain(), s.transcript());
            return r;
        }
    }

    /** Delivers one message {@code from -> to} and returns the milliseconds from the 250 to its arrival. */
    public static OptionalLong deliver(Target t, RelayUnderTest from, RelayUnderTest to, Evidence ev) throws Exception {
        Credentials sender = from.account();
        Credentials rcpt = to.account();
        String token = token();
        long start = System.nanoTime();
        SmtpReply sent = submit(t, from, sender, rcpt.address(), message(sender.address(), rcpt.address(), token), ev);
        if (sent.code() != 250) {
            ev.line(from.domain() + " -> " + to.domain() + ": submission refused " + sent);
            return OptionalLong.empty();
        }
        Arrival got = awaitArrivalOrBounce(t, to, rcpt, from, sender, token, ARRIVAL);
        if (got.message().isEmpty()) {
            got.bounce().ifPresent(b -> ev.line("bounce at " + from.domain() + ": " + b.lines()
                    .filter(l -> l.startsWith("<") || l.startsWith("Diagnostic-Code")).toList()));
            return OptionalLong.empty();
        }
        return OptionalLong.of((System.nanoTime() - start) / 1_000_000);
    }

    /** The message in the recipient's INBOX, or the sender relay's failure report for it, or neither. */
    public record Arrival(Optional<String> message, Optional<String> bounce) {
    }

    /**
     * Waits up to {@code timeout} for the message carrying {@code token} in the recipient's INBOX, and stops
     * early when the sender's INBOX holds a delivery status notification saying delivery to that recipient
     * failed ({@code Action: failed}, RFC 3464): then the relay has given the message up, and waiting longer
     * cannot change the outcome. A report of delay is no such evidence; without a report the wait is the whole
     * timeout. After the wait, the sender's INBOX is looked at once more for the report.
     */
    public static Arrival awaitArrivalOrBounce(Target t, RelayUnderTest to, Credentials rcpt, RelayUnderTest from,
                                        Credentials sender, String token, Duration timeout) throws IOException {
        try (ImapSession inbox = ImapSession.open(to.imaps(), t.trust());
             ImapSession senderInbox = ImapSession.open(from.imaps(), t.trust())) {
            inbox.login(rcpt.address(), rcpt.password());
            senderInbox.login(sender.address(), sender.password());
            AtomicReference<String> found = new AtomicReference<>();
            AtomicReference<String> bounce = new AtomicReference<>();
            AtomicInteger polls = new AtomicInteger();
            try {
                Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
                    found.set(withToken(inbox, token).orElse(null));
                    if (found.get() != null) {
                        return true;
                    }
                    // the sender's INBOX every 10th poll (0.5 s): the arrival time stays the recipient's alone
                    if (polls.incrementAndGet() % 10 != 0) {
                        return false;
                    }
                    bounce.set(withToken(senderInbox, token)
                            .filter(m -> DeliveryReports.failureFor(m, rcpt.address())).orElse(null));
                    return bounce.get() != null;
                });
            } catch (ConditionTimeoutException e) {
                bounce.set(withToken(senderInbox, token).orElse(null));
            }
            return new Arrival(Optional.ofNullable(found.get()), Optional.ofNullable(bounce.get()));
        }
    }

    private static Optional<String> withToken(ImapSession s, String token) throws IOException {
        s.command("SELECT INBOX");
        for (String m : messages(s.command("UID FETCH 1:* (BODY.PEEK[])"))) {
            if (m.contains(token)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    public record OptionalLong(Long value) {
        static OptionalLong empty() {
            return new OptionalLong(null);
        }

        static OptionalLong of(long v) {
            return new OptionalLong(v);
        }

        public boolean isPresent() {
            return value != null;
        }
    }
}
