package org.relaycert.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VerifiedLoginsTest {
    private static final String HASH = "$argon2id$v=19$m=12288,t=3,p=1$c2FsdA$aGFzaA";

    @Test
    void matchesOnlyTheSamePasswordAgainstTheSameStoredHash() {
        VerifiedLogins v = new VerifiedLogins();
        assertThat(v.matches("a@x.test", HASH, "secret")).isFalse();
        v.remember("a@x.test", HASH, "secret");
        assertThat(v.matches("a@x.test", HASH, "secret")).isTrue();
        assertThat(v.matches("a@x.test", HASH, "Secret")).as("other password").isFalse();
        assertThat(v.matches("a@x.test", HASH + "x", "secret")).as("password file replaced").isFalse();
        assertThat(v.matches("b@x.test", HASH, "secret")).as("other account").isFalse();
    }

    @Test
    void keepsAtMostItsCapacityDroppingTheLeastRecentlyUsed() {
        VerifiedLogins v = new VerifiedLogins();
        v.remember("first@x.test", HASH, "p");
        for (int i = 0; i < VerifiedLogins.CAPACITY; i++) {
            v.remember("u" + i + "@x.test", HASH, "p");
        }
        assertThat(v.size()).isEqualTo(VerifiedLogins.CAPACITY);
        assertThat(v.matches("first@x.test", HASH, "p")).isFalse();
        assertThat(v.matches("u" + (VerifiedLogins.CAPACITY - 1) + "@x.test", HASH, "p")).isTrue();
    }
}
