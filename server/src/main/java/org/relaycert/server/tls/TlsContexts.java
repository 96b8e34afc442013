package org.relaycert.server.tls;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import javax.net.ssl.SSLException;

/**
 * Server TLS as chatmail sets it: TLS 1.3 only on the client ports (465, 587, 143, 993),
 * TLS 1.2 or newer on port 25 so that older MTAs can still federate.
 */
public final class TlsContexts {
    private final SslContext clientPorts;
    private final SslContext mx;

    public TlsContexts(TlsMaterial material) throws SSLException {
        this.clientPorts = builder(material).protocols("TLSv1.3").build();
        this.mx = builder(material).protocols("TLSv1.3", "TLSv1.2").build();
    }

    private static SslContextBuilder builder(TlsMaterial m) {
        return SslContextBuilder.forServer(m.certificateChain().toFile(), m.privateKey().toFile())
                .sslProvider(SslProvider.JDK);
    }

    /** For submission, SMTPS, IMAP and IMAPS: TLS 1.3 only. */
    public SslContext clientPorts() {
        return clientPorts;
    }

    /** For port 25: TLS 1.2 and 1.3. */
    public SslContext mx() {
        return mx;
    }

    /** A client-port context that also negotiates ALPN (used by the port-443 multiplexer). */
    public SslContext clientPortsWithAlpn(TlsMaterial m, String... protocols) throws SSLException {
        return builder(m).protocols("TLSv1.3")
                .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, protocols))
                .build();
    }
}
