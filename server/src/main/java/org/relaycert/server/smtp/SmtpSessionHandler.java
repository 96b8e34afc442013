package org.relaycert.server.smtp;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.util.Optional;
import org.relaycert.server.delivery.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pipeline stage {@code "session"}: turns framed input and channel events into calls on the
 * {@link SmtpSession}; a command line is split into verb and argument and dispatched through {@link Verb}.
 */
final class SmtpSessionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(SmtpSessionHandler.class);

    private final SmtpSession session;

    SmtpSessionHandler(SmtpSession session) {
        this.session = session;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        session.attach(ctx);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        // On 465 the SslHandler holds this back until the handshake is done.
        session.greet();
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (session.closing()) {
            if (msg instanceof DataFramer.Received received && received.message() != null) {
                received.message().discard();
            }
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof String line) {
            line(line);
        } else if (msg == LineFramer.TOO_LONG) {
            session.takeContinuation();
            session.reply(Reply.of(500, "5.5.2", "Error: line too long"));
        } else if (msg instanceof DataFramer.Received received) {
            session.messageReceived(received);
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    /**
     * <pre>
     * command = verb [SP argument] CRLF   ; verbs are case-insensitive (RFC 5321 section 2.4)
     * </pre>
     */
    private void line(String line) {
        try {
            SmtpSession.Continuation pending = session.takeContinuation();
            if (pending != null) {
                pending.line(line);
                return;
            }
            int space = line.indexOf(' ');
            String word = space < 0 ? line : line.substring(0, space);
            String argument = space < 0 ? "" : line.substring(space + 1).stripTrailing();
            Optional<Verb> verb = Verb.lookup(word);
            if (verb.isEmpty()) {
                throw new SmtpException(500, "5.5.1", "Error: command not recognized");
            }
            verb.get().command().execute(session, argument);
        } catch (SmtpException e) {
            session.reply(e.reply());
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            session.idle();
        } else if (evt instanceof SslHandshakeCompletionEvent handshake) {
            if (handshake.isSuccess()) {
                session.tlsEstablished();
            } else {
                log.debug("TLS handshake failed: {}", handshake.cause().toString());
                session.abort();
            }
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("SMTP connection error: {}", cause.toString());
        session.abort();
    }
}
