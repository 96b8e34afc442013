package org.relaycert.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestTargetTest {

    @Test
    void originFormGivesDecodedPathAndQuery() {
        RequestTarget t = RequestTarget.parse("/mail/config-v1.1.xml?emailaddress=a%40b.org").orElseThrow();

        assertThat(t.path()).isEqualTo("/mail/config-v1.1.xml");
        assertThat(t.query()).containsEntry("emailaddress", List.of("a@b.org"));
    }

    @Test
    void absoluteFormNamesItsPath() {
        assertThat(RequestTarget.parse("https://chat.example.org/new").orElseThrow().path()).isEqualTo("/new");
        assertThat(RequestTarget.parse("http://chat.example.org").orElseThrow().path()).isEqualTo("/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "*", "new", "chat.example.org:443", "mailto:a@b", "/a%zz", "/a b", "/#frag",
            "ftp://x/new", "//host/new"})
    void otherTargetsAreRejected(String target) {
        assertThat(RequestTarget.parse(target)).isEmpty();
    }
}
