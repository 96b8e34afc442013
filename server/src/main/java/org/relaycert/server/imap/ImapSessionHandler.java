package org.relaycert.server.imap;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.relaycert.server.imap.command.ImapCommand;
import org.relaycert.server.imap.frame.CommandFrame;
import org.relaycert.server.imap.frame.ImapFrameDecoder;
import org.relaycert.server.imap.frame.RejectedFrame;
import org.relaycert.server.imap.parse.CommandParser;
import org.relaycert.server.imap.parse.SyntaxException;
import org.relaycert.server.imap.session.Completion;
import org.relaycert.server.imap.session.Connection;
import org.relaycert.server.imap.session.ImapSession;
import org.relaycert.server.imap.session.Response;
import io.netty.buffer.Unpooled;
import io.netty.handler.stream.ChunkedNioFile;
import org.relaycert.server.imap.session.SessionState;
import org.relaycert.server.imap.session.StoreEvent;
import org.relaycert.server.store.MaildirStore;
import org.relaycert.server.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "session" pipeline stage: runs commands in order on the connection's store executor (disk I/O stays
 * off the event loop), answers each with its tagged completion preceded by pending mailbox updates, and
 * relays store events (at once while in IDLE).
 */
final class ImapSessionHandler extends SimpleChannelInboundHandler<Object> implements Connection {
    private static final Logger LOG = LoggerFactory.getLogger(ImapSessionHandler.class);

    private final ImapServerConfig config;
    private final SessionRegistry registry;
    private final ImapSession session;
    private ChannelHandlerContext ctx;
    private String pendingTag;
    private final Duration failedLoginDelay;
    private final ArrayDeque<Object> held = new ArrayDeque<>();
    private boolean holding;
    private String registeredAddress;
    private boolean tlsActive;
    /** Between STARTTLS and the TLS switch: plaintext frames pipelined after STARTTLS are dropped. */
    private boolean discarding;
    /** The client half-closed: once what it sent is answered, the relay closes its side too. */
    private boolean inputEnded;

