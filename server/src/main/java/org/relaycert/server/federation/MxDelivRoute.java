package org.relaycert.server.federation;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.relaycert.server.delivery.Envelope;
import org.relaycert.server.delivery.MailIntake;
import org.relaycert.server.delivery.Origin;
import org.relaycert.server.delivery.RejectedException;
import org.relaycert.server.delivery.Reply;
import org.relaycert.server.delivery.SpooledMessage;
import org.relaycert.server.web.Route;
import org.relaycert.server.web.WebRequest;
import org.relaycert.server.web.WebResponse;

/**
 * The receiving side of {@code POST /mxdeliv} (spec 8.3): {@code X-Mail-From} (absent for bounces), one
 * {@code X-Mail-To} per recipient, the raw message as body. The same intake as port 25 decides, step by
 * step (MAIL, each RCPT, DATA): 200 {@code 250 OK}; a refusal is 400 with its SMTP reply line; a body over
 * the size limit 413 {@code 552 Message exceeds maximum size}. Other methods get 405 from the router.
 */
public final class MxDelivRoute implements Route {
    public static final String PATH = "/mxdeliv";

    private final MailIntake intake;
    private final long maxMessageSize;

    public MxDelivRoute(MailIntake intake, long maxMessageSize) {
        this.intake = intake;
        this.maxMessageSize = maxMessageSize;
    }

    @Override
    public Set<HttpMethod> methods() {
        return Set.of(HttpMethod.POST);
    }

    /** Policies (DKIM look-ups) and the fsync of the accepted message happen here: off the event loop. */
    @Override
    public boolean blocking() {
        return true;
    }

    /** Messages arrive in the intake's spool, not in memory. */
    @Override
    public Optional<org.relaycert.server.delivery.Spool> spool() {
        return Optional.of(intake.spool());
    }

    @Override
    public WebResponse respond(WebRequest request) {
        SpooledMessage message = request.spooledBody().orElseGet(() -> SpooledMessage.of(request.body()));
        if (message.size() > maxMessageSize) {
            return WebResponse.of(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, WebResponse.TEXT,
                    "552 Message exceeds maximum size\n");
        }
        String from = Optional.ofNullable(request.headers().get("X-Mail-From")).orElse("").strip();
        if (from.startsWith("<") && from.endsWith(">")) {
            from = from.substring(1, from.length() - 1);
        }
        List<String> to = request.headers().getAll("X-Mail-To").stream().map(String::strip)
                .map(t -> t.startsWith("<") && t.endsWith(">") ? t.substring(1, t.length() - 1) : t).toList();
        if (to.isEmpty()) {
            return rejected(Reply.of(554, "5.5.1", "Error: no valid recipients"));
        }
        InetSocketAddress client = new InetSocketAddress(request.client(), 0);
        Envelope partial = new Envelope(Origin.MXDELIV, Optional.empty(), client, true, "", from, List.of());
        try {
            intake.sender(partial, message.size());
            List<String> accepted = new ArrayList<>();
            for (String r : to) {
                Envelope sofar = new Envelope(Origin.MXDELIV, Optional.empty(), client, true, "", from, List.copyOf(accepted));
                accepted.add(intake.recipient(sofar, r));
            }
            Reply reply = intake.message(new Envelope(Origin.MXDELIV, Optional.empty(), client, true, "", from, accepted),
                    message);
            return reply.positive()
                    ? WebResponse.ok(WebResponse.TEXT, "250 OK\n")
                    : rejected(reply);
        } catch (RejectedException e) {
            return rejected(e.reply());
        }
    }

    private static WebResponse rejected(Reply reply) {
        return WebResponse.of(HttpResponseStatus.BAD_REQUEST, WebResponse.TEXT, reply.line() + "\n");
    }
}
