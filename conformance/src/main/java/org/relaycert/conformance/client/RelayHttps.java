package org.relaycert.conformance.client;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.Timeout;
import org.relaycert.conformance.targets.Endpoint;

/**
 * One HTTPS request to a relay's web endpoint (Apache HttpClient 5, classic). It dials the endpoint's connect
 * address ({@code chatmail.host}) and port, from its source address ({@code chatmail.bind}) when set, and sends
 * the relay's domain as Host header and as the name the certificate is checked against, even a name the
 * JDK's URI cannot hold ({@code _barx.localhost}). Certificates are judged by the target's trust alone, as
 * {@link org.relaycert.wire.LineSession} does: the trust checks the name too (JSSE's "HTTPS" identification), so a run that
 * accepts any certificate ({@code chatmail.insecure=true}) accepts any name as well. No redirects are followed,
 * no retries made, no compression asked for: a check sees exactly what the relay answered to one request.
 */
public final class RelayHttps {
    private RelayHttps() {
    }

    /** The relay's answer: status, body (the declared charset, else UTF-8) and headers. */
    public record Answer(int statusCode, String body, Map<String, List<String>> headers) {
        /** The first value of header {@code name} (any case). */
        public Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }
    }

    /** A request: {@code headers} may repeat a name; {@code body} null sends none. */
    public record Request(String method, String path, List<Map.Entry<String, String>> headers, String body) {
        public static Request of(String method, String path) {
            return new Request(method, path, List.of(), null);
        }
    }

    /** The URL as a user would write it, for evidence and errors. */
    public static String url(Endpoint e, String path) {
        return "https://" + e.host() + (e.port() == 443 ? "" : ":" + e.port()) + path;
    }

    /** {@code request} to {@code e}; the connection waits at most {@code connect}, each read {@code answer}. */
    public static Answer send(Endpoint e, SSLContext trust, Request request, Duration connect, Duration answer)
            throws IOException {
        InetAddress address = ClientSockets.resolve(e);
        HttpHost target = new HttpHost("https", address, e.host(), e.port());
        ClassicRequestBuilder b = ClassicRequestBuilder.create(request.method()).setHttpHost(target).setPath(request.path());
        request.headers().forEach(h -> b.addHeader(h.getKey(), h.getValue()));
        if (request.body() != null) {
            b.setEntity(new ByteArrayEntity(request.body().getBytes(StandardCharsets.UTF_8), null)); // no Content-Type, as before
        }
        try (CloseableHttpClient http = client(e.source(), trust, connect, answer)) {
            return http.execute(target, b.build(), response -> {
                Map<String, List<String>> headers = new TreeMap<>();
                for (Header h : response.getHeaders()) {
                    headers.computeIfAbsent(h.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.getValue());
                }
                String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
                return new Answer(response.getCode(), body, headers);
            });
        } catch (IOException failure) {
            throw ClientSockets.named(request.method() + " " + url(e, request.path()) + " at "
                    + ClientSockets.describe(e, address), failure);
        }
    }

    private static CloseableHttpClient client(Optional<InetAddress> source, SSLContext trust, Duration connect,
                                              Duration answer) {
        ConnectionConfig timeouts = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(connect)).setSocketTimeout(Timeout.of(answer)).build();
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(new DefaultClientTlsStrategy(trust, HostnameVerificationPolicy.BUILTIN,
                                NoopHostnameVerifier.INSTANCE))
                        .setDefaultConnectionConfig(timeouts).build())
                .setRoutePlanner(new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE) {
                    @Override
                    protected InetAddress determineLocalAddress(HttpHost firstHop, HttpContext context) {
                        return source.orElse(null); // null: the system picks the source address
                    }
                })
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(answer)).build())
                .disableRedirectHandling().disableAutomaticRetries().disableContentCompression()
                .disableCookieManagement().build();
    }
}
