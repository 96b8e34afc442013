package org.relaycert.server;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.relaycert.server.account.CredentialGenerator;
import org.relaycert.server.account.NewAccount;
import org.relaycert.server.config.RelayConfig;
import org.relaycert.server.web.DcloginUrl;

/**
 * The {@code new-account} command's output: fresh credentials as a {@code dclogin:} URI. A self-signed
 * relay's URI also names its address and ports and accepts its certificate ({@code ic=3}), as {@code /new} does.
 */
final class NewAccountUri {
    private NewAccountUri() {
    }

    static String forConfig(RelayConfig cfg) {
        NewAccount acc = new CredentialGenerator(cfg.params()).generate();
        if (cfg.params().selfSignedDomain()) {
            return DcloginUrl.of(acc, Optional.of(cfg.relay().bindAddress()), cfg.relay().imapsPort(), cfg.relay().smtpsPort());
        }
        return "dclogin:" + acc.email() + "?p="
                + URLEncoder.encode(acc.password(), StandardCharsets.UTF_8).replace("+", "%20") + "&v=1";
    }
}
