package org.relaycert.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.relaycert.server.account.NewAccount;

class DcloginUrlTest {

    @Test
    void defaultPortsAreLeftOutAndPunctuationIsEncoded() {
        String url = DcloginUrl.of(new NewAccount("abc@[1.2.3.4]", "a&b=c d%~"), Optional.of("1.2.3.4"), 993, 465);

        assertThat(url).isEqualTo("dclogin:abc@[1.2.3.4]?p=a%26b%3Dc%20d%25~&v=1&ih=1.2.3.4&sh=1.2.3.4&ic=3");
    }

    @Test
    void withoutHostOnlyCredentialsAndCertificateMode() {
        assertThat(DcloginUrl.of(new NewAccount("x@_d.test", "pw+?#"), Optional.empty(), 993, 465))
                .isEqualTo("dclogin:x@_d.test?p=pw%2B%3F%23&v=1&ic=3");
    }
}
