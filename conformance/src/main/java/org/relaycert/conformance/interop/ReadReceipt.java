package org.relaycert.conformance.interop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.relaycert.conformance.Evidence;
import org.relaycert.fixtures.deltachat.DeltaChatAccount;
import org.relaycert.fixtures.deltachat.DeltaChatEvent;
import org.relaycert.fixtures.deltachat.MessageSnapshot;

/**
 * A read receipt as Delta Chat sends it: both sides have read receipts on ({@code mdns_enabled}), the reader
 * marks the message seen, core sends an MDN (RFC 8098, encrypted like the chat) back, and the sender's
 * message turns "read". The trouble either client reported meanwhile is collected.
 */
public final class ReadReceipt {
    public record Result(MessageSnapshot atSender, List<DeltaChatEvent> errors) {}

    private ReadReceipt() {
    }

    public static Result roundTrip(DeltaChatAccount sender, DeltaChatAccount reader, Duration timeout, Evidence ev) {
        sender.setConfig("mdns_enabled", "1");
        reader.setConfig("mdns_enabled", "1");
        DeltaChatAccount.ChatPair chats = DeltaChatAccount.exchangeVcards(sender, reader);
        String text = "please read " + UUID.randomUUID();
        int sent = sender.sendText(chats.chatOfA(), text);
        sender.awaitDelivered(sent, timeout);
        MessageSnapshot got = reader.awaitIncomingMessage(m -> text.equals(m.text()), timeout);
        ev.line("reader got the message: showPadlock=" + got.showPadlock());
        List<DeltaChatEvent> before = new ArrayList<>(sender.takeErrorEvents());
        before.addAll(reader.takeErrorEvents());
        before.forEach(e -> ev.line("before marking seen (not counted): " + e));
        long start = System.nanoTime();
        reader.markSeen(List.of(got.id()));
        MessageSnapshot read = sender.awaitRead(sent, timeout);
        ev.figure("read_receipt_ms", (System.nanoTime() - start) / 1e6);
        ev.line("sender's message after the receipt: state=" + read.state() + " error=" + read.error());
        List<DeltaChatEvent> errors = new ArrayList<>(sender.takeErrorEvents());
        errors.addAll(reader.takeErrorEvents());
        errors.forEach(e -> ev.line("client error: " + e));
        return new Result(read, errors);
    }
}
