package org.relaycert.server.config;

/** The whole relay configuration: chatmail's params and the relay's own settings. */
public record RelayConfig(ChatmailParams params, RelaySettings relay) {

    public String mailDomain() {
        return params.mailDomain();
    }
}
