package org.relaycert.server.web;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches aggregated requests to routes by exact path: 400 for what the codec could not parse (414
 * and 431 for its length limits) or a
 * target that names no path, 505 for HTTP versions other than 1.x, 301 from {@code www.<domain>} to the domain, 404 for unknown paths, 405
 * with {@code Allow} for methods a route does not take, 503 when the worker pool for blocking routes is
 * full. HEAD is GET without the body. Logs carry
 * method, path and status only, never the peer's address.
 */
@ChannelHandler.Sharable
final class Router extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger log = LoggerFactory.getLogger(Router.class);

    private final Map<String, Route> routes;
    private final SecurityHeaders security;
    private final String mailDomain;
    private final Executor blockingWork;

    Router(Map<String, Route> routes, SecurityHeaders security, String mailDomain, Executor blockingWork) {
        this.blockingWork = blockingWork;
        this.routes = Map.copyOf(routes);
        this.security = security;
        this.mailDomain = mailDomain.toLowerCase(Locale.ROOT);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAliveDefault = request.protocolVersion().isKeepAliveDefault();
        if (request.decoderResult().isFailure()) {
            // The decoder discards the rest of the connection after a failure: answer and close.
            send(ctx, keepAliveDefault, WebResponse.plain(failureStatus(request.decoderResult().cause())), false, true);
            return;
        }
        if (request.protocolVersion().majorVersion() != 1) {
            send(ctx, keepAliveDefault, WebResponse.plain(HttpResponseStatus.HTTP_VERSION_NOT_SUPPORTED), false, true);
            return;
        }
        Optional<RequestTarget> target = RequestTarget.parse(request.uri());
        if (target.isEmpty()) {
            send(ctx, keepAliveDefault, WebResponse.plain(HttpResponseStatus.BAD_REQUEST), false, true);
            return;
        }
        boolean head = request.method().equals(HttpMethod.HEAD);
        HttpMethod method = head ? HttpMethod.GET : request.method();
        boolean close = !HttpUtil.isKeepAlive(request);
        String path = target.get().path();
        Consumer<WebResponse> reply = response -> {
            log.debug("{} {} -> {}", request.method(), path, response.status().code());
            send(ctx, keepAliveDefault, response, head, close);
        };
        Optional<WebResponse> early = early(request, target.get(), method);
        if (early.isPresent()) {
            if (request instanceof BodySpooler.Spooled spooled) {
                spooled.body.discard();
            }
            reply.accept(early.get());
            return;
        }
        Route route = routes.get(path);
        // copied now: the request is released when this method returns
        WebRequest call = new WebRequest(method, path, target.get().query(), request.headers(),
                ByteBufUtil.getBytes(request.content()),
                ctx.channel().remoteAddress() instanceof InetSocketAddress peer ? peer.getAddress() : null,
                request instanceof BodySpooler.Spooled spooled ? Optional.of(spooled.body) : Optional.empty());
        if (!route.blocking()) {
            reply.accept(invokeAndDiscard(route, call));
            return;
        }
        // no further request is read until this one is answered, so pipelined responses keep their order
        ctx.channel().config().setAutoRead(false);
        try {
            blockingWork.execute(() -> {
                WebResponse response = invokeAndDiscard(route, call);
                ctx.executor().execute(() -> {
                    reply.accept(response);
                    ctx.channel().config().setAutoRead(true);
                });
            });
        } catch (RejectedExecutionException e) {
            call.spooledBody().ifPresent(org.relaycert.server.delivery.SpooledMessage::discard);
            ctx.channel().config().setAutoRead(true);
            reply.accept(WebResponse.plain(HttpResponseStatus.SERVICE_UNAVAILABLE).withHeader("Retry-After", "1"));
        }
    }

    /** The answer that needs no route: the www redirect, 404, 405; empty when a route must respond. */
    private Optional<WebResponse> early(FullHttpRequest request, RequestTarget target, HttpMethod method) {
        String host = hostName(request.headers().get(HttpHeaderNames.HOST));
        if (host.equals("www." + mailDomain)) {
            return Optional.of(WebResponse.redirect(HttpResponseStatus.MOVED_PERMANENTLY,
                    "https://" + mailDomain + (request.uri().startsWith("/") ? request.uri() : target.path())));
        }
        Route route = routes.get(target.path());
        if (route == null) {
            return Optional.of(WebResponse.plain(HttpResponseStatus.NOT_FOUND));
        }
        if (!route.methods().contains(method)) {
            return Optional.of(WebResponse.plain(HttpResponseStatus.METHOD_NOT_ALLOWED).withHeader("Allow", allow(route)));
        }
        return Optional.empty();
    }

    /** Runs the route; a spooled body's file goes afterwards. */
    private static WebResponse invokeAndDiscard(Route route, WebRequest call) {
        try {
            return invoke(route, call);
        } finally {
            call.spooledBody().ifPresent(org.relaycert.server.delivery.SpooledMessage::discard);
        }
    }

    private static WebResponse invoke(Route route, WebRequest call) {
        try {
            return route.respond(call);
        } catch (Exception e) {
            log.warn("{} {} failed: {}", call.method(), call.path(), e.toString());
            return WebResponse.plain(HttpResponseStatus.INTERNAL_SERVER_ERROR);
        }
    }

    /** 414 and 431 for the limits the codec enforces (RFC 9110 15.5.15, RFC 6585 5), else 400. */
    static HttpResponseStatus failureStatus(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return HttpResponseStatus.REQUEST_URI_TOO_LONG;
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
        }
        return HttpResponseStatus.BAD_REQUEST;
    }

    static String allow(Route route) {
        Set<String> names = new TreeSet<>();
        route.methods().forEach(m -> names.add(m.name()));
        if (route.methods().contains(HttpMethod.GET)) {
            names.add(HttpMethod.HEAD.name());
        }
        return String.join(", ", names);
    }

    /** The host part of a Host header value ({@code uri-host [ ":" port ]}), lower-cased; "" if absent. */
    static String hostName(String hostHeader) {
        if (hostHeader == null) {
            return "";
        }
        String h = hostHeader.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    private void send(ChannelHandlerContext ctx, boolean keepAliveDefault, WebResponse response, boolean head,
            boolean close) {
        FullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, response.status(),
                head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(response.body()));
        response.headers().forEach((name, value) -> out.headers().set(name, value));
        out.headers().set(HttpHeaderNames.CONTENT_TYPE, response.contentType());
        // HEAD announces the length the GET body would have (RFC 9110 section 9.3.2).
        out.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.body().length);
        security.apply(out.headers());
        if (close) {
            out.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
        } else {
            if (!keepAliveDefault) {
                out.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            }
            ctx.writeAndFlush(out);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            ctx.close();
        } else {
            super.userEventTriggered(ctx, evt);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // TLS handshake failures and resets are routine on a public port.
        log.debug("connection closed on error: {}", cause.toString());
        ctx.close();
    }
}
