package org.relaycert.server.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PathArgumentTest {
    @Test
    void parsesPathAndParameters() {
        PathArgument p = PathArgument.parse("FROM:<a@b.example> size=10 BODY=8BITMIME", "FROM:");
        assertThat(p.address()).isEqualTo("a@b.example");
        assertThat(p.params()).containsExactly(Map.entry("SIZE", "10"), Map.entry("BODY", "8BITMIME"));
    }

    @Test
    void lenientForms() {
        assertThat(PathArgument.parse("from: <a@b>", "FROM:").address()).isEqualTo("a@b");
        assertThat(PathArgument.parse("TO:a@b", "TO:").address()).isEqualTo("a@b");
        assertThat(PathArgument.parse("FROM:<>", "FROM:").address()).isEmpty();
        assertThat(PathArgument.parse("TO:<@x,@y:a@b>", "TO:").address()).isEqualTo("a@b");
        assertThat(PathArgument.parse("TO:<\"john doe\"@b>", "TO:").address()).isEqualTo("\"john doe\"@b");
        assertThat(PathArgument.parse("TO:<Postmaster>", "TO:").address()).isEqualTo("Postmaster");
    }

    @Test
    void refusesMalformed() {
        for (String bad : new String[] {"TO <a@b>", "TO:<a@b", "TO:<a b@c>", "TO:<a@b>x", "TO:<@a@b>", "TO:<a@>",
                "TO:<@b>", "TO:", "TO:<a@b> =x", "TO:<\"open@b>", "TO:<a\u0001@b>"}) {
            assertThatThrownBy(() -> PathArgument.parse(bad, "TO:")).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
