package org.relaycert.server.imap.session;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/** Writes {@link Response} values to the wire, each terminated by CRLF. */
public final class ResponseEncoder extends MessageToByteEncoder<Response> {
    @Override
    protected void encode(ChannelHandlerContext ctx, Response msg, ByteBuf out) {
        out.ensureWritable((int) msg.size());
        for (byte[] part : msg.parts()) {
            out.writeBytes(part);
        }
        out.writeByte('\r').writeByte('\n');
    }
}
