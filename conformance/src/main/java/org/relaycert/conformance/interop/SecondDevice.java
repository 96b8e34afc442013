package org.relaycert.conformance.interop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.relaycert.conformance.Evidence;
import org.relaycert.conformance.interop.ClientSession;
import org.relaycert.fixtures.deltachat.DeltaChatAccount;

/**
 * A second device of an account, made as a user makes one: a backup of the first device (same address,
 * password and keys) imported into a fresh client account, then online.
 */
public final class SecondDevice {
    private SecondDevice() {
    }

    public static DeltaChatAccount of(ClientSession s, DeltaChatAccount first, Path backups, Evidence ev) throws Exception {
        first.stopIo();
        first.exportBackup(backups);
        first.startIo();
        Path backup;
        try (Stream<Path> files = Files.list(backups)) {
            backup = files.filter(p -> p.getFileName().toString().endsWith(".tar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("export_backup wrote no .tar into " + backups));
        }
        DeltaChatAccount second = s.blankAccount();
        second.importBackup(backup);
        second.startIo();
        second.awaitOnline(ClientSession.ONLINE);
        ev.line("second device: account " + second.id() + " from backup " + backup.getFileName());
        return second;
    }
}
