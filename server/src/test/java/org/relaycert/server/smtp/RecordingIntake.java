package org.relaycert.server.smtp;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.relaycert.server.delivery.Envelope;
import org.relaycert.server.delivery.MailIntake;
import org.relaycert.server.delivery.RejectedException;
import org.relaycert.server.delivery.Reply;

/**
 * Stores what the SMTP server hands over; refuses {@code blocked@...} senders and {@code refused@...} recipients,
 * fails unexpectedly on {@code crash@...}, refuses messages with an {@code X-Refuse: yes} header.
 */
final class RecordingIntake implements MailIntake {
    record Delivered(Envelope envelope, byte[] message) {
        String text() {
            return new String(message, StandardCharsets.UTF_8);
        }
    }

    final List<Envelope> senders = new CopyOnWriteArrayList<>();
    final List<Long> declaredSizes = new CopyOnWriteArrayList<>();
    final List<Delivered> delivered = new CopyOnWriteArrayList<>();
    /** Per intake call: was it on a virtual thread (off the event loop)? */
    final List<Boolean> calledOnVirtualThread = new CopyOnWriteArrayList<>();

    @Override
    public void sender(Envelope partial, long declaredSize) throws RejectedException {
        calledOnVirtualThread.add(Thread.currentThread().isVirtual());
        if (partial.mailFrom().startsWith("blocked@")) {
            throw new RejectedException(Reply.of(550, "5.7.1", "Sender blocked"));
        }
        senders.add(partial);
        declaredSizes.add(declaredSize);
    }

    @Override
    public String recipient(Envelope partial, String recipient) throws RejectedException {
        if (recipient.startsWith("crash@")) {
            throw new IllegalStateException("intake bug");
        }
        if (recipient.startsWith("refused@")) {
            throw new RejectedException(Reply.of(550, "5.1.1", "No such user"));
        }
        return recipient.toLowerCase(Locale.ROOT);
    }

    @Override
    public Reply message(Envelope envelope, byte[] message) throws RejectedException {
        calledOnVirtualThread.add(Thread.currentThread().isVirtual());
        if (new String(message, StandardCharsets.UTF_8).contains("X-Refuse: yes")) {
            throw new RejectedException(Reply.plain(523, "Encryption Needed: Invalid Unencrypted Mail"));
        }
        delivered.add(new Delivered(envelope, message));
        return Reply.of(250, "2.0.0", "OK");
    }
}
