package org.relaycert.conformance.interop;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.relaycert.fixtures.deltachat.DeltaChatAccount;
import org.relaycert.fixtures.deltachat.MessageSnapshot;

/**
 * A large attachment may first arrive as a pre-message (metadata, {@code downloadState} "Available" or
 * "InProgress") and be completed by a second mail; this waits until core says "Done" with the full size.
 */
public final class AttachmentDownload {
    private AttachmentDownload() {
    }

    public static MessageSnapshot awaitComplete(DeltaChatAccount account, int msgId, long size, Duration timeout) {
        AtomicReference<MessageSnapshot> last = new AtomicReference<>();
        await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
            MessageSnapshot m = account.getMessage(msgId);
            last.set(m);
            return "Done".equals(m.raw().path("downloadState").asText()) && m.raw().path("fileBytes").asLong() == size;
        });
        return last.get();
    }
}
