package org.relaycert.server.tls;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Lets TLS clients send any server name, as OpenSSL-based servers (Postfix, Dovecot, nginx) do.
 *
 * <p>Chatmail names self-signed relays with a leading underscore ({@code _relay.example}), and its clients
 * (Python's ssl, curl, OpenSSL, Postfix with {@code smtp_tls_servername = hostname}) send that name as SNI.
 * The JDK's server parses the SNI extension into {@code SNIHostName}, which refuses non-LDH names and aborts
 * the handshake with {@code illegal_parameter}; no engine or context setting turns that parse off. The relay
 * serves one certificate whatever the name, so it has no use for SNI: it tells the JDK not to process the
 * extension at all ({@code jdk.tls.server.disableExtensions}), and the client's name no longer matters.
 *
 * <p>The JDK reads that property once, when the first server-side handshake in the JVM is configured, so
 * {@link #install()} must run before any server-side {@code SSLEngine} exists; {@link TlsContexts} calls it
 * when it is loaded, and {@code bin/relay.jvm-options} sets the property at JVM start as well.
 */
public final class ServerNameTolerance {
    static final String PROPERTY = "jdk.tls.server.disableExtensions";
    static final String SERVER_NAME = "server_name";

    private ServerNameTolerance() {}

    /** Adds {@code server_name} to the server extensions the JDK ignores, keeping any others already listed. */
    public static synchronized void install() {
        System.setProperty(PROPERTY, withServerName(System.getProperty(PROPERTY)));
    }

    /** The property value that disables {@code server_name} in addition to what {@code current} disables. */
    static String withServerName(String current) {
        Set<String> names = new LinkedHashSet<>();
        if (current != null) {
            String unquoted = current.strip();
            // the JDK strips one pair of surrounding quotes, so a quoted list must stay a list here too
            if (unquoted.length() > 1 && unquoted.startsWith("\"") && unquoted.endsWith("\"")) {
                unquoted = unquoted.substring(1, unquoted.length() - 1);
            }
            Arrays.stream(unquoted.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(names::add);
        }
        names.add(SERVER_NAME);
        return String.join(",", names);
    }
}
