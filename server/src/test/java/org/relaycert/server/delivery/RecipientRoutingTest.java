package org.relaycert.server.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecipientRoutingTest {
    @Test
    void chatmailTakesAddressesLiterally() {
        assertThat(RecipientRouting.LITERAL.resolve("victim%elsewhere.test@relay.test")).isEqualTo("victim%elsewhere.test@relay.test");
    }

    @Test
    void legacyRoutingResolvesPercentBangAndQuotedForms() {
        assertThat(RecipientRouting.LEGACY.resolve("victim%elsewhere.test@relay.test")).isEqualTo("victim@elsewhere.test");
        assertThat(RecipientRouting.LEGACY.resolve("elsewhere.test!victim@relay.test")).isEqualTo("victim@elsewhere.test");
        assertThat(RecipientRouting.LEGACY.resolve("\"victim@elsewhere.test\"@relay.test")).isEqualTo("victim@elsewhere.test");
        assertThat(RecipientRouting.LEGACY.resolve("plain1234@relay.test")).isEqualTo("plain1234@relay.test");
        assertThat(RecipientRouting.LEGACY.resolve("no-domain")).isEqualTo("no-domain");
    }
}
