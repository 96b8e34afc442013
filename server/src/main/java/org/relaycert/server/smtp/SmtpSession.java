package org.relaycert.server.smtp;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.relaycert.server.delivery.Envelope;
import org.relaycert.server.delivery.MailIntake;
import org.relaycert.server.delivery.RejectedException;
import org.relaycert.server.delivery.Reply;
import org.relaycert.server.delivery.SpooledMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one SMTP connection and the ways its commands answer. Lives on the channel's event loop
 * (driven by {@link SmtpSessionHandler}); intake and authenticator calls run on {@code blocking} and their
 * answer comes back to the loop. One line is handled at a time ({@link LineFramer} holds the next until
 * this session has replied), so pipelined commands are answered in order.
 */
final class SmtpSession {
    private static final Logger log = LoggerFactory.getLogger(SmtpSession.class);

    /** Postfix {@code smtpd_hard_error_limit}: protocol errors before the server hangs up. */
    static final int MAX_ERRORS = 20;

    /** What to do with the next line instead of reading it as a command (AUTH continuations). */
    @FunctionalInterface
    interface Continuation {
        void line(String line) throws SmtpException;
    }

    /** Turns the result of off-loop work into the reply, on the event loop. */
    @FunctionalInterface
    interface Then<T> {
        Reply apply(T value) throws SmtpException;
    }

    private final SmtpServerConfig config;
    private final MailIntake intake;
    private final Authenticator authenticator;
    private final Executor blocking;
    private final LineFramer lines;
    private final DataFramer data;

    private ChannelHandlerContext ctx;
    private boolean tls;
    private boolean startTlsPending;
    private String heloName;
    private Optional<String> user = Optional.empty();
    private Transaction transaction;
    private Continuation continuation;
    private int errors;
    private boolean closing;
    private boolean busy;

    SmtpSession(SmtpServerConfig config, MailIntake intake, Authenticator authenticator, Executor blocking,
                LineFramer lines, DataFramer data) {
        this.config = config;
        this.intake = intake;
        this.authenticator = authenticator;
        this.blocking = blocking;
        this.lines = lines;
        this.data = data;
    }

    // ---- state, for the commands ----

    SmtpServerConfig config() {
        return config;
    }

    MailIntake intake() {
        return intake;
    }

    Authenticator authenticator() {
        return authenticator;
    }

    boolean tlsActive() {
        return tls;
    }

    String heloName() {
        return heloName;
    }

    Optional<String> user() {
        return user;
    }

    Transaction transaction() {
        return transaction;
    }

    /** HELO/EHLO: remember the name; like RSET, any transaction ends (RFC 5321 section 4.1.4). */
    void greeted(String name) {
        heloName = name;
        transaction = null;
    }

    void authenticated(String address) {
        user = Optional.of(address);
    }

    void beginTransaction(Transaction t) {
        transaction = t;
    }

    void resetTransaction() {
        transaction = null;
    }

    Envelope envelope(String mailFrom, List<String> recipients) {
        return new Envelope(config.port().origin(), user, (InetSocketAddress) ctx.channel().remoteAddress(), tls,
                heloName, mailFrom, recipients);
    }

    // ---- answering ----

