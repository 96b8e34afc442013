package org.relaycert.server.config;

/** The whole relay configuration: chatmail's params, the relay's own settings, its federation settings and METADATA entries. */
public record RelayConfig(ChatmailParams params, RelaySettings relay, FederationSettings federation,
                          MetadataSettings metadata) {

    /** A config without {@code [metadata]} entries. */
    public RelayConfig(ChatmailParams params, RelaySettings relay, FederationSettings federation) {
        this(params, relay, federation, MetadataSettings.none());
    }

    /** A config with chatmail's federation defaults. */
    public RelayConfig(ChatmailParams params, RelaySettings relay) {
        this(params, relay, FederationSettings.chatmail());
    }

    public String mailDomain() {
        return params.mailDomain();
    }
}
