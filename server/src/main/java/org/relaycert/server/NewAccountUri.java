package org.relaycert.server;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.relaycert.server.account.CredentialGenerator;
import org.relaycert.server.account.NewAccount;
import org.relaycert.server.config.RelayConfig;

/** The {@code new-account} command's output: fresh credentials as a {@code dclogin:} URI. */
final class NewAccountUri {
    private NewAccountUri() {
    }

    static String forConfig(RelayConfig cfg) {
        NewAccount acc = new CredentialGenerator(cfg.params()).generate();
        String uri = "dclogin:" + acc.email() + "?p=" + URLEncoder.encode(acc.password(), StandardCharsets.UTF_8).replace("+", "%20")
                + "&v=1";
        return cfg.params().selfSignedDomain() ? uri + "&ic=3" : uri;
    }
}
