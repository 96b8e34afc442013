package org.relaycert.server.config;

/** The whole relay configuration: chatmail's params, the relay's own settings and its federation settings. */
public record RelayConfig(ChatmailParams params, RelaySettings relay, FederationSettings federation) {

    /** A config with chatmail's federation defaults. */
    public RelayConfig(ChatmailParams params, RelaySettings relay) {
        this(params, relay, FederationSettings.chatmail());
    }

    public String mailDomain() {
        return params.mailDomain();
    }
}
