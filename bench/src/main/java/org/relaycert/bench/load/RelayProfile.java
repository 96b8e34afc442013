package org.relaycert.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the relay's time goes under the unpaced load: a JFR recording of the relay process (started and stopped
 * through {@code jcmd}, settings "profile": Java stacks sampled every 10 ms), summarized as the top frames by
 * their own samples, the relay's own methods by samples anywhere on the stack, and the file and lock waits JFR
 * times (fsync = {@code jdk.FileForce}, file writes, monitor and park waits over its thresholds).
 */
final class RelayProfile {
    static final int TOP = 12;

    /** The summary as printable lines, and the headline rows. */
    record Summary(List<String> lines, String topSelf, String topRelay, String fsync) {
    }

    private RelayProfile() {
    }

    /** Starts a recording in the relay process {@code pid}, its repository in {@code dir} (not the temporary directory). */
    static void start(long pid, Path dir) throws IOException, InterruptedException {
        Path repository = Files.createDirectories(dir.resolve("jfr-repository"));
        jcmd(pid, "JFR.configure", "repositorypath=" + repository.toAbsolutePath());
        // Every fsync recorded (the profile settings record only those over 20 ms).
        jcmd(pid, "JFR.start", "name=relaycert-bench", "settings=profile", "jdk.FileForce#threshold=0ms");
    }

    /** Stops it into {@code file} and summarizes it; the file is the caller's to delete. */
    static Summary stop(long pid, Path file, double seconds, long delivered) throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop", "name=relaycert-bench", "filename=" + file.toAbsolutePath());
        String keep = System.getenv("RELAYCERT_BENCH_PROFILE_OUT"); // a copy of the recording, for jfr/JMC
        if (keep != null && !keep.isBlank()) {
            Files.copy(file, Path.of(keep), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return summarize(file, seconds, delivered);
    }

    static Summary summarize(Path file, double seconds, long delivered) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, long[]> waits = new HashMap<>(); // event -> {count, total nanos}
        Map<String, Integer> nativeTop = new HashMap<>();
        int samples = 0;
        int nativeSamples = 0;
        double[] cpu = new double[4]; // jvmUser, jvmSystem, machineTotal, readings
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            String type = e.getEventType().getName();
            switch (type) {
                case "jdk.ExecutionSample" -> {
                    RecordedStackTrace st = e.getStackTrace();
                    if (st == null || st.getFrames().isEmpty()) {
                        continue;
                    }
                    samples++;
                    List<RecordedFrame> frames = st.getFrames();
                    self.merge(name(frames.get(0)), 1, Integer::sum);
                    Set<String> seen = new HashSet<>();
                    for (RecordedFrame f : frames) {
                        String n = name(f);
                        // lambdas and their generated classes only repeat the method that made them
                        if (n.startsWith("org.relaycert.") && !n.contains("$$Lambda") && !n.contains(".lambda$")
                                && seen.add(n)) {
                            inclusive.merge(n, 1, Integer::sum);
                        }
                    }
                }
                case "jdk.NativeMethodSample" -> {
                    RecordedStackTrace st = e.getStackTrace();
                    if (st != null && !st.getFrames().isEmpty()) {
                        nativeSamples++;
                        nativeTop.merge(name(st.getFrames().get(0)), 1, Integer::sum);
                    }
                }
                case "jdk.CPULoad" -> {
                    cpu[0] += e.getFloat("jvmUser");
                    cpu[1] += e.getFloat("jvmSystem");
                    cpu[2] += e.getFloat("machineTotal");
                    cpu[3]++;
                }
                case "jdk.FileForce", "jdk.FileWrite", "jdk.FileRead", "jdk.JavaMonitorEnter", "jdk.ThreadPark",
                     "jdk.GarbageCollection", "jdk.VirtualThreadPinned" -> {
                    long[] w = waits.computeIfAbsent(type, k -> new long[2]);
                    w[0]++;
                    w[1] += e.getDuration().toNanos();
                }
                default -> {
                }
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "profile of the relay under %d unpaced senders, %.1f s, %d messages delivered"
                + " (JFR, %d execution samples of Java code):", LoadDriver.SENDERS, seconds, delivered, samples));
        if (cpu[3] > 0) {
            lines.add(String.format(Locale.ROOT, "  CPU (all cores = 100 %%): relay %.0f %% user + %.0f %% system, machine %.0f %%",
                    100 * cpu[0] / cpu[3], 100 * cpu[1] / cpu[3], 100 * cpu[2] / cpu[3]));
        }
        lines.add("  top frames by own samples (where the CPU is):");
        List<Map.Entry<String, Integer>> topSelf = top(self);
        int total = Math.max(1, samples);
        topSelf.forEach(en -> lines.add(String.format(Locale.ROOT, "    %5.1f %%  %s", 100.0 * en.getValue() / total, en.getKey())));
        lines.add("  relay methods by samples anywhere on the stack (inclusive):");
        List<Map.Entry<String, Integer>> topRelay = top(inclusive);
        topRelay.forEach(en -> lines.add(String.format(Locale.ROOT, "    %5.1f %%  %s", 100.0 * en.getValue() / total, en.getKey())));
        lines.add(String.format(Locale.ROOT, "  threads waiting in native code (%d samples; the blocked, not the busy):", nativeSamples));
        int totalNative = Math.max(1, nativeSamples);
        top(nativeTop).stream().limit(5).forEach(en -> lines.add(String.format(Locale.ROOT, "    %5.1f %%  %s",
                100.0 * en.getValue() / totalNative, en.getKey())));
        lines.add("  timed waits (every fsync; file I/O, locks and parking over JFR's 10-20 ms thresholds only):");
        waits.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(en -> lines.add(String.format(Locale.ROOT,
                "    %-24s %7d events, %9.1f ms in all, %7.2f ms each", en.getKey(), en.getValue()[0],
                en.getValue()[1] / 1e6, en.getValue()[1] / 1e6 / Math.max(1, en.getValue()[0]))));
        long[] force = waits.get("jdk.FileForce");
        String fsync = force == null ? "no jdk.FileForce events" : String.format(Locale.ROOT,
                "%d fsyncs (%.2f a message), %.2f ms each on average", force[0], force[0] / (double) Math.max(1, delivered),
                force[1] / 1e6 / Math.max(1, force[0]));
        lines.add("  fsync: " + fsync);
        return new Summary(lines, headline(topSelf, total), headline(topRelay, total), fsync);
    }

    private static String headline(List<Map.Entry<String, Integer>> top, int total) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(2, top.size()); i++) {
            String n = top.get(i).getKey();
            int paren = n.indexOf('(');
            String shortName = n.substring(0, paren < 0 ? n.length() : paren);
            int cls = shortName.lastIndexOf('.', shortName.lastIndexOf('.') - 1);
            b.append(i > 0 ? "; " : "").append(String.format(Locale.ROOT, "%.0f%% %s", 100.0 * top.get(i).getValue() / total,
                    shortName.substring(cls + 1)));
        }
        return b.toString();
    }

    private static List<Map.Entry<String, Integer>> top(Map<String, Integer> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(TOP).toList();
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName() + (f.isJavaFrame() ? "" : " (native)");
    }

    private static void jcmd(long pid, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        command.add(Long.toString(pid));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("jcmd " + String.join(" ", args) + " failed: " + new String(out, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** Deletes a recording file quietly. */
    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // inside the bench directory, which goes at the end anyway
        }
    }

    static Duration window() {
        return Duration.ofSeconds(8);
    }
}
