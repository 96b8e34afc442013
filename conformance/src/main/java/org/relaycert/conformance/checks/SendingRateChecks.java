package org.relaycert.conformance.checks;

import org.relaycert.conformance.mail.FederationMail;
import org.relaycert.conformance.mail.PolicyMail;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.relaycert.conformance.ConformanceCheck;
import org.relaycert.conformance.Evidence;
import org.relaycert.conformance.NeedsTargetAlone;
import org.relaycert.conformance.RequirementId;
import org.relaycert.conformance.client.RelayHttps;
import org.relaycert.wire.SmtpReply;
import org.relaycert.wire.SmtpSession;
import org.relaycert.conformance.targets.Credentials;
import org.relaycert.conformance.targets.RelayUnderTest;
import org.relaycert.conformance.targets.Target;
import org.relaycert.conformance.targets.TimeControl;
import org.relaycert.conformance.verdict.Precondition;
import org.relaycert.fixtures.mail.MessageFactory;

/**
 * Limits that must never get in the way of chatting. The floor is chatmail's own default (60 messages a
 * minute, bursts of 10, 30 MiB per message): a relay may be more generous, never stricter.
 */
@ConformanceCheck
@NeedsTargetAlone("moves the relays' clock")
class SendingRateChecks {
    /** chatmail's max_message_size. */
    static final long CHATMAIL_MAX_MESSAGE_SIZE = 31_457_280L;
    /** A reply slower than this counts as an added delay (tarpitting). */
    static final Duration NO_ADDED_DELAY = Duration.ofSeconds(3);
    /** How long the accepted messages may take to be in the mailboxes: relays deliver after their 250, asynchronously. */
    static final Duration DELIVERY = Duration.ofSeconds(15);

    @Test
    @RequirementId("RATE-01")
    void chattingRateAccepted(Target t, Evidence ev) throws Exception {
        RelayUnderTest relay = t.primary();
        Credentials a = relay.account();
        Credentials b = relay.account();
        byte[] message = MessageFactory.encrypted(a.address(), List.of(b.address())).getBytes(StandardCharsets.UTF_8);
        Optional<TimeControl> time = t.time();
        ev.line(time.isPresent() ? "time: the target's clock is moved 1 s before each of the last 60 messages"
                : "time: the last 60 messages are paced 1 s apart in real time");
        long slowestNanos = 0;
        try (SmtpSession s = SmtpSession.open(relay.smtps(), t.trust())) {
            s.ehlo("relaycert.test");
            SmtpReply auth = s.authPlain(a.address(), a.password());
            if (!auth.positive()) {
                ev.transcript("submission", s.transcript());
            }
            Precondition.require(auth.positive(), "the suite's account logged in for submission", auth.toString());
            long next = System.nanoTime();
            for (int i = 1; i <= 70; i++) {
                if (i > 10) {
                    if (time.isPresent()) {
                        time.get().advance(Duration.ofSeconds(1));
                    } else {
                        next += Duration.ofSeconds(1).toNanos();
                        LockSupport.parkNanos(next - System.nanoTime()); // pacing the sender, not waiting for the relay
                    }
                }
                long start = System.nanoTime();
                SmtpReply r = s.sendMail(a.address(), List.of(b.address()), message);
                long took = System.nanoTime() - start;
                slowestNanos = Math.max(slowestNanos, took);
                ev.figure("send_ms", took / 1e6);
                assertThat(r.code()).as("message %d of 70 (%s): %s", i, i <= 10 ? "burst" : "one per second", r).isEqualTo(250);
                if (i == 10) {
                    // the even spread starts when the burst is over: one per second leaves a GCRA no slack
                    next = System.nanoTime();
                }
            }
            s.quit();
        }
        ev.line("slowest transaction: " + slowestNanos / 1_000_000 + " ms");
        assertThat(Duration.ofNanos(slowestNanos)).as("no added delay").isLessThan(NO_ADDED_DELAY);
        // accepted is not enough: a relay that answers 250 and drops mail over some count breaks the rule too
        int inbox = PolicyMail.count(t, b, 70, DELIVERY);
        ev.line("delivered to " + b.address() + ": " + inbox + " of 70");
        assertThat(inbox).as("messages of the 70 accepted that reached the recipient's INBOX").isEqualTo(70);
    }

