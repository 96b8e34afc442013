package org.relaycert.server.crash;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The crash-safety scenarios: a child relay dies (SIGKILL from the test, or a halt at a {@link CrashPoints}
 * point) in the middle of a durable step, is started again on the same data, and the mail it had acknowledged
 * is counted. Each scenario works in a fresh directory and reports what it found; the test and the benchmark
 * loop share them.
 */
final class CrashScenarios {
    static final String ALICE = "alice0001@" + ChildRelay.DOMAIN;
    static final String BOB = "bob000001@" + ChildRelay.DOMAIN;
    static final String PW_A = "alice-password-1";
    static final String PW_B = "bob-password-123";
    static final String REMOTE = "carol0001@remote.test";
    private static final Duration HALT_TIMEOUT = Duration.ofSeconds(30);

    /** What one run found: acknowledged mail lost or duplicated, and any other inconsistency. */
    record Result(String scenario, int acknowledged, int lost, int duplicated, List<String> problems) {
        boolean clean() {
            return lost == 0 && duplicated == 0 && problems.isEmpty();
        }
    }

    @FunctionalInterface
    interface Scenario {
        Result run(Path dir) throws Exception;
    }

    /** All scenarios by name, in the order the table prints them. */
    static Map<String, Scenario> all() {
        Map<String, Scenario> s = new LinkedHashMap<>();
        s.put("kill during DATA", CrashScenarios::killDuringData);
        s.put("kill right after 250", CrashScenarios::killAfter250);
        s.put("halt: stored, before 250", CrashScenarios::haltStoredBefore250);
        s.put("kill during APPEND literal", CrashScenarios::killDuringAppend);
        s.put("halt: APPEND in tmp/", CrashScenarios::haltAppendInTmp);
        s.put("halt: during EXPUNGE", CrashScenarios::haltDuringExpunge);
        s.put("kill with queue pending", CrashScenarios::killWithQueuePending);
        s.put("halt: queue file in tmp/", CrashScenarios::haltQueueInTmp);
        return s;
    }

