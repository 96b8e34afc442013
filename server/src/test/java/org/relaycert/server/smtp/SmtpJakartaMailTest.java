package org.relaycert.server.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaycert.server.tls.TlsContexts;

/** A real client library (Angus Mail) submits through 587 (STARTTLS) and 465 (implicit TLS). */
class SmtpJakartaMailTest {
    @TempDir
    static Path dir;
    static SmtpTestServer submission;
    static SmtpTestServer smtps;

    @BeforeAll
    static void start() throws Exception {
        TlsContexts tls = SmtpTestServer.tls(dir);
        submission = SmtpTestServer.start(SmtpPort.SUBMISSION, tls);
        smtps = SmtpTestServer.start(SmtpPort.SUBMISSIONS, tls);
    }

    @AfterAll
    static void stop() {
        submission.close();
        smtps.close();
    }

    private static Session session(SmtpTestServer relay, boolean implicitTls) {
        Properties p = new Properties();
        String prefix = implicitTls ? "mail.smtps." : "mail.smtp.";
        p.put(prefix + "host", "127.0.0.1");
        p.put(prefix + "port", String.valueOf(relay.address().getPort()));
        p.put(prefix + "auth", "true");
        p.put(prefix + "ssl.trust", "*");
        p.put(prefix + "ssl.protocols", "TLSv1.3");
        p.put(prefix + "starttls.required", "true");
        p.put(prefix + "starttls.enable", "true");
        p.put(prefix + "timeout", "10000");
        p.put(prefix + "connectiontimeout", "10000");
        return Session.getInstance(p);
    }

    private static MimeMessage message(Session session) throws Exception {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(SmtpTestServer.USER));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("bob@other.example"));
        m.setSubject("dots");
        m.setText("first\n.leading dot\n.\n..\nlast\n");
        return m;
    }

    @Test
    void submitsOver587WithStartTls() throws Exception {
        Session session = session(submission, false);
        try (Transport t = session.getTransport("smtp")) {
            t.connect(SmtpTestServer.USER, SmtpTestServer.PASSWORD);
            MimeMessage m = message(session);
            t.sendMessage(m, m.getAllRecipients());
        }
        RecordingIntake.Delivered d = submission.intake.delivered.getFirst();
        assertThat(d.envelope().recipients()).containsExactly("bob@other.example");
        assertThat(d.envelope().authenticatedUser()).contains(SmtpTestServer.USER);
        // The client dot-stuffed; the relay stored the lines as written, with CRLF.
        assertThat(d.text()).contains("\r\n\r\nfirst\r\n.leading dot\r\n.\r\n..\r\nlast\r\n").doesNotContain("\r\n...");
    }

    @Test
    void submitsOver465() throws Exception {
        Session session = session(smtps, true);
        try (Transport t = session.getTransport("smtps")) {
            t.connect(SmtpTestServer.USER, SmtpTestServer.PASSWORD);
            MimeMessage m = message(session);
            t.sendMessage(m, m.getAllRecipients());
        }
        assertThat(smtps.intake.delivered).hasSize(1);
        assertThat(smtps.intake.delivered.getFirst().text()).contains("Subject: dots");
    }

    @Test
    void wrongPasswordFailsAuthentication() {
        Session session = session(submission, false);
        assertThatThrownBy(() -> {
            try (Transport t = session.getTransport("smtp")) {
                t.connect(SmtpTestServer.USER, "wrong-password");
            }
        }).isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("535 5.7.8");
    }
}
