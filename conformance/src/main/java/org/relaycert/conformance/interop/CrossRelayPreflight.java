package org.relaycert.conformance.interop;

import java.util.List;
import org.relaycert.conformance.Evidence;
import org.relaycert.wire.SmtpReply;
import org.relaycert.wire.SmtpSession;
import org.relaycert.conformance.targets.Credentials;
import org.relaycert.conformance.targets.NotObservableException;
import org.relaycert.conformance.targets.RelayUnderTest;
import org.relaycert.conformance.targets.Target;

/**
 * Before a client sends across relays: does the sender's relay take a recipient of the other domain at all?
 * A relay without federation refuses it at RCPT; the cross-relay behaviour is then not observable (the
 * federation checks judge that), and the interop check says so instead of failing on the client's error.
 * The transaction is reset before DATA, so nothing is sent.
 */
public final class CrossRelayPreflight {
    private CrossRelayPreflight() {
    }

    /** The second relay, or "not observable" when the target has none. */
    public static RelayUnderTest secondRelay(Target t) {
        return Target.require(t.secondRelay(), "the target has no second relay (-Dchatmail.target2) to send across to");
    }

    /** Throws {@link NotObservableException} unless {@code from}'s submission accepts RCPT {@code recipients}. */
    public static void requireAccepted(Target t, RelayUnderTest from, Credentials sender, List<String> recipients,
            Evidence ev) throws Exception {
        try (SmtpSession s = SmtpSession.open(from.smtps(), t.trust())) {
            s.ehlo("relaycert.test");
            SmtpReply auth = s.authPlain(sender.address(), sender.password());
            SmtpReply mail = s.command("MAIL FROM:<" + sender.address() + ">");
            String refused = null;
            if (auth.code() != 235 || !mail.positive()) {
                refused = "submission refused the sender: " + auth + " / " + mail;
            } else {
                for (String r : recipients) {
                    SmtpReply rcpt = s.command("RCPT TO:<" + r + ">");
                    if (!rcpt.positive()) {
                        refused = from.domain() + " refuses recipient " + r + " at RCPT (" + rcpt
                                + "): it does not send to other relays (no federation)";
                        break;
                    }
                }
            }
            s.command("RSET");
            s.quit();
            ev.transcript("cross-relay pre-flight", s.transcript());
            if (refused != null) {
                throw new NotObservableException(refused);
            }
        }
    }
}
