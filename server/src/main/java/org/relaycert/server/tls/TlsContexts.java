package org.relaycert.server.tls;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * Server TLS as chatmail sets it: TLS 1.3 only on the client ports (465, 587, 143, 993),
 * TLS 1.2 or newer on port 25 so that older MTAs can still federate.
 */
public final class TlsContexts {
    static {
        // before the first server-side engine: the JDK reads this setting only once (see ServerNameTolerance)
        ServerNameTolerance.install();
    }

    private final SslContext clientPorts;
    private final SslContext mx;
    private final SslContext https;

    /**
     * The protocol versions each group of ports offers ({@code smtpd_tls_protocols}, Dovecot
     * {@code ssl_min_protocol}); {@link #chatmail()} is chatmail's choice.
     */
    public record Protocols(List<String> clientPorts, List<String> mx) {
        public Protocols {
            clientPorts = List.copyOf(clientPorts);
            mx = List.copyOf(mx);
        }

        public static Protocols chatmail() {
            return new Protocols(List.of("TLSv1.3"), List.of("TLSv1.3", "TLSv1.2"));
        }
    }

    public TlsContexts(TlsMaterial material) throws SSLException {
        this(material, Protocols.chatmail());
    }

    public TlsContexts(TlsMaterial material, Protocols protocols) throws SSLException {
        this.clientPorts = builder(material).protocols(protocols.clientPorts()).build();
        this.mx = builder(material).protocols(protocols.mx()).build();
        this.https = builder(material).protocols(protocols.mx())
                .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, "http/1.1", "imap", "smtp"))
                .build();
    }

    /** For port 443: TLS 1.2 and 1.3 for the web, with ALPN {@code imap} and {@code smtp} for mail clients. */
    public SslContext https() {
        return https;
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
}
