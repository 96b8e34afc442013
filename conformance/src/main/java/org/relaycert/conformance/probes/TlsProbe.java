package org.relaycert.conformance.probes;

import java.io.IOException;
import java.security.Security;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.relaycert.wire.ImapSession;
import org.relaycert.wire.SmtpReply;
import org.relaycert.wire.SmtpSession;
import org.relaycert.conformance.targets.Endpoint;
import org.relaycert.conformance.targets.NotObservableException;
import org.relaycert.conformance.targets.RelayUnderTest;

/** Tries a TLS handshake with exactly one protocol version on one port, implicit or after STARTTLS. */
public final class TlsProbe {
    public enum Kind { IMPLICIT, SMTP_STARTTLS, IMAP_STARTTLS }

    public record Port(String name, Endpoint endpoint, Kind kind) {
    }

    public record Outcome(boolean handshakeSucceeded, String detail) {
    }

    private TlsProbe() {
    }

    public static Port[] allTlsPorts(RelayUnderTest r) {
        return new Port[] {new Port("25", r.smtp(), Kind.SMTP_STARTTLS), new Port("587", r.submission(), Kind.SMTP_STARTTLS),
                new Port("465", r.smtps(), Kind.IMPLICIT), new Port("143", r.imap(), Kind.IMAP_STARTTLS),
                new Port("993", r.imaps(), Kind.IMPLICIT), new Port("443", r.https(), Kind.IMPLICIT)};
    }

    public static Port[] clientPorts(RelayUnderTest r) {
        return new Port[] {new Port("587", r.submission(), Kind.SMTP_STARTTLS), new Port("465", r.smtps(), Kind.IMPLICIT),
                new Port("143", r.imap(), Kind.IMAP_STARTTLS), new Port("993", r.imaps(), Kind.IMPLICIT)};
    }

    /** Aborts as not observable when this JVM itself refuses to offer {@code protocol}. */
    public static void requireClientCanOffer(String protocol) {
        String disabled = Security.getProperty("jdk.tls.disabledAlgorithms");
        if (disabled != null) {
            for (String d : disabled.split(",")) {
                if (d.strip().equalsIgnoreCase(protocol)) {
                    throw new NotObservableException("this JVM refuses to offer " + protocol
                            + " (jdk.tls.disabledAlgorithms); the suite's failsafe configuration re-enables it");
                }
            }
        }
    }

    public static Outcome handshake(Port port, SSLContext trust, String protocol) throws IOException {
        try {
            switch (port.kind()) {
                case IMPLICIT -> {
                    if (port.name().equals("443") || port.name().equals("465")) {
                        try (BareTlsHandshake t = BareTlsHandshake.open(port.endpoint(), trust, protocol)) {
                            return new Outcome(true, t.protocol());
                        }
                    }
                    try (ImapSession s = ImapSession.open(port.endpoint(), trust, new String[] {protocol},
                            java.time.Duration.ofSeconds(10))) {
                        return new Outcome(true, "greeting " + s.greeting());
                    }
                }
                case SMTP_STARTTLS -> {
                    try (SmtpSession s = SmtpSession.open(port.endpoint(), null)) {
                        s.ehlo("relaycert.test");
                        SmtpReply r = s.command("STARTTLS");
                        if (r.code() != 220) {
                            return new Outcome(false, "STARTTLS refused: " + r);
                        }
                        s.upgrade(trust, protocol);
                        return new Outcome(true, "negotiated " + protocol);
                    }
                }
                default -> {
                    try (ImapSession s = ImapSession.open(port.endpoint(), null)) {
                        var r = s.command("STARTTLS");
                        if (!r.ok()) {
                            return new Outcome(false, "STARTTLS refused: " + r.tagged());
                        }
                        s.upgrade(trust, protocol);
                        return new Outcome(true, "negotiated " + protocol);
                    }
                }
            }
        } catch (SSLException e) {
            return new Outcome(false, "handshake failed: " + e.getMessage());
        } catch (java.net.SocketException | java.io.EOFException e) {
            return new Outcome(false, "connection closed during handshake: " + e.getMessage());
        }
    }

    public static String describe(String protocol) {
        return protocol.toUpperCase(Locale.ROOT);
    }
}
