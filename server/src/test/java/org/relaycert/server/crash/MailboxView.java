package org.relaycert.server.crash;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a restarted relay shows of one INBOX, over IMAP (UIDVALIDITY, UIDNEXT, test message name by UID, from its Message-ID) and on disk
 * (message files in {@code new/} and {@code cur/}), and the ways the two can disagree.
 */
record MailboxView(long uidValidity, long uidNext, TreeMap<Long, String> subjects, List<String> problems) {
    private static final Pattern FETCH = Pattern.compile("^\\* \\d+ FETCH \\(UID (\\d+)");
    private static final Pattern STATUS_VALUE = Pattern.compile("\\[(UIDVALIDITY|UIDNEXT) (\\d+)\\]");
    private static final Pattern SIZE = Pattern.compile(",S=(\\d+)");

    static MailboxView read(InetSocketAddress imaps, String user, String password, Path mailboxDir) throws IOException {
        long validity = 0;
        long next = 0;
        TreeMap<Long, String> subjects = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        try (RawClients.Connection c = RawClients.imapLogin(imaps, user, password)) {
            c.send("s SELECT INBOX\r\n");
            for (String line = c.line(); !line.startsWith("s "); line = c.line()) {
                Matcher m = STATUS_VALUE.matcher(line);
                if (m.find()) {
                    long v = Long.parseLong(m.group(2));
                    if (m.group(1).equals("UIDVALIDITY")) {
                        validity = v;
                    } else {
                        next = v;
                    }
                }
            }
            c.send("f UID FETCH 1:* (UID BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])\r\n");
            long uid = -1;
            for (String line = c.line(); !line.startsWith("f "); line = c.line()) {
                Matcher m = FETCH.matcher(line);
                if (m.find()) {
                    uid = Long.parseLong(m.group(1));
                    if (subjects.containsKey(uid)) {
                        problems.add("UID " + uid + " twice");
                    }
                    subjects.put(uid, "");
                } else if (line.regionMatches(true, 0, "Message-ID: <", 0, 13) && uid > 0) {
                    // the relay blanks Subject on submission; the Message-ID names the test message
                    subjects.put(uid, line.substring(13, line.indexOf('@')));
                }
            }
        }
        if (!subjects.isEmpty() && subjects.lastKey() >= next) {
            problems.add("UID " + subjects.lastKey() + " not below UIDNEXT " + next);
        }
        int files = 0;
        for (String sub : List.of("new", "cur")) {
            Path d = mailboxDir.resolve(sub);
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> list = Files.list(d)) {
                for (Path f : list.toList()) {
                    files++;
                    Matcher m = SIZE.matcher(f.getFileName().toString());
                    if (m.find() && Long.parseLong(m.group(1)) != Files.size(f)) {
                        problems.add("partial file visible: " + f.getFileName() + " has " + Files.size(f) + " octets");
                    }
                }
            }
        }
        if (files != subjects.size()) {
            problems.add(files + " message files on disk but " + subjects.size() + " messages over IMAP");
        }
        return new MailboxView(validity, next, subjects, problems);
    }

    long count(String subject) {
        return subjects.values().stream().filter(subject::equals).count();
    }

    long maxUid() {
        return subjects.isEmpty() ? 0 : subjects.lastKey();
    }
}