    @Test
    @RequirementId("RATE-02")
    void groupMessageAccepted(Target t, Evidence ev) throws Exception {
        RelayUnderTest relay = t.primary();
        Credentials a = relay.account();
        List<String> members = new ArrayList<>();
        List<Credentials> accounts = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Credentials>> made = new ArrayList<>();
            for (int i = 0; i < 51; i++) {
                made.add(pool.submit(relay::account));
            }
            for (Future<Credentials> f : made) {
                accounts.add(Precondition.step("51 accounts created", f::get));
                members.add(accounts.get(accounts.size() - 1).address());
            }
        } finally {
            pool.shutdownNow();
        }
        SmtpReply r = PolicyMail.submit(t, ev, "group of 51", a, members, MessageFactory.encrypted(a.address(), members));
        assertThat(r.code()).as("one message to %d recipients: %s", members.size(), r).isEqualTo(250);
        // accepted is not enough: every member must get it (one deadline for all, a relay delivers asynchronously)
        long deadline = System.nanoTime() + DELIVERY.toNanos();
        List<String> missing = new ArrayList<>();
        for (Credentials m : accounts) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            if (PolicyMail.count(t, m, 1, left) < 1) {
                missing.add(m.address());
            }
        }
        ev.line("delivered to " + (accounts.size() - missing.size()) + " of " + accounts.size() + " members");
        assertThat(missing).as("members the accepted group message never reached").isEmpty();
    }

    @Test
    @RequirementId("RATE-03")
    void messageSizeLimit(Target t, Evidence ev) throws Exception {
        RelayUnderTest relay = t.primary();
        Credentials a = relay.account();
        Credentials b = relay.account();
        String under = MessageFactory.encryptedOfSize(a.address(), b.address(), CHATMAIL_MAX_MESSAGE_SIZE - 1024);
        try (SmtpSession s = SmtpSession.open(relay.smtps(), t.trust())) {
            SmtpReply ehlo = s.ehlo("relaycert.test");
            List<String> size = ehlo.parameters("SIZE");
            ev.line("EHLO SIZE " + size);
            assertThat(ehlo.advertises("SIZE")).as("SIZE in %s", ehlo).isTrue();
            long limit = size.isEmpty() || size.get(0).isBlank() ? CHATMAIL_MAX_MESSAGE_SIZE : Long.parseLong(size.get(0));
            assertThat(limit).as("advertised SIZE is at least chatmail's").isGreaterThanOrEqualTo(CHATMAIL_MAX_MESSAGE_SIZE);
            s.authPlain(a.address(), a.password());
            byte[] underBytes = under.getBytes(StandardCharsets.US_ASCII);
            SmtpReply accepted = s.sendMail(a.address(), "SIZE=" + underBytes.length, List.of(b.address()), underBytes);
            assertThat(accepted.code()).as("%d octets, just under 30 MiB: %s", underBytes.length, accepted).isEqualTo(250);
            byte[] overBytes = ("X-Pad: " + "o".repeat((int) (limit - underBytes.length) + 1000) .replaceAll("(.{900})", "$1\r\n ")
                    + "\r\n" + under).getBytes(StandardCharsets.US_ASCII);
            SmtpReply declared = s.command("MAIL FROM:<" + a.address() + "> SIZE=" + overBytes.length);
            assertThat(declared.code()).as("MAIL with SIZE=%d over the limit: %s", overBytes.length, declared).isEqualTo(552);
            SmtpReply undeclared = s.sendMail(a.address(), List.of(b.address()), overBytes);
            assertThat(undeclared.code()).as("%d octets without SIZE=: %s", overBytes.length, undeclared).isEqualTo(552);
            s.quit();
            ev.line("sent " + underBytes.length + " (accepted) and " + overBytes.length + " octets (refused twice)");
        }
    }
    @Test
    @RequirementId("RATE-04")
    void firstContactNotGreylisted(Target t, Evidence ev) throws Exception {
        RelayUnderTest relay = t.primary();
        Credentials b = relay.account();
        Credentials c = relay.account();
        // a sender and a recipient never seen before: whatever a greylist keys on, this is a first contact
        String first = "first-" + java.util.UUID.randomUUID() + "@" + PolicyMail.FOREIGN;
        List<String> to = List.of(b.address());
        try (SmtpSession s = SmtpSession.open(relay.smtp(), null)) {
            s.ehlo(PolicyMail.FOREIGN);
            s.startTls(t.trust());
            s.ehlo(PolicyMail.FOREIGN);
            SmtpReply mail = s.command("MAIL FROM:<" + first + ">");
            SmtpReply rcpt = s.command("RCPT TO:<" + b.address() + ">");
            s.command("RSET");
            SmtpReply whole = s.sendMail(first, to, MessageFactory.encrypted(first, to).getBytes(StandardCharsets.UTF_8));
            s.quit();
            ev.transcript("port 25, first contact", s.transcript());
            assertThat(mail.code()).as("MAIL FROM a new sender: %s", mail).isEqualTo(250);
            assertThat(rcpt.code()).as("RCPT TO at first contact: %s", rcpt).isEqualTo(250);
            assertThat(whole.code() / 100).as("the first message: %s (a 4xx defers it)", whole).isNotEqualTo(4);
        }
        String other = "first-" + java.util.UUID.randomUUID() + "@" + PolicyMail.FOREIGN;
        var http = FederationMail.mxdeliv(t, relay, other, List.of(c.address()),
                MessageFactory.encrypted(other, List.of(c.address())), ev);
        if (http.statusCode() == 404) {
            ev.line("/mxdeliv not served: port 25 alone judged");
            return;
        }
        assertThat(http.body().strip()).as("/mxdeliv at first contact: %d", http.statusCode()).doesNotStartWith("4");
    }
}