    /** Starts the relay, creates alice (first login), and has bob submit {@code n} acknowledged messages. */
    private static List<String> setUp(ChildRelay relay, String prefix, int n) throws IOException {
        RawClients.imapLogin(relay.imaps(), ALICE, PW_A).close();
        List<String> acked = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String subject = prefix + "-" + i;
            RawClients.expect(RawClients.submit(relay.smtps(), BOB, PW_B, ALICE, subject), "250");
            acked.add(subject);
        }
        return acked;
    }

    private static Path inbox(Path dir) {
        return dir.resolve("data").resolve("mailboxes").resolve(ALICE);
    }

    /** Counts acknowledged subjects missing or present more than once; checks UIDs against before the crash. */
    private static Result judge(String name, MailboxView before, MailboxView after, List<String> acked,
            List<String> unacked) {
        List<String> problems = new ArrayList<>(after.problems());
        int lost = 0;
        int dup = 0;
        for (String s : acked) {
            long c = after.count(s);
            lost += c == 0 ? 1 : 0;
            dup += c > 1 ? 1 : 0;
        }
        if (lost > 0) {
            problems.add("lost; the mailbox holds " + after.subjects());
        }
        for (String s : unacked) {
            if (after.count(s) > 1) {
                problems.add("unacknowledged " + s + " stored " + after.count(s) + " times");
            }
        }
        if (before != null) {
            if (before.uidValidity() != after.uidValidity()) {
                problems.add("UIDVALIDITY changed " + before.uidValidity() + " -> " + after.uidValidity());
            }
            before.subjects().forEach((uid, subject) -> {
                if (after.subjects().containsKey(uid) && !after.subjects().get(uid).equals(subject)) {
                    problems.add("UID " + uid + " now names another message");
                }
            });
            if (after.uidNext() < before.uidNext()) {
                problems.add("UIDNEXT went back " + before.uidNext() + " -> " + after.uidNext());
            }
        }
        return new Result(name, acked.size(), lost, dup, problems);
    }

    private static MailboxView view(ChildRelay relay, Path dir) throws IOException {
        return MailboxView.read(relay.imaps(), ALICE, PW_A, inbox(dir));
    }

    static Result killDuringData(Path dir) throws Exception {
        List<String> acked;
        MailboxView before;
        String subject = "data-3";
        try (ChildRelay relay = ChildRelay.start(dir, Optional.empty())) {
            acked = new ArrayList<>(setUp(relay, "data", 2));
            before = view(relay, dir);
            RawClients.Connection c = RawClients.startData(relay.smtps(), BOB, PW_B, ALICE);
            String message = RawClients.message(BOB, ALICE, subject);
            c.send(message.substring(0, message.length() / 2));
            relay.kill();
            c.close();
        }
        try (ChildRelay relay = ChildRelay.start(dir, Optional.empty())) {
            MailboxView after = view(relay, dir);
            List<String> problems = new ArrayList<>();
            if (after.count(subject) != 0) {
                problems.add("a message cut off in DATA was stored");
            }
            RawClients.expect(RawClients.submit(relay.smtps(), BOB, PW_B, ALICE, subject), "250"); // the client retries
            acked.add(subject);
            return withProblems(judge("kill during DATA", before, view(relay, dir), acked, List.of()), problems);
        }
    }

    static Result killAfter250(Path dir) throws Exception {
        List<String> acked;
        MailboxView before;
        try (ChildRelay relay = ChildRelay.start(dir, Optional.empty())) {
            acked = new ArrayList<>(setUp(relay, "ack", 1));
            before = view(relay, dir);
            try (RawClients.Connection c = RawClients.startData(relay.smtps(), BOB, PW_B, ALICE)) {
                c.send(RawClients.message(BOB, ALICE, "ack-2") + ".\r\n");
                RawClients.expect(c.reply(), "250");
                relay.kill(); // the moment the client has its 250
            }
            acked.add("ack-2");
        }
        try (ChildRelay relay = ChildRelay.start(dir, Optional.empty())) {
            return judge("kill right after 250", before, view(relay, dir), acked, List.of());
        }
    }

    static Result haltStoredBefore250(Path dir) throws Exception {
        List<String> acked;
        // the third append halts: after the rename into new/, before the UID list and the 250
        try (ChildRelay relay = ChildRelay.start(dir, Optional.of(CrashPoints.APPEND_RENAMED + "#3"))) {
            acked = setUp(relay, "stored", 2);
            sendExpectingDeath(relay, "stored-3");
        }
        try (ChildRelay relay = ChildRelay.start(dir, Optional.empty())) {
            MailboxView after = view(relay, dir);
            List<String> problems = new ArrayList<>();
            long maxUid = after.maxUid();
            // durable before the crash, so visible once; the client, never acknowledged, may send it again
            // (RFC 5321 6.1 accepts that duplicate); a new message must get a UID above all others
            RawClients.expect(RawClients.submit(relay.smtps(), BOB, PW_B, ALICE, "stored-4"), "250");
            List<String> all = new ArrayList<>(acked);
            all.add("stored-4");
            MailboxView last = view(relay, dir);
            if (last.subjects().entrySet().stream().anyMatch(e -> e.getValue().equals("stored-4") && e.getKey() <= maxUid)) {
                problems.add("new message got a UID not above the recovered ones");
            }
            return withProblems(judge("halt: stored, before 250", null, last, all, List.of("stored-3")), problems);
        }
    }

    static Result killDuringAppend(Path dir) throws Exception {
        List<String> acked;
        MailboxView before;
        String message = RawClients.message(BOB, ALICE, "append-3");
        try (ChildRelay relay = ChildRelay.start(dir, Optional.empty())) {
            acked = new ArrayList<>(setUp(relay, "append", 2));
            before = view(relay, dir);
            RawClients.Connection c = RawClients.imapLogin(relay.imaps(), ALICE, PW_A);
            c.send("a APPEND INBOX {" + message.getBytes(StandardCharsets.UTF_8).length + "}\r\n");
            RawClients.expect(c.line(), "+");
            c.send(message.substring(0, message.length() / 2));
            relay.kill();
            c.close();
        }
        return retryAppend(dir, "kill during APPEND literal", before, acked, message, "append-3");
    }

    static Result haltAppendInTmp(Path dir) throws Exception {
        List<String> acked;
        MailboxView before;
        String message = RawClients.message(BOB, ALICE, "tmp-3");
        try (ChildRelay relay = ChildRelay.start(dir, Optional.of(CrashPoints.APPEND_TMP_WRITTEN + "#3"))) {
            acked = new ArrayList<>(setUp(relay, "tmp", 2));
            before = view(relay, dir);
            try (RawClients.Connection c = RawClients.imapLogin(relay.imaps(), ALICE, PW_A)) {
                c.send("a APPEND INBOX {" + message.getBytes(StandardCharsets.UTF_8).length + "+}\r\n" + message + "\r\n");
                readUntilDeath(c);
            }
            requireHalt(relay);
        }
        return retryAppend(dir, "halt: APPEND in tmp/", before, acked, message, "tmp-3");
    }

    /** After the restart the cut-off APPEND must not show; the client's retry then stores it once. */
    private static Result retryAppend(Path dir, String name, MailboxView before, List<String> acked, String message,
            String subject) throws Exception {
        try (ChildRelay relay = ChildRelay.start(dir, Optional.empty())) {
            List<String> problems = new ArrayList<>();
            if (view(relay, dir).count(subject) != 0) {
                problems.add("an APPEND that got no OK is visible");
            }
            try (RawClients.Connection c = RawClients.imapLogin(relay.imaps(), ALICE, PW_A)) {
                c.send("a APPEND INBOX {" + message.getBytes(StandardCharsets.UTF_8).length + "+}\r\n" + message + "\r\n");
                RawClients.expect(c.tagged("a"), "a OK");
            }
            List<String> all = new ArrayList<>(acked);
            all.add(subject);
            return withProblems(judge(name, before, view(relay, dir), all, List.of()), problems);
        }
    }

    static Result haltDuringExpunge(Path dir) throws Exception {
        List<String> acked;
        MailboxView before;
        try (ChildRelay relay = ChildRelay.start(dir, Optional.of(CrashPoints.EXPUNGE_FIRST_DELETED))) {
            acked = setUp(relay, "expunge", 4);
            before = view(relay, dir);
            try (RawClients.Connection c = RawClients.imapLogin(relay.imaps(), ALICE, PW_A)) {
                c.send("s SELECT INBOX\r\n");
                RawClients.expect(c.tagged("s"), "s OK");
                long first = uidOf(before, "expunge-1");
                long third = uidOf(before, "expunge-3");
                c.send("f UID STORE " + first + "," + third + " +FLAGS.SILENT (\\Deleted)\r\n");
                RawClients.expect(c.tagged("f"), "f OK");
                c.send("e EXPUNGE\r\n");
                readUntilDeath(c);
            }
            requireHalt(relay);
        }
        try (ChildRelay relay = ChildRelay.start(dir, Optional.empty())) {
            List<String> kept = List.of(acked.get(1), acked.get(3));
            MailboxView after = view(relay, dir);
            List<String> problems = new ArrayList<>();
            for (String s : kept) {
                if (after.count(s) == 1 && uidOf(after, s) != uidOf(before, s)) {
                    problems.add(s + " changed its UID");
                }
            }
            try (RawClients.Connection c = RawClients.imapLogin(relay.imaps(), ALICE, PW_A)) {
                c.send("s SELECT INBOX\r\ne EXPUNGE\r\n"); // the client repeats what got no answer
                RawClients.expect(c.tagged("e"), "e OK");
            }
            MailboxView last = view(relay, dir);
            for (String s : List.of(acked.get(0), acked.get(2))) {
                if (last.count(s) != 0) {
                    problems.add(s + " survived the repeated EXPUNGE");
                }
            }
            if (last.uidNext() < before.uidNext()) {
                problems.add("UIDNEXT went back");
            }
            return withProblems(judge("halt: during EXPUNGE", before, last, kept, List.of()), problems);
        }
    }

    static Result killWithQueuePending(Path dir) throws Exception {
        try (ChildRelay relay = ChildRelay.start(dir, Optional.empty())) {
            RawClients.imapLogin(relay.imaps(), BOB, PW_B).close();
            try (RawClients.Connection c = RawClients.startData(relay.smtps(), BOB, PW_B, REMOTE)) {
                c.send(RawClients.message(BOB, REMOTE, "queued-1") + ".\r\n");
                RawClients.expect(c.reply(), "250");
                relay.kill();
            }
        }
        try (ChildRelay relay = ChildRelay.start(dir, Optional.empty())) {
            long queued = queued(dir, "queued-1");
            List<String> problems = new ArrayList<>();
            if (!relay.output().contains("1 message(s) recovered")) {
                problems.add("restart did not recover the queued message");
            }
            return new Result("kill with queue pending", 1, queued == 0 ? 1 : 0, queued > 1 ? 1 : 0, problems);
        }
    }

    static Result haltQueueInTmp(Path dir) throws Exception {
        try (ChildRelay relay = ChildRelay.start(dir, Optional.of(CrashPoints.QUEUE_TMP_WRITTEN))) {
            RawClients.imapLogin(relay.imaps(), BOB, PW_B).close();
            try (RawClients.Connection c = RawClients.startData(relay.smtps(), BOB, PW_B, REMOTE)) {
                c.send(RawClients.message(BOB, REMOTE, "qtmp-1") + ".\r\n");
                readUntilDeath(c);
            }
            requireHalt(relay);
        }
        try (ChildRelay relay = ChildRelay.start(dir, Optional.empty())) {
            List<String> problems = new ArrayList<>();
            if (queued(dir, "qtmp-1") != 0) {
                problems.add("an unacknowledged queue file became active");
            }
            RawClients.expect(RawClients.submit(relay.smtps(), BOB, PW_B, REMOTE, "qtmp-1"), "250"); // retry
            long queued = queued(dir, "qtmp-1");
            return new Result("halt: queue file in tmp/", 1, queued == 0 ? 1 : 0, queued > 1 ? 1 : 0, problems);
        }
    }

    /** Queue files in {@code active/} that hold {@code subject}. */
    private static long queued(Path dir, String subject) throws IOException {
        Path active = dir.resolve("data").resolve("queue").resolve("active");
        try (Stream<Path> files = Files.list(active)) {
            return files.filter(f -> {
                try {
                    return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains("Message-ID: <" + subject + "@");
                } catch (IOException e) {
                    return false;
                }
            }).count();
        }
    }

    private static void sendExpectingDeath(ChildRelay relay, String subject) throws Exception {
        try (RawClients.Connection c = RawClients.startData(relay.smtps(), BOB, PW_B, ALICE)) {
            c.send(RawClients.message(BOB, ALICE, subject) + ".\r\n");
            readUntilDeath(c);
        }
        requireHalt(relay);
    }

    /** Reads until the relay drops the connection; an answer would mean the crash point was not reached. */
    private static void readUntilDeath(RawClients.Connection c) throws IOException {
        try {
            String line = c.line();
            throw new IOException("the relay answered instead of halting: " + line);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("the relay answered")) {
                throw e;
            }
        }
    }

    private static void requireHalt(ChildRelay relay) throws Exception {
        if (!relay.awaitHalt(HALT_TIMEOUT)) {
            throw new IllegalStateException("child did not halt at its crash point: " + relay.output());
        }
    }

    private static long uidOf(MailboxView view, String subject) {
        return view.subjects().entrySet().stream().filter(e -> e.getValue().equals(subject)).mapToLong(Map.Entry::getKey)
                .findFirst().orElse(-1);
    }

    private static Result withProblems(Result r, List<String> more) {
        List<String> all = new ArrayList<>(more);
        all.addAll(r.problems());
        return new Result(r.scenario(), r.acknowledged(), r.lost(), r.duplicated(), all);
    }
}