    ImapSessionHandler(ImapServerConfig config, MaildirStore store, Authenticator auth, SessionRegistry registry,
            Clock clock, boolean tlsActive, java.util.function.Supplier<ImapMetadata> metadata, Duration failedLoginDelay) {
        this.failedLoginDelay = failedLoginDelay;
        this.config = config;
        this.registry = registry;
        this.tlsActive = tlsActive;
        this.session = new ImapSession(config, store, auth, this, clock, metadata);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        // Adopted connections (port 443 after ALPN) are already active: greet now.
        if (ctx.channel().isActive()) {
            greet(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        greet(ctx);
    }

    private void greet(ChannelHandlerContext ctx) {
        if (this.ctx != null) {
            return;
        }
        this.ctx = ctx;
        ctx.writeAndFlush(Response.line("* OK [CAPABILITY " + session.capabilities() + "] " + config.hostname() + " IMAP ready."));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (registeredAddress != null) {
            registry.remove(registeredAddress, this);
        }
        session.setState(SessionState.LOGOUT);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
        if (holding) {
            // A failed login is being answered late: later commands wait their turn.
            held.add(msg);
            return;
        }
        process(msg);
    }

    private void process(Object msg) {
        if (discarding || session.state() == SessionState.LOGOUT) {
            return;
        }
        if (msg instanceof RejectedFrame r) {
            write(Response.line(r.tag() + " " + r.response() + " " + r.reason()));
        } else {
            handleLine(((CommandFrame) msg).bytes());
        }
        ctx.flush();
        if (session.state() == SessionState.LOGOUT) {
            ctx.close();
        }
    }

    /** Answers a failed authentication after the delay, then runs what arrived meanwhile. */
    private void answerLate(String tag, Completion result) {
        holding = true;
        ctx.executor().schedule(() -> {
            write(Response.line(result.render(tag)));
            ctx.flush();
            holding = false;
            while (!holding && !held.isEmpty()) {
                process(held.poll());
            }
            closeIfInputEnded();
        }, failedLoginDelay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** After a half-close, closes once nothing the client sent is left unanswered. */
    private void closeIfInputEnded() {
        if (inputEnded && !holding) {
            ctx.close();
        }
    }

    private void handleLine(byte[] line) {
        if (session.idling()) {
            String tag = session.endIdle();
            boolean done = new String(line, StandardCharsets.US_ASCII).trim().equalsIgnoreCase("DONE");
            finish(tag, done ? Completion.ok("Idle completed.") : Completion.bad("Expected DONE."));
            return;
        }
        Function<byte[], Completion> continuation = session.takeContinuation();
        if (continuation != null) {
            Completion result;
            try {
                result = continuation.apply(line);
            } catch (RuntimeException e) {
                LOG.warn("IMAP continuation failed", e);
                result = Completion.no("SERVERBUG", "Internal error.");
            }
            finish(pendingTag, result);
            return;
        }
        ImapCommand command;
        try {
            command = CommandParser.parse(line);
        } catch (SyntaxException e) {
            write(Response.line(CommandParser.tagOf(line) + " BAD " + Completion.oneLine(e.getMessage())));
            return;
        }
        if (!command.validIn().contains(session.state())) {
            write(Response.line(command.tag() + " BAD Command not valid in state " + session.state() + "."));
            return;
        }
        Completion result;
        try {
            result = command.execute(session);
        } catch (StoreException e) {
            result = StoreErrors.completion(e);
        } catch (RuntimeException e) {
            LOG.warn("IMAP command failed", e);
            result = Completion.no("SERVERBUG", "Internal error.");
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} {} -> {}", session.address(), command.tag(), command.getClass().getSimpleName(), result.status());
        }
        finish(command.tag(), result, command.allowsExpungeResponses());
    }

    private void finish(String tag, Completion result) {
        finish(tag, result, true);
    }

    private void finish(String tag, Completion result, boolean allowExpunge) {
        if (result == Completion.PENDING) {
            pendingTag = tag;
            return;
        }
        if ("AUTHENTICATIONFAILED".equals(result.code()) && failedLoginDelay.isPositive()) {
            answerLate(tag, result);
            return;
        }
        if (session.address() != null && registeredAddress == null) {
            registeredAddress = session.address();
            registry.add(registeredAddress, this);
        }
        session.flushUpdates(allowExpunge);
        write(Response.line(result.render(tag)));
    }

    /** A store change for this user, from any thread. */
    void storeEvent(StoreEvent event) {
        if (ctx == null) {
            return;
        }
        Duration delay = config.rules().idleNotifyDelay();
        if (!delay.isZero()) {
            ctx.executor().schedule(() -> {
                session.onStoreEvent(event);
                ctx.flush();
            }, delay.toNanos(), TimeUnit.NANOSECONDS);
            return;
        }
        if (ctx.executor().inEventLoop()) {
            session.onStoreEvent(event);
            ctx.flush();
        } else {
            ctx.executor().execute(() -> {
                session.onStoreEvent(event);
                ctx.flush();
            });
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent e && e.state() == IdleState.WRITER_IDLE) {
            // Keep NAT mappings of idling clients alive, as Dovecot's imap_idle_notify_interval does.
            if (session.idling()) {
                ctx.writeAndFlush(Response.line("* OK Still here"));
            }
            return;
        }
        if (evt instanceof IdleStateEvent) {
            ctx.writeAndFlush(Response.line("* BYE Disconnected for inactivity.")).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        if (evt instanceof ChannelInputShutdownEvent) {
            // Half-closed (RFC 9293 section 3.6): the client has sent all it will. Commands that arrived before are
            // answered (they ran before this event on this executor, or wait behind a failed login's delay); a
            // command cut off in the middle (a literal short of its octets) is dropped unanswered, never run.
            inputEnded = true;
            closeIfInputEnded();
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("IMAP connection error: {}", cause.toString());
        ctx.close();
    }

    // ---- Connection ----

    @Override
    public void write(Response response) {
        if (!response.streams()) {
            ctx.write(response);
            return;
        }
        // File literals go through the ChunkedWriteHandler, a chunk at a time as the socket takes them.
        for (Object piece : response.pieces()) {
            if (piece instanceof byte[] text) {
                ctx.write(Unpooled.wrappedBuffer(text));
            } else if (piece instanceof Response.FileRegion file) {
                try {
                    ctx.write(new ChunkedNioFile(file.channel(), file.offset(), file.length(), FILE_CHUNK));
                } catch (java.io.IOException e) {
                    LOG.warn("cannot send a stored message: {}", e.toString());
                    ctx.close(); // the literal's length is announced already
                    return;
                }
            }
        }
        ctx.write(Unpooled.wrappedBuffer(new byte[] {'\r', '\n'}));
    }

    /** Octets read from a file per write of a streamed literal. */
    private static final int FILE_CHUNK = 64 * 1024;

    @Override
    public void flush() {
        ctx.flush();
    }

    @Override
    public boolean tlsActive() {
        return tlsActive;
    }

    @Override
    public void startTls(Response okResponse) {
        boolean discard = config.rules().startTlsDiscardsPipelined();
        discarding = discard;
        SslContext tls = config.tls();
        var channel = ctx.channel();
        // Run on the event loop so earlier writes leave in plaintext first and no decoded byte is kept.
        channel.eventLoop().execute(() -> {
            if (discard) {
                channel.pipeline().get(ImapFrameDecoder.class).discardBufferedInput();
            }
            SslHandler ssl = new SslHandler(tls.newEngine(channel.alloc()), true);
            channel.pipeline().addFirst(ImapServer.TLS, ssl);
            channel.writeAndFlush(okResponse);
            ctx.executor().execute(() -> {
                tlsActive = true;
                discarding = false;
            });
        });
    }

    @Override
    public void close() {
        ctx.flush();
        ctx.close();
    }
}
