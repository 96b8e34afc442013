package org.relaycert.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaycert.server.TestRelayConfig;
import org.relaycert.server.store.MaildirStore;

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

    @Test
    void theLoginThatCreatesAnAccountCountsAsVerified(@TempDir Path dir) throws Exception {
        MaildirStore store = new MaildirStore(dir.resolve("mail"), Clock.systemUTC());
        AccountService accounts = new AccountService(TestRelayConfig.domain("x.test").parse(dir).params(),
                store, Clock.systemUTC(), CreationGate.OPEN);
        assertThat(accounts.authenticate("alice1234@x.test", "a-long-enough-password")).contains("alice1234@x.test");
        String stored = Files.readString(store.userDirectory("alice1234@x.test").resolve(AccountService.PASSWORD_FILE),
                StandardCharsets.US_ASCII).strip();
        assertThat(accounts.verifiedLogins().matches("alice1234@x.test", stored, "a-long-enough-password"))
                .as("the next login is served without a second derivation").isTrue();
        assertThat(accounts.verifiedLogins().matches("alice1234@x.test", stored, "another-password")).isFalse();
        assertThat(accounts.authenticate("alice1234@x.test", "another-password")).as("a wrong password").isEmpty();
        assertThat(accounts.authenticate("alice1234@x.test", "a-long-enough-password")).contains("alice1234@x.test");
    }
}
