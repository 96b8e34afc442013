package org.relaycert.server.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;

/** What message files a folder directory holds now, by base name (files in {@code tmp/} are not messages yet). */
final class FolderScan {
    static final String NEW = "new";
    static final String CUR = "cur";

    /** Location of one file: its subdirectory and full name. */
    record Found(String subdir, String fileName) {
    }

    private FolderScan() {
    }

    /** Base name -> location, sorted by base name (which starts with the delivery time). */
    static TreeMap<String, Found> scan(Path folderDir) throws IOException {
        TreeMap<String, Found> found = new TreeMap<>();
        // cur/ first: if a crash left a name in both, the one in cur/ carries the flags.
        for (String subdir : new String[] {CUR, NEW}) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folderDir.resolve(subdir))) {
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    if (MaildirFileName.isMessage(name) && Files.isRegularFile(file)) {
                        found.putIfAbsent(MaildirFileName.base(name), new Found(subdir, name));
                    }
                }
            }
        }
        return found;
    }

    static boolean isMaildir(Path dir) {
        return Files.isDirectory(dir.resolve(CUR)) && Files.isDirectory(dir.resolve(NEW));
    }

    static void createMaildir(Path dir) throws IOException {
        for (String sub : new String[] {"tmp", NEW, CUR}) {
            Durable.createDirectories(dir.resolve(sub));
        }
    }
}
