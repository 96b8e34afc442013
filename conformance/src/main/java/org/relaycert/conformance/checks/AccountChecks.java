package org.relaycert.conformance.checks;

import org.relaycert.conformance.probes.NewEndpointRetry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.relaycert.conformance.client.AnswerTimeout;
import org.relaycert.conformance.client.RelayHttps;
import org.relaycert.conformance.ConformanceCheck;
import org.relaycert.conformance.Evidence;
import org.relaycert.conformance.RequirementId;
import org.relaycert.wire.ImapResponse;
import org.relaycert.wire.ImapSession;
import org.relaycert.wire.SmtpReply;
import org.relaycert.wire.SmtpSession;
import org.relaycert.wire.Transcript;
import org.relaycert.conformance.targets.Credentials;
import org.relaycert.conformance.targets.RandomCredentials;
import org.relaycert.conformance.targets.RelayUnderTest;
import org.relaycert.conformance.targets.Target;
import org.relaycert.conformance.settings.Setting;

/** Accounts: created in seconds by the first login, nothing asked, and only under chatmail's rules. */
@ConformanceCheck
class AccountChecks {

    private static ImapResponse imapLogin(Target t, Credentials c, Evidence ev, String label) throws Exception {
        try (ImapSession s = ImapSession.open(t.primary().imaps(), t.trust())) {
            ImapResponse r = s.login(c.address(), c.password());
            ev.transcript(label, s.transcript());
            return r;
        }
    }

