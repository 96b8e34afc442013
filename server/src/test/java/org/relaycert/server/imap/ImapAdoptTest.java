package org.relaycert.server.imap;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaycert.server.tls.TlsContexts;
import org.relaycert.server.tls.TlsMaterial;

/** A listener that terminates TLS itself (as the port-443 multiplexer does) and hands the connection to IMAP. */
class ImapAdoptTest {
    @TempDir
    Path dir;

    @Test
    void adoptedConnectionIsGreetedAndCountsAsTls() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (ImapTestServer server = new ImapTestServer(dir)) {
            SslContext tls = new TlsContexts(TlsMaterial.selfSigned(dir, "relay.test", List.of())).clientPorts();
            Channel listener = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            SslHandler ssl = tls.newHandler(ch.alloc());
                            ch.pipeline().addLast("mux-tls", ssl);
                            ssl.handshakeFuture().addListener(f -> {
                                if (f.isSuccess()) {
                                    server.implicit.adopt(ch);
                                }
                            });
                        }
                    }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
            try (TestImapClient c = TestImapClient.implicitTls((InetSocketAddress) listener.localAddress(), server.clientTls)) {
                assertThat(c.readLine()).startsWith("* OK [CAPABILITY").contains("AUTH=PLAIN");
                assertThat(TestImapClient.last(c.command("LOGIN " + ImapTestServer.USER + " " + ImapTestServer.PASSWORD)))
                        .startsWith("a1 OK");
                assertThat(TestImapClient.last(c.command("SELECT INBOX"))).startsWith("a2 OK [READ-WRITE]");
            } finally {
                listener.close().sync();
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }
}
