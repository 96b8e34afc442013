package org.relaycert.server;

import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.Properties;
import javax.net.ssl.SSLContext;

/** A whole reference relay on 127.0.0.1 with free ports, and Jakarta Mail sessions that trust it. */
final class RunningRelay implements AutoCloseable {
    static final String DOMAIN = "relay.test";
    final Relay relay;
    final SSLContext trust;

    private RunningRelay(Relay relay) throws Exception {
        this.relay = relay;
        this.trust = TestTrust.trusting(relay.certificate());
    }

    static RunningRelay start(Path dataDir) throws Exception {
        return new RunningRelay(Relay.start(TestRelayConfig.domain(DOMAIN).dataDir(dataDir).parse(), java.time.Clock.systemUTC(),
                // store and protocol tests send cleartext; the mail-path policies have tests of their own
                RelayExtensions.reference().withMailPolicies(policies -> java.util.List.of())
                        // the build machine's load says nothing about this relay; RelayLimitsTest judges the limits
                        .withSystemProbe(org.relaycert.server.limits.SystemProbe.UNKNOWN)));
    }

    Session session() {
        Properties p = new Properties();
        p.put("mail.imaps.host", "127.0.0.1");
        p.put("mail.imaps.port", String.valueOf(relay.address(Service.IMAPS).getPort()));
        p.put("mail.imaps.ssl.socketFactory", trust.getSocketFactory());
        p.put("mail.imaps.ssl.checkserveridentity", "false");
        p.put("mail.imaps.timeout", "15000");
        p.put("mail.smtps.host", "127.0.0.1");
        p.put("mail.smtps.port", String.valueOf(relay.address(Service.SMTPS).getPort()));
        p.put("mail.smtps.auth", "true");
        p.put("mail.smtps.ssl.socketFactory", trust.getSocketFactory());
        p.put("mail.smtps.ssl.checkserveridentity", "false");
        return Session.getInstance(p);
    }

    Store imap(String user, String password) throws Exception {
        Store store = session().getStore("imaps");
        store.connect(user, password);
        return store;
    }

    void submit(String from, String password, String to, String subject, String text) throws Exception {
        Session s = session();
        MimeMessage m = new MimeMessage(s);
        m.setFrom(new InternetAddress(from));
        m.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(to));
        m.setSubject(subject);
        m.setText(text);
        try (Transport t = s.getTransport("smtps")) {
            t.connect(from, password);
            t.sendMessage(m, m.getAllRecipients());
        }
    }

    @Override
    public void close() {
        relay.close();
    }
}
