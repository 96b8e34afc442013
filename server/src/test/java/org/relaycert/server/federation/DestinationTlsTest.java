package org.relaycert.server.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Spec 2.2: which destinations get verified TLS, TLS with any certificate, or plaintext; address literals. */
class DestinationTlsTest {

    @ParameterizedTest
    @CsvSource({
        "chat.example.org, VERIFIED",
        "nauta.cu, PLAINTEXT",
        "NAUTA.CU, PLAINTEXT",
        "mail.nauta.cu, VERIFIED",
        "_selfsigned.example.org, ANY_CERTIFICATE",
        "_test, ANY_CERTIFICATE",
        "[192.0.2.7], ANY_CERTIFICATE",
        "'[IPv6:2001:db8::1]', ANY_CERTIFICATE",
        "192.0.2.7, VERIFIED",
        "a_b.example.org, VERIFIED"
    })
    void chatmailsExceptionsUnderVerify(String domain, DestinationTls expected) {
        assertThat(DestinationTls.of(domain, FederationRules.OutboundTls.VERIFY)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"chat.example.org", "_x.example", "[192.0.2.7]"})
    void securityLevelNoneMeansPlaintextEverywhere(String domain) {
        assertThat(DestinationTls.of(domain, FederationRules.OutboundTls.NONE)).isEqualTo(DestinationTls.PLAINTEXT);
    }

    @Test
    void addressLiteralsParseWithoutDns() throws Exception {
        assertThat(IpLiteral.parse("[192.0.2.7]")).contains(InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 7}));
        assertThat(IpLiteral.parse("[IPv6:2001:db8::1]")).contains(InetAddress.getByName("2001:db8::1"));
        assertThat(IpLiteral.parse("[ipv6:::1]")).contains(InetAddress.getByName("::1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.0.2.7", "[256.0.0.1]", "[1.2.3]", "[01.2.3.4]", "[IPv6:zz::1]", "[IPv6:1.2.3.4]",
        "[example.org]", "[]", "[IPv6:2001:db8::1::2]"})
    void otherTextIsNoAddressLiteral(String domain) {
        assertThat(IpLiteral.parse(domain)).isEmpty();
    }
}
