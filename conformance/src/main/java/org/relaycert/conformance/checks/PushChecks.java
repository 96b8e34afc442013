package org.relaycert.conformance.checks;

import org.relaycert.conformance.mail.FederationMail;
import org.relaycert.conformance.mail.Messages;
import org.relaycert.conformance.mail.PolicyMail;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.relaycert.conformance.ConformanceCheck;
import org.relaycert.conformance.Evidence;
import org.relaycert.conformance.NeedsTargetAlone;
import org.relaycert.conformance.RequirementId;
import org.relaycert.wire.ImapResponse;
import org.relaycert.wire.ImapSession;
import org.relaycert.wire.SmtpReply;
import org.relaycert.wire.SmtpSession;
import org.relaycert.conformance.targets.Credentials;
import org.relaycert.conformance.targets.FederationControl;
import org.relaycert.conformance.targets.PushGatewayView;
import org.relaycert.conformance.targets.PushGatewayView.Notification;
import org.relaycert.conformance.targets.RelayUnderTest;
import org.relaycert.conformance.targets.Target;

/**
 * Push notifications (relay-spec 6): Delta Chat stores a device token with SETMETADATA and the relay
 * posts it to the notification gateway on every delivery. Where the gateway cannot be watched (a live
 * host posts to the real one) only the IMAP side is judged ({@link PushMetadataChecks}).
 */
@ConformanceCheck
@NeedsTargetAlone("stops a relay and makes the push gateway fail")
class PushChecks {
    /** chatmail posts within milliseconds; this leaves room for a loaded machine. */
    static final Duration NOTIFY_BOUND = Duration.ofSeconds(3);
    /** chatmail's first retry comes after 8 s. */
    static final Duration RETRY_BOUND = Duration.ofSeconds(25);
    private static final int MESSAGES = 10;
    private static final int MESSAGES_ACROSS = 5;
    /** Federation (DKIM signing, /mxdeliv or port 25) comes first; chatmail relays deliver in well under a second. */
    static final Duration ACROSS_BOUND = Duration.ofSeconds(10);
    private static final String TOKEN_ENTRY = "/private/devicetoken";
    private static final String NO_GATEWAY = "the relay posts to a notification gateway this run cannot watch";

    @Test
    @RequirementId("PUSH-01")
    void deliveryNotifiesOnce(Target t, Evidence ev) throws Exception {
        PushGatewayView gateway = Target.require(t.pushGateway(), NO_GATEWAY);
        Credentials rcpt = t.primary().account();
        Credentials sender = t.primary().account();
        String token = register(t, rcpt, ev);
        try (SmtpSession smtp = submission(t, sender)) {
            for (int i = 1; i <= MESSAGES; i++) {
                long start = System.nanoTime();
                send(smtp, sender.address(), rcpt.address());
                List<Notification> got = gateway.await(token, i, NOTIFY_BOUND);
                assertThat(got).as("notifications for message %d within %s", i, NOTIFY_BOUND).hasSize(i);
                ev.figure("push_latency_ms", (got.get(i - 1).arrivedNanos() - start) / 1e6);
            }
            ev.transcript("submission", smtp.transcript());
        }
        List<Notification> all = gateway.await(token, MESSAGES + 1, Duration.ofMillis(500));
        ev.line(all.size() + " notifications for " + MESSAGES + " messages");
        assertThat(all).as("exactly one notification per message").hasSize(MESSAGES)
                .allSatisfy(n -> assertThat(n.token()).isEqualTo(token));
    }

    @Test
    @RequirementId("PUSH-06")
    void crossRelayDeliveryNotifiesOnce(Target t, Evidence ev) throws Exception {
        PushGatewayView gateway = Target.require(t.pushGateway(), NO_GATEWAY);
        RelayUnderTest other = Target.require(t.secondRelay(), "the target has no relay of another operator to send from");
        Credentials rcpt = t.primary().account();
        Credentials sender = other.account();
        String token = register(t, rcpt, ev);
        for (int i = 1; i <= MESSAGES_ACROSS; i++) {
            long start = System.nanoTime();
            SmtpReply sent = FederationMail.submit(t, other, sender, rcpt.address(),
                    Messages.forDelivery(sender.address(), rcpt.address()), ev);
            org.relaycert.conformance.verdict.Precondition.require(sent.code() == 250, "the suite's test mail " + i + " taken by " + other.domain(), sent.toString());
            List<Notification> got = gateway.await(token, i, ACROSS_BOUND);
            assertThat(got).as("notifications for message %d from %s within %s", i, other.domain(), ACROSS_BOUND).hasSize(i);
            ev.figure("push_cross_relay_latency_ms", (got.get(i - 1).arrivedNanos() - start) / 1e6);
        }
        List<Notification> all = gateway.await(token, MESSAGES_ACROSS + 1, Duration.ofMillis(500));
        ev.line(all.size() + " notifications for " + MESSAGES_ACROSS + " messages from " + other.domain()
                + " (latency: from the sender's 250 to the gateway request, federation included)");
        assertThat(all).as("exactly one notification per message").hasSize(MESSAGES_ACROSS)
                .allSatisfy(n -> assertThat(n.token()).isEqualTo(token));
    }

