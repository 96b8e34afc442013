package org.relaycert.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relaycert.server.store.StoreFixture.ALICE;
import static org.relaycert.server.store.StoreFixture.CLOCK;
import static org.relaycert.server.store.StoreFixture.NOW;
import static org.relaycert.server.store.StoreFixture.message;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreEventsTest {
    @TempDir
    Path root;
    final List<String> events = new CopyOnWriteArrayList<>();

    @Test
    void everyChangeIsAnnouncedAfterItIsOnDisk() throws Exception {
        MaildirStore store = new MaildirStore(root, CLOCK);
        store.addListener(new StoreListener() {
            @Override
            public void appended(String address, String folder, MessageInfo message) {
                // durable before the event: a fresh instance on the same root already sees it
                try {
                    boolean visible = new MaildirStore(root, CLOCK).mailbox(address).folder(folder).messages()
                            .stream().anyMatch(m -> m.uid() == message.uid());
                    events.add("appended " + folder + " " + message.uid() + " visible=" + visible);
                } catch (StoreException e) {
                    events.add("error " + e);
                }
            }

            @Override
            public void flagsChanged(String address, String folder, MessageInfo message) {
                events.add("flags " + folder + " " + message.uid() + " " + message.flags());
            }

            @Override
            public void expunged(String address, String folder, long uid) {
                events.add("expunged " + folder + " " + uid);
            }

            @Override
            public void folderRemoved(String address, String folder) {
                events.add("removed " + folder);
            }
        });
        Folder inbox = store.mailbox(ALICE).folder("INBOX");
        inbox.append(message("a"), Set.of(), NOW);
        inbox.setFlags(1, Set.of("\\Seen"));
        inbox.setFlags(1, Set.of("\\Seen")); // no change, no event
        inbox.expunge(List.of(1L));
        UserMailbox mb = store.mailbox(ALICE);
        mb.create("DeltaChat");
        mb.folder("DeltaChat");
        mb.rename("DeltaChat", "Chats");
        mb.folder("Chats");
        mb.delete("Chats");
        assertThat(events).containsExactly("appended INBOX 1 visible=true", "flags INBOX 1 [\\Seen]",
                "expunged INBOX 1", "removed DeltaChat", "removed Chats");
    }

    @Test
    void aThrowingListenerDoesNotBreakTheOperationOrOtherListeners() throws Exception {
        MaildirStore store = new MaildirStore(root, CLOCK);
        store.addListener(new StoreListener() {
            @Override
            public void appended(String address, String folder, MessageInfo message) {
                throw new IllegalStateException("listener bug");
            }
        });
        store.addListener(new StoreListener() {
            @Override
            public void appended(String address, String folder, MessageInfo message) {
                events.add(address + " " + message.uid());
            }
        });
        MessageInfo m = store.mailbox(ALICE).folder("INBOX").append(message("x"), Set.of(), NOW);
        assertThat(m.uid()).isEqualTo(1);
        assertThat(events).containsExactly(ALICE + " 1");
    }

    @Test
    void filesDroppedInByOthersAreAnnouncedOnTheNextScan() throws Exception {
        MaildirStore store = new MaildirStore(root, CLOCK);
        store.addListener(new StoreListener() {
            @Override
            public void appended(String address, String folder, MessageInfo message) {
                events.add("appended " + message.uid());
            }
        });
        Folder inbox = store.mailbox(ALICE).folder("INBOX");
        Files.write(store.userDirectory(ALICE).resolve("new").resolve("1764000000.M1P1.lmtp"), message("x"));
        assertThat(inbox.messages()).hasSize(1);
        assertThat(events).containsExactly("appended 1");
    }

    @Test
    void removingAUserAnnouncesItsOpenFolders() throws Exception {
        MaildirStore store = new MaildirStore(root, CLOCK);
        store.addListener(new StoreListener() {
            @Override
            public void folderRemoved(String address, String folder) {
                events.add(address + " " + folder);
            }
        });
        store.mailbox(ALICE).create("DeltaChat");
        store.removeUser(ALICE);
        assertThat(events).containsExactly(ALICE + " DeltaChat", ALICE + " INBOX");
    }
}