    /**
     * First logins of several addresses, each on its own connection and all at once, their transcripts recorded
     * in the order given: a relay may delay each failed login (IMAP has no limit on how long a NO takes), and
     * these logins are independent, so the check waits for the slowest rather than for their sum.
     */
    private static List<ImapResponse> imapLoginsAtOnce(Target t, List<Credentials> logins, List<String> labels,
            Evidence ev) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(logins.size());
        try {
            List<Future<ImapSessionResult>> results = new ArrayList<>();
            for (Credentials c : logins) {
                results.add(pool.submit(() -> {
                    try (ImapSession s = ImapSession.open(t.primary().imaps(), t.trust())) {
                        ImapResponse r = s.login(c.address(), c.password());
                        return new ImapSessionResult(r, s.transcript());
                    }
                }));
            }
            List<ImapResponse> responses = new ArrayList<>();
            for (int i = 0; i < logins.size(); i++) {
                ImapSessionResult r = results.get(i).get();
                ev.transcript(labels.get(i), r.transcript());
                responses.add(r.response());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private record ImapSessionResult(ImapResponse response, Transcript transcript) {
    }

    @Test
    @RequirementId("ACC-01")
    void firstImapLoginCreatesAccount(Target t, Evidence ev) throws Exception {
        Credentials c = t.primary().freshCredentials();
        assertThat(imapLogin(t, c, ev, "first login").ok()).as("first IMAP login of a new address").isTrue();
        assertThat(imapLogin(t, c, ev, "second login").ok()).as("second IMAP login with the same password").isTrue();
    }

    @Test
    @RequirementId("ACC-02")
    void firstSmtpAuthCreatesAccount(Target t, Evidence ev) throws Exception {
        Credentials c = t.primary().freshCredentials();
        try (SmtpSession s = SmtpSession.open(t.primary().smtps(), t.trust())) {
            s.ehlo("relaycert.test");
            SmtpReply auth = s.authPlain(c.address(), c.password());
            ev.transcript("smtps", s.transcript());
            assertThat(auth.code()).as("AUTH PLAIN of a new address: %s", auth).isEqualTo(235);
        }
        assertThat(imapLogin(t, c, ev, "imap login afterwards").ok()).as("the account exists for IMAP too").isTrue();
    }

    @Test
    @RequirementId("ACC-03")
    void wrongPasswordRefused(Target t, Evidence ev) throws Exception {
        Credentials c = t.primary().account();
        Credentials wrong = new Credentials(c.address(), c.password() + "x");
        assertThat(imapLogin(t, wrong, ev, "wrong password").ok()).as("login with a wrong password").isFalse();
        assertThat(imapLogin(t, c, ev, "right password").ok()).as("login with the right password afterwards").isTrue();
        try (SmtpSession s = SmtpSession.open(t.primary().smtps(), t.trust())) {
            s.ehlo("relaycert.test");
            SmtpReply auth = s.authPlain(wrong.address(), wrong.password());
            ev.transcript("smtp wrong password", s.transcript());
            assertThat(auth.code()).as("SMTP AUTH with a wrong password: %s", auth).isBetween(500, 599);
        }
    }

    @Test
    @RequirementId("ACC-04")
    void tooShortPasswordRefused(Target t, Evidence ev) throws Exception {
        List<String> passwords = List.of("admin", "12345678");
        List<Credentials> logins = new ArrayList<>();
        for (String pw : passwords) {
            logins.add(new Credentials(t.primary().freshCredentials().address(), pw));
        }
        List<ImapResponse> responses = imapLoginsAtOnce(t, logins,
                passwords.stream().map(pw -> "password of " + pw.length()).toList(), ev);
        for (int i = 0; i < passwords.size(); i++) {
            assertThat(responses.get(i).ok())
                    .as("first login with a %d-character password", passwords.get(i).length()).isFalse();
        }
    }

    @Test
    @RequirementId("ACC-05")
    void localpartRulesEnforced(Target t, Evidence ev) throws Exception {
        String domain = t.primary().domain();
        int min = t.settings().value(Setting.USERNAME_MIN_LENGTH);
        int max = t.settings().value(Setting.USERNAME_MAX_LENGTH);
        ev.line("localpart length limits: " + min + " to " + max + " (chatmail.ini's username_min_length and "
                + "username_max_length; chatmail's defaults unless the run's settings say otherwise)");
        List<String> bad = new ArrayList<>(List.of(
                RandomCredentials.localpart(max + 1) + "@" + domain,
                RandomCredentials.localpart(max - 1) + "+@" + domain,
                RandomCredentials.localpart(max - 1) + "!@" + domain,
                RandomCredentials.localpart(max) + "@" + domain + ".invalid"));
        if (min > 1) {
            bad.add(RandomCredentials.localpart(min - 1) + "@" + domain);
        }
        List<Credentials> logins = bad.stream()
                .map(address -> new Credentials(address, RandomCredentials.random("abcdefgh12345678", 16))).toList();
        List<ImapResponse> responses = imapLoginsAtOnce(t, logins, bad, ev);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < bad.size(); i++) {
            if (responses.get(i).ok()) {
                created.add(bad.get(i));
            }
        }
        assertThat(created).as("addresses that must not be creatable but were").isEmpty();
    }

    @Test
    @RequirementId("ACC-06")
    void newEndpointReturnsWorkingAccount(Target t, Evidence ev) throws Exception {
        RelayUnderTest relay = t.primary();
        RelayHttps.Answer r = NewEndpointRetry.post(() -> RelayHttps.send(relay.https(), t.trust(),
                RelayHttps.Request.of("POST", "/new"), AnswerTimeout.connect(relay.https()), AnswerTimeout.answer(relay.https())), ev);
        ev.line("POST " + RelayHttps.url(relay.https(), "/new") + " -> " + r.statusCode() + " " + r.header("content-type").orElse(""));
        assertThat(r.statusCode()).as("status of POST /new").isEqualTo(200);
        JsonNode json = new ObjectMapper().readTree(r.body());
        String email = json.path("email").asText();
        String password = json.path("password").asText();
        ev.line("email " + email + ", password of " + password.length() + " characters");
        assertThat(email).as("email").endsWith("@" + relay.domain());
        assertThat(imapLogin(t, new Credentials(email, password), ev, "login with /new credentials").ok())
                .as("IMAP login with the credentials from /new").isTrue();
    }

    @Test
    @RequirementId("ACC-07")
    void concurrentFirstLogins(Target t, Evidence ev) throws Exception {
        Credentials c = t.primary().freshCredentials();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<ImapResponse>> logins = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                logins.add(() -> {
                    try (ImapSession s = ImapSession.open(t.primary().imaps(), t.trust())) {
                        return s.login(c.address(), c.password());
                    }
                });
            }
            int ok = 0;
            for (Future<ImapResponse> f : pool.invokeAll(logins)) {
                ImapResponse r = f.get();
                ev.line(r.tagged());
                ok += r.ok() ? 1 : 0;
            }
            assertThat(ok).as("successful logins out of 10 concurrent first logins").isEqualTo(10);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @RequirementId("ACC-08")
    void samePasswordForTwoAccounts(Target t, Evidence ev) throws Exception {
        Credentials a = t.primary().freshCredentials();
        Credentials b = new Credentials(t.primary().freshCredentials().address(), a.password());
        assertThat(imapLogin(t, a, ev, "first account").ok()).as("first account").isTrue();
        assertThat(imapLogin(t, b, ev, "second account, same password").ok()).as("second account with the same password").isTrue();
    }
}
