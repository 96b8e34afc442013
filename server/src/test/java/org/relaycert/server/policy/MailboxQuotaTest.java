package org.relaycert.server.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaycert.server.delivery.LocalDelivery;
import org.relaycert.server.delivery.MailIntake;
import org.relaycert.server.store.MaildirStore;
import org.relaycert.server.store.UserMailbox;

class MailboxQuotaTest {
    static final String USER = "alice0001@relay-a.test";
    static final long QUOTA = 100_000;

    @TempDir
    Path dir;

    static byte[] message(int size) {
        byte[] m = new byte[size];
        java.util.Arrays.fill(m, (byte) 'x');
        byte[] head = "Subject: [...]\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, m, 0, head.length);
        return m;
    }

    @Test
    void atSeventyFivePercentOldestMailGoesDownToSeventy() throws Exception {
        GcraRateLimiterTest.MovableClock clock = new GcraRateLimiterTest.MovableClock();
        MaildirStore store = new MaildirStore(dir, clock);
        LocalDelivery delivery = new LocalDelivery(store, clock, QUOTA, new MailboxQuota(QUOTA, clock));
        UserMailbox box = store.mailbox(USER);
        for (int i = 0; i < 7; i++) { // 70 % over two days, nothing trimmed yet
            assertThat(delivery.deliver(List.of(USER), message(10_000))).extracting(MailIntake.Outcome::reply)
                    .allMatch(r -> r.code() == 250);
            clock.now = clock.now.plus(Duration.ofHours(8));
        }
        assertThat(box.usedBytes()).isEqualTo(70_000);
        clock.now = clock.now.plus(Duration.ofDays(2));
        delivery.deliver(List.of(USER), message(6_000)); // 76 %
        assertThat(box.usedBytes()).as("trimmed to 70 %").isLessThanOrEqualTo(70_000).isEqualTo(66_000);
        assertThat(box.folder("INBOX").messages()).hasSize(7);
    }

    @Test
    void youngMailIsKeptAndAFullMailboxStillRefuses() throws Exception {
        GcraRateLimiterTest.MovableClock clock = new GcraRateLimiterTest.MovableClock();
        MaildirStore store = new MaildirStore(dir, clock);
        LocalDelivery delivery = new LocalDelivery(store, clock, QUOTA, new MailboxQuota(QUOTA, clock));
        for (int i = 0; i < 9; i++) {
            delivery.deliver(List.of(USER), message(10_000));
        }
        assertThat(store.mailbox(USER).usedBytes()).as("all younger than 24 h: kept").isEqualTo(90_000);
        assertThat(delivery.deliver(List.of(USER), message(20_000)).get(0).reply().code()).isEqualTo(552);
        clock.now = clock.now.plus(Duration.ofHours(25));
        assertThat(delivery.deliver(List.of(USER), message(10_000)).get(0).reply().code()).isEqualTo(250);
        assertThat(store.mailbox(USER).usedBytes()).as("a day later: trimmed").isLessThanOrEqualTo(70_000);
    }
}