    void reply(Reply reply) {
        boolean error = countsAsError(reply.code());
        SmtpRules.ErrorPacing pacing = config.rules().errorPacing();
        if (error && errors + 1 >= pacing.softLimit() && pacing.sleep().isPositive()) {
            // smtpd_error_sleep_time: the reply (and the next command) wait; input stays paused meanwhile
            ctx.executor().schedule(() -> {
                if (!closing && ctx.channel().isActive()) {
                    answer(reply, true);
                }
            }, pacing.sleep().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return;
        }
        answer(reply, error);
    }

    private void answer(Reply reply, boolean error) {
        write(ReplyText.printable(reply.line()));
        if (error && ++errors >= MAX_ERRORS) {
            replyAndClose(Reply.of(421, "4.7.0", config.hostname() + " Error: too many errors"));
            return;
        }
        lines.resume();
    }

    /** A multi-line reply (RFC 5321 section 4.2.1): {@code code-text} lines, the last with a space. */
    void replyLines(int code, List<String> texts) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < texts.size(); i++) {
            b.append(code).append(i == texts.size() - 1 ? ' ' : '-').append(ReplyText.printable(texts.get(i)));
            if (i < texts.size() - 1) {
                b.append("\r\n");
            }
        }
        write(b.toString());
        lines.resume();
    }

    void replyAndClose(Reply reply) {
        closing = true;
        continuation = null;
        ctx.writeAndFlush(ByteBufUtil.writeUtf8(ctx.alloc(), ReplyText.printable(reply.line()) + "\r\n"))
                .addListener(ChannelFutureListener.CLOSE);
    }

    /** Sends {@code 334 <challenge>} and routes the next line to {@code next}. */
    void continueWith(String challenge, Continuation next) {
        continuation = next;
        write("334 " + ReplyText.printable(challenge));
        lines.resume();
    }

    /**
     * Runs {@code work} off the event loop (intake and password checks may block), then replies with
     * {@code then}'s answer, or the reply of a {@link RejectedException}. Input waits meanwhile.
     */
    <T> void offload(Callable<T> work, Then<T> then) {
        lines.pause();
        busy = true;
        var loop = ctx.channel().eventLoop();
        try {
            blocking.execute(() -> {
                T value = null;
                Reply failure = null;
                try {
                    value = work.call();
                } catch (RejectedException e) {
                    failure = e.reply();
                } catch (Exception | Error e) {
                    log.warn("SMTP intake step failed", e);
                    failure = Reply.of(451, "4.3.0", "Error: local error in processing");
                }
                T result = value;
                Reply refused = failure;
                loop.execute(() -> finish(refused, result, then));
            });
        } catch (RejectedExecutionException e) {
            replyAndClose(Reply.of(421, "4.3.2", config.hostname() + " Service shutting down"));
        }
    }

    private <T> void finish(Reply refused, T value, Then<T> then) {
        busy = false;
        if (closing || !ctx.channel().isActive()) {
            return;
        }
        if (refused != null) {
            reply(refused);
            return;
        }
        try {
            reply(then.apply(value));
        } catch (SmtpException e) {
            reply(e.reply());
        }
    }

    void startData() {
        write("354 End data with <CR><LF>.<CR><LF>");
        data.begin();
    }

    void startTls() {
        if (config.rules().startTlsDiscardsPipelined()) {
            lines.discardBuffered();
        }
        startTlsPending = true;
        // startTls=true lets the 220 below leave in plaintext; everything after is TLS.
        ctx.pipeline().addFirst(SmtpChannelInitializer.TLS, new SslHandler(config.tls().newEngine(ctx.alloc()), true));
        write("220 2.0.0 Ready to start TLS");
    }

    private void write(String text) {
        ctx.writeAndFlush(ByteBufUtil.writeUtf8(ctx.alloc(), text + "\r\n"));
    }

    private static boolean countsAsError(int code) {
        return code >= 500 && code <= 504 || code == 555;
    }

    // ---- for the handler ----

    void attach(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    boolean closing() {
        return closing;
    }

    void greet() {
        write("220 " + config.hostname() + " ESMTP");
    }

    /** The next line goes to a pending AUTH continuation, if any, instead of command dispatch. */
    Continuation takeContinuation() {
        Continuation pending = continuation;
        continuation = null;
        return pending;
    }

    /** The end of DATA: nothing is delivered when the message was too big. */
    void messageReceived(DataFramer.Received received) {
        Transaction done = transaction;
        transaction = null;
        if (received.oversized()) {
            reply(Reply.of(552, "5.3.4", "Error: message file too big"));
            return;
        }
        if (received.failed()) {
            reply(Reply.of(451, "4.3.0", "Error: local error in processing"));
            return;
        }
        Envelope envelope = envelope(done.mailFrom(), done.recipients());
        SpooledMessage message = received.message();
        offload(() -> {
            try {
                return intake.message(envelope, message);
            } finally {
                message.discard();
            }
        }, reply -> reply);
    }

    /** No input for the idle timeout; while the intake works the client is waiting for us, not idle. */
    void idle() {
        if (!closing && !busy) {
            replyAndClose(Reply.of(421, "4.4.2", config.hostname() + " Error: timeout exceeded"));
        }
    }

    /** TLS is up (implicit, or after STARTTLS). */
    void tlsEstablished() {
        tls = true;
        if (startTlsPending) {
            // RFC 3207 section 4.2: forget everything learned before TLS.
            startTlsPending = false;
            heloName = null;
            user = Optional.empty();
            transaction = null;
            lines.resume();
        }
    }

    void abort() {
        closing = true;
        continuation = null;
        ctx.close();
    }
}
