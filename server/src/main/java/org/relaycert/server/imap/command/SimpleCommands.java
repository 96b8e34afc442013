package org.relaycert.server.imap.command;

import java.util.Set;
import org.relaycert.server.imap.session.Completion;
import org.relaycert.server.imap.session.ImapSession;
import org.relaycert.server.imap.session.SessionState;

/** The argument-less commands whose whole behaviour fits in a few lines. */
public final class SimpleCommands {
    private SimpleCommands() {
    }

    /** {@code capability = "CAPABILITY"} (RFC 3501 6.1.1). */
    public record Capability(String tag) implements ImapCommand {
        public Set<SessionState> validIn() {
            return ANY;
        }

        public Completion execute(ImapSession s) {
            s.untagged("CAPABILITY " + s.capabilities());
            return Completion.ok("Capability completed.");
        }
    }

    /** {@code "NOOP"} (6.1.2) and {@code "CHECK"} (6.4.1): only pending updates are sent. */
    public record Noop(String tag, String name) implements ImapCommand {
        public Set<SessionState> validIn() {
            return name.equals("CHECK") ? SELECTED : ANY;
        }

        public Completion execute(ImapSession s) {
            return Completion.ok(name.equals("CHECK") ? "Check completed." : "NOOP completed.");
        }
    }

    /** {@code "LOGOUT"} (6.1.3). */
    public record Logout(String tag) implements ImapCommand {
        public Set<SessionState> validIn() {
            return ANY;
        }

        public Completion execute(ImapSession s) {
            s.untagged("BYE Logging out");
            s.setState(SessionState.LOGOUT);
            return Completion.ok("Logout completed.");
        }
    }

    /** {@code "STARTTLS"} (6.2.1): only on a plaintext port, before login. */
    public record StartTls(String tag) implements ImapCommand {
        public Set<SessionState> validIn() {
            return NOT_AUTHENTICATED;
        }

        public Completion execute(ImapSession s) {
            if (s.connection().tlsActive()) {
                return Completion.bad("TLS is already active.");
            }
            if (s.config().tls() == null) {
                return Completion.no("TLS is not configured.");
            }
            s.connection().startTls(org.relaycert.server.imap.session.Response.line(tag + " OK Begin TLS negotiation now."));
            return Completion.PENDING;
        }
    }

    /** {@code idle = "IDLE" CRLF *(continue-req / response-data) "DONE"} (RFC 2177). */
    public record Idle(String tag) implements ImapCommand {
        public Set<SessionState> validIn() {
            return AUTHENTICATED;
        }

        public Completion execute(ImapSession s) {
            s.write(org.relaycert.server.imap.session.Response.line("+ idling"));
            s.beginIdle(tag);
            s.flushUpdates();
            return Completion.PENDING;
        }
    }

    /** {@code "UNSELECT"} (RFC 3691): leave the mailbox without expunging. */
    public record Unselect(String tag) implements ImapCommand {
        public Set<SessionState> validIn() {
            return SELECTED;
        }

        public Completion execute(ImapSession s) {
            s.select(null);
            return Completion.ok("Unselect completed.");
        }
    }

    /** {@code enable = "ENABLE" 1*(SP capability)} (RFC 5161); no extension here needs enabling. */
    public record Enable(String tag, java.util.List<String> capabilities) implements ImapCommand {
        public Set<SessionState> validIn() {
            return AUTHENTICATED;
        }

        public Completion execute(ImapSession s) {
            s.untagged("ENABLED");
            return Completion.ok("Enabled.");
        }
    }

    /** {@code subscribe = ("SUBSCRIBE" / "UNSUBSCRIBE") SP mailbox}: accepted; every folder counts as subscribed. */
    public record Subscribe(String tag, String name, String mailbox) implements ImapCommand {
        public Set<SessionState> validIn() {
            return AUTHENTICATED;
        }

        public Completion execute(ImapSession s) {
            return Completion.ok(name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT) + " completed.");
        }
    }

    /** {@code namespace = "NAMESPACE"} (RFC 2342): one personal namespace, separator {@code /}. */
    public record Namespace(String tag) implements ImapCommand {
        public Set<SessionState> validIn() {
            return AUTHENTICATED;
        }

        public Completion execute(ImapSession s) {
            s.untagged("NAMESPACE ((\"\" \"/\")) NIL NIL");
            return Completion.ok("Namespace completed.");
        }
    }
}