    @Test
    @RequirementId("PUSH-02")
    void outageIsRetried(Target t, Evidence ev) throws Exception {
        PushGatewayView gateway = Target.require(t.pushGateway(), NO_GATEWAY);
        Credentials rcpt = t.primary().account();
        Credentials sender = t.primary().account();
        String token = register(t, rcpt, ev);
        gateway.failFirst(token, 1);
        long start = System.nanoTime();
        try (SmtpSession smtp = submission(t, sender)) {
            send(smtp, sender.address(), rcpt.address());
        }
        List<Notification> got = gateway.await(token, 1, RETRY_BOUND);
        got.forEach(n -> ev.line("gateway answered " + n.status() + " after " + (n.arrivedNanos() - start) / 1_000_000 + " ms"));
        assertThat(got).as("requests for the token").isNotEmpty();
        assertThat(got.get(0).status()).as("first attempt met the outage").isEqualTo(500);
        assertThat(got).as("a retry got through within %s", RETRY_BOUND).anySatisfy(n -> assertThat(n.status()).isEqualTo(200));
        Notification through = got.stream().filter(n -> n.status() == 200).findFirst().orElseThrow();
        ev.figure("push_retry_after_outage_ms", (through.arrivedNanos() - start) / 1e6);
    }

    @Test
    @RequirementId("PUSH-10")
    void pendingSurvivesRestart(Target t, Evidence ev) throws Exception {
        PushGatewayView gateway = Target.require(t.pushGateway(), NO_GATEWAY);
        FederationControl control = Target.require(t.federationControl(), "restarting the relay needs its operator (local world only)");
        Credentials rcpt = t.primary().account();
        Credentials sender = t.primary().account();
        String token = register(t, rcpt, ev);
        gateway.failFirst(token, 1);
        try (SmtpSession smtp = submission(t, sender)) {
            send(smtp, sender.address(), rcpt.address());
        }
        List<Notification> before = gateway.await(token, 1, Duration.ofSeconds(2));
        assertThat(before).as("the first attempt met the outage").singleElement()
                .satisfies(n -> assertThat(n.status()).isEqualTo(500));
        String domain = t.primary().domain();
        control.stop(domain);
        control.start(domain);
        long restarted = System.nanoTime();
        ev.line("relay " + domain + " restarted after the failed attempt, before its retry was due");
        List<Notification> got = gateway.await(token, 1, RETRY_BOUND);
        got.forEach(n -> ev.line("gateway answered " + n.status()));
        assertThat(got).as("the retry after the restart got through within %s", RETRY_BOUND)
                .anySatisfy(n -> assertThat(n.status()).isEqualTo(200));
        Notification through = got.stream().filter(n -> n.status() == 200).findFirst().orElseThrow();
        ev.figure("push_retry_after_restart_ms", (through.arrivedNanos() - restarted) / 1e6);
    }

    @Test
    @RequirementId("PUSH-03")
    void onlyForeignMailToTokenHoldersNotifies(Target t, Evidence ev) throws Exception {
        PushGatewayView gateway = Target.require(t.pushGateway(), NO_GATEWAY);
        Credentials rcpt = t.primary().account();
        Credentials sender = t.primary().account();
        String token = register(t, rcpt, ev);
        try (SmtpSession own = submission(t, rcpt)) {
            send(own, rcpt.address(), rcpt.address());
        }
        try (SmtpSession smtp = submission(t, sender)) {
            send(smtp, sender.address(), rcpt.address());
        }
        List<Notification> got = gateway.await(token, 2, Duration.ofSeconds(1));
        ev.line(got.size() + " notification(s) after a self-sent copy and one foreign message");
        assertThat(got).as("notified once, for the foreign message only").hasSize(1);
    }

