package org.relaycert.conformance.latency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.relaycert.conformance.Evidence;
import org.relaycert.wire.ImapResponse;
import org.relaycert.wire.ImapSession;
import org.relaycert.wire.SmtpReply;
import org.relaycert.wire.SmtpSession;
import org.relaycert.wire.Transcript;
import org.relaycert.conformance.targets.Credentials;
import org.relaycert.conformance.targets.RelayUnderTest;
import org.relaycert.conformance.verdict.PreconditionFailed;

/**
 * One latency run with raw protocol clients ({@link LatencyMethod}): the sender submits on its relay's
 * port 465, the recipient idles on its relay's port 993, and each message is timed from the final "." to
 * the {@code EXISTS} that announces it.
 */
public final class LatencyProbe {
    private static final Pattern EXISTS = Pattern.compile("\\* (\\d+) EXISTS");

    /** An account on a relay. */
    public record Party(RelayUnderTest relay, Credentials account) {
        String address() {
            return account.address();
        }
    }

    /** What a run measured and the transcripts of both sides (the last lines). */
    public record Result(LatencySamples samples, Transcript submission, Transcript idle) {
    }

    /** The relay refused to take a message for the recipient at all (a 4xx/5xx before the message was sent). */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        private final boolean permanent;

        Refused(String stage, SmtpReply reply) {
            super(stage + " refused: " + String.join(" / ", reply.lines()));
            this.permanent = reply.code() >= 500;
        }

        /** A 5xx: the relay will never take this message; a 4xx may be load, and is the relay's to answer for. */
        public boolean permanent() {
            return permanent;
        }
    }

    private final SSLContext trust;
    private final BiFunction<String, String, String> message;
    private Duration spacing = Duration.ZERO;
    private Predicate<LatencySamples> decided = s -> false;
    private Evidence evidence;

    /** {@code message}: (from, to) -> a message the relay must deliver. */
    public LatencyProbe(SSLContext trust, BiFunction<String, String, String> message) {
        this.trust = trust;
        this.message = message;
    }

    /** Lets at least this much time pass between the starts of two messages (the run stays sequential). */
    public LatencyProbe spacing(Duration d) {
        this.spacing = d;
        return this;
    }

    /** Where the submission transcript goes when the suite's own message is refused (a failed precondition). */
    public LatencyProbe evidence(Evidence ev) {
        this.evidence = ev;
        return this;
    }

    /** Stops the run early once this says the verdict can no longer change. */
    public LatencyProbe stopWhen(Predicate<LatencySamples> verdictDecided) {
        this.decided = verdictDecided;
        return this;
    }

    /**
     * {@code n} timed messages from accounts of {@code from}'s relay (the given one first, then fresh ones) to
     * {@code to}. A sender sends at most {@link LatencyMethod#MESSAGES_PER_SENDER} messages, one uncounted
     * first, so chatmail's per-user send limit (a burst of 10, then 60 a minute) never shapes the figure.
     */
    public Result run(Party from, Party to, int n) throws Exception {
        LatencySamples samples = new LatencySamples();
        Transcript submission = null;
        try (ImapSession imap = ImapSession.open(to.relay().imaps(), trust)) {
            ImapResponse login = imap.login(to.address(), to.account().password());
            if (!login.ok()) {
                throw new IOException("recipient login failed: " + login.tagged());
            }
            long expected = existing(imap.command("SELECT INBOX").untagged());
            if (imap.idle().isEmpty()) {
                throw new IOException("IDLE refused");
            }
            try (IdleWatcher watcher = new IdleWatcher(imap)) {
                Party sender = from;
                long nextStart = System.nanoTime();
                int i = 0;
                while (i < n && !decided.test(samples)) {
                    try (SmtpSession smtp = submission(sender)) {
                        submission = smtp.transcript();
                        // Warm-up: a sender's first message may pay for lazy set-up; it is not counted.
                        if (send(smtp, sender, to) >= 0) {
                            expected++;
                            watcher.awaitCount(expected, LatencyMethod.LOSS_TIMEOUT);
                        }
                        for (int k = 1; k < LatencyMethod.MESSAGES_PER_SENDER && i < n && !decided.test(samples); k++, i++) {
                            long wait = nextStart - System.nanoTime();
                            if (wait > 0) {
                                Thread.sleep(Duration.ofNanos(wait));
                            }
                            nextStart = System.nanoTime() + spacing.toNanos();
                            long sentAt = send(smtp, sender, to);
                            if (sentAt < 0) {
                                samples.lose();
                                continue;
                            }
                            expected++;
                            IdleWatcher.Exists e = watcher.awaitCount(expected, LatencyMethod.LOSS_TIMEOUT);
                            if (e == null) {
                                samples.lose();
                            } else {
                                samples.add(Math.max(0, e.nanos() - sentAt) / 1e6);
                            }
                        }
                        smtp.quit();
                    }
                    sender = new Party(from.relay(), from.relay().account());
                }
            }
            return new Result(samples, submission, imap.transcript());
        }
    }

    private SmtpSession submission(Party sender) throws IOException {
        SmtpSession smtp = SmtpSession.open(sender.relay().smtps(), trust);
        smtp.ehlo("relaycert.test");
        SmtpReply auth = smtp.authPlain(sender.address(), sender.account().password());
        if (auth.code() != 235) {
            smtp.close();
            throw new IOException("sender login failed: " + auth);
        }
        return smtp;
    }

    /**
     * One message; returns {@link System#nanoTime()} at the send of the final ".", or -1 when the end of
     * DATA was answered 4xx (counted lost). A 5xx there is a failed precondition: the relay refuses the suite's test
     * message itself, which says nothing about its latency. A refusal before DATA ends the run ({@link Refused}).
     */
    private long send(SmtpSession smtp, Party from, Party to) throws IOException, Refused {
        SmtpReply r = smtp.command("MAIL FROM:<" + from.address() + ">");
        if (!r.positive()) {
            throw new Refused("MAIL FROM", r);
        }
        r = smtp.command("RCPT TO:<" + to.address() + ">");
        if (!r.positive()) {
            smtp.command("RSET");
            throw new Refused("RCPT TO", r);
        }
        r = smtp.command("DATA");
        if (r.code() != 354) {
            throw new Refused("DATA", r);
        }
        smtp.sendRaw(dotStuffed(message.apply(from.address(), to.address())), "<message>");
        smtp.send(".");
        long sentAt = System.nanoTime();
        SmtpReply end = smtp.readReply();
        if (end.code() >= 500) {
            // the relay will never take the suite's test message: no latency can be measured, nothing was lost
            if (evidence != null) {
                evidence.transcript("submission refused", smtp.transcript());
            }
            throw new PreconditionFailed("the suite's test mail accepted at the end of DATA", end.toString());
        }
        return end.code() == 250 ? sentAt : -1;
    }

    /** RFC 5321 section 4.5.2 transparency, CRLF line ends, a final CRLF. */
    static byte[] dotStuffed(String message) {
        String text = message.replaceAll("(?<!\r)\n", "\r\n");
        if (!text.endsWith("\r\n")) {
            text += "\r\n";
        }
        String stuffed = (text.startsWith(".") ? "." : "") + text.replace("\r\n.", "\r\n..");
        return stuffed.getBytes(StandardCharsets.UTF_8);
    }

    private static long existing(List<String> untagged) {
        for (String line : untagged) {
            Matcher m = EXISTS.matcher(line);
            if (m.matches()) {
                return Long.parseLong(m.group(1));
            }
        }
        return 0;
    }
}
