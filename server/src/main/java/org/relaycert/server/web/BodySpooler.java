package org.relaycert.server.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.relaycert.server.delivery.Spool;
import org.relaycert.server.delivery.SpooledMessage;

/**
 * Pipeline stage {@code "spooler"}, before the aggregator: the body of a POST to a route with a
 * {@link Route#spool() spool} (a message for {@code /mxdeliv}) goes to a spool file chunk by chunk instead of
 * into memory; the router then gets a {@link Spooled} request with an empty content. Other requests pass
 * untouched to the aggregator, which keeps its limits and answers.
 */
final class BodySpooler extends ChannelInboundHandlerAdapter {

    /** A request whose body is in a spool file; the router discards the file when the route is done. */
    static final class Spooled extends DefaultFullHttpRequest {
        final SpooledMessage body;

        Spooled(HttpRequest head, SpooledMessage body) {
            super(head.protocolVersion(), head.method(), head.uri(), Unpooled.EMPTY_BUFFER, head.headers(),
                    io.netty.handler.codec.http.EmptyHttpHeaders.INSTANCE);
            this.body = body;
        }
    }

    private final Map<String, Route> routes;
    private final long maxContentLength;
    private HttpRequest head;
    private Spool.Writer body;

    BodySpooler(Map<String, Route> routes, long maxContentLength) {
        this.routes = routes;
        this.maxContentLength = maxContentLength;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws IOException {
        if (msg instanceof HttpRequest request && !(msg instanceof DefaultFullHttpRequest)) {
            Optional<Spool> spool = spoolFor(request);
            if (spool.isPresent()) {
                head = request;
                body = spool.get().create();
                if (HttpUtil.is100ContinueExpected(request)) {
                    request.headers().remove(HttpHeaderNames.EXPECT);
                    ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
                }
            }
        }
        if (body == null) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            if (msg instanceof HttpContent content) {
                body.write(content.content().nioBuffer());
                if (body.size() > maxContentLength) {
                    tooLarge(ctx);
                    return;
                }
                if (content instanceof LastHttpContent) {
                    SpooledMessage message = body.finish();
                    body = null;
                    ctx.fireChannelRead(new Spooled(head, message));
                }
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    /** A route that spools, for a POST whose declared length (if any) is within the limit. */
    private Optional<Spool> spoolFor(HttpRequest request) {
        if (!request.method().equals(HttpMethod.POST) || request.decoderResult().isFailure()
                || HttpUtil.getContentLength(request, 0L) > maxContentLength) {
            return Optional.empty(); // the aggregator answers these as before
        }
        Route route = RequestTarget.parse(request.uri()).map(t -> routes.get(t.path())).orElse(null);
        return route == null ? Optional.empty() : route.spool();
    }

    /** As the aggregator does for a body past the limit: 413, and the connection closes. */
    private void tooLarge(ChannelHandlerContext ctx) {
        drop();
        DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE);
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0).set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    private void drop() {
        if (body != null) {
            body.close();
            body = null;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        drop(); // a body cut off delivers nothing
        ctx.fireChannelInactive();
    }
}