    @Test
    @RequirementId("PUSH-08")
    void noTokenNoNotification(Target t, Evidence ev) throws Exception {
        PushGatewayView gateway = Target.require(t.pushGateway(), NO_GATEWAY);
        Credentials witness = t.primary().account();
        Credentials tokenless = t.primary().account();
        Credentials sender = t.primary().account();
        String token = register(t, witness, ev);
        try (SmtpSession smtp = submission(t, sender)) {
            send(smtp, sender.address(), witness.address());
            assertThat(gateway.await(token, 1, NOTIFY_BOUND)).as("the witness's own message notifies").hasSize(1);
            for (int i = 0; i < 3; i++) {
                send(smtp, sender.address(), tokenless.address());
            }
            ev.transcript("submission", smtp.transcript());
        }
        assertThat(PolicyMail.delivered(t, tokenless)).as("the tokenless user got the mail").isPresent();
        List<Notification> got = gateway.await(token, 2, Duration.ofSeconds(1));
        ev.line(got.size() + " notification(s) for the witness's token after 1 message to the witness and 3 to a user without a token");
        assertThat(got).as("the witness's device was woken only for its own message").hasSize(1);
    }

    @Test
    @RequirementId("PUSH-09")
    void goneTokenRemoved(Target t, Evidence ev) throws Exception {
        PushGatewayView gateway = Target.require(t.pushGateway(), NO_GATEWAY);
        Credentials rcpt = t.primary().account();
        Credentials sender = t.primary().account();
        String gone = register(t, rcpt, ev);
        String kept = register(t, rcpt, ev);
        gateway.gone(gone);
        try (SmtpSession smtp = submission(t, sender)) {
            send(smtp, sender.address(), rcpt.address());
            assertThat(gateway.await(kept, 1, NOTIFY_BOUND)).as("the other device is notified").hasSize(1);
            assertThat(gateway.await(gone, Integer.MAX_VALUE, Duration.ofMillis(500))).as("the gone token was tried once")
                    .singleElement().satisfies(n -> assertThat(n.status()).isEqualTo(410));
            send(smtp, sender.address(), rcpt.address());
            assertThat(gateway.await(kept, 2, NOTIFY_BOUND)).as("the other device is notified again").hasSize(2);
            ev.transcript("submission", smtp.transcript());
        }
        List<Notification> goneRequests = gateway.await(gone, Integer.MAX_VALUE, Duration.ofMillis(500));
        ev.line("requests for the gone token: " + goneRequests.size() + " (410 each)");
        assertThat(goneRequests).as("no request for the gone token after its 410").hasSize(1);
        try (ImapSession s = ImapSession.open(t.primary().imaps(), t.trust())) {
            s.login(rcpt.address(), rcpt.password());
            ImapResponse get = s.command("GETMETADATA INBOX " + TOKEN_ENTRY);
            ev.transcript("993", s.transcript());
            assertThat(String.join("\n", get.untagged("METADATA"))).as("tokens kept").contains(kept).doesNotContain(gone);
        }
    }

    private static String register(Target t, Credentials c, Evidence ev) throws IOException {
        String token = "relaycert-" + UUID.randomUUID();
        try (ImapSession s = ImapSession.open(t.primary().imaps(), t.trust())) {
            ImapResponse login = s.login(c.address(), c.password());
            org.relaycert.conformance.verdict.Precondition.require(login.ok(), "the suite's account " + c.address() + " logged in over IMAP", login.tagged());
            ImapResponse set = setToken(s, token);
            ev.transcript("register token", s.transcript());
            assertThat(set.ok()).as("SETMETADATA of a device token: %s", set.tagged()).isTrue();
            s.logout();
        }
        return token;
    }

    private static ImapResponse setToken(ImapSession s, String token) throws IOException {
        return s.command("SETMETADATA INBOX (" + TOKEN_ENTRY + " " + ImapSession.quote(token) + ")");
    }

    private static SmtpSession submission(Target t, Credentials c) throws IOException {
        SmtpSession smtp = SmtpSession.open(t.primary().smtps(), t.trust());
        smtp.ehlo("relaycert.test");
        SmtpReply auth = smtp.authPlain(c.address(), c.password());
        if (auth.code() != 235) {
            smtp.close();
        }
        org.relaycert.conformance.verdict.Precondition.require(auth.code() == 235, "the suite's account " + c.address() + " logged in for submission", auth.toString());
        return smtp;
    }

    private static void send(SmtpSession smtp, String from, String to) throws IOException {
        SmtpReply sent = smtp.sendMail(from, List.of(to), Messages.forDelivery(from, to).getBytes(StandardCharsets.UTF_8));
        org.relaycert.conformance.verdict.Precondition.require(sent.code() == 250, "the suite's test mail accepted at submission", sent.toString());
    }
}
