package org.relaycert.server.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueueDirectoryTest {

    @Test
    void messagesSurviveReopeningAndUpdatesReplaceThem(@TempDir Path dir) throws Exception {
        QueueDirectory q = new QueueDirectory(dir);
        byte[] body = "Subject: x\r\n\r\n\n\nbinary\0\r\n".getBytes(StandardCharsets.ISO_8859_1);
        QueuedMessage m = new QueuedMessage(QueueDirectory.newId(), "a@a.test", List.of("b@b.test", "c@c.test"),
                Instant.ofEpochMilli(1234), 0, body);
        q.write(m);
        Files.writeString(dir.resolve("tmp").resolve("torn"), "half written");

        QueueDirectory reopened = new QueueDirectory(dir);
        assertThat(dir.resolve("tmp").resolve("torn")).doesNotExist();
        QueuedMessage back = reopened.all().get(0);
        assertThat(back.mailFrom()).isEqualTo("a@a.test");
        assertThat(back.recipients()).containsExactly("b@b.test", "c@c.test");
        assertThat(back.queued()).isEqualTo(Instant.ofEpochMilli(1234));
        assertThat(back.message()).isEqualTo(body);

        reopened.write(back.after(List.of("c@c.test")));
        assertThat(reopened.all()).singleElement().satisfies(n -> {
            assertThat(n.recipients()).containsExactly("c@c.test");
            assertThat(n.attempts()).isEqualTo(1);
        });
        reopened.remove(m.id());
        assertThat(reopened.all()).isEmpty();
    }

    @Test
    void nullSenderRoundTrips(@TempDir Path dir) throws Exception {
        QueueDirectory q = new QueueDirectory(dir);
        q.write(new QueuedMessage("b1", "", List.of("x@y.test"), Instant.EPOCH, 2, new byte[] {'h', '\r', '\n'}));
        assertThat(q.all().get(0).mailFrom()).isEmpty();
    }
}
