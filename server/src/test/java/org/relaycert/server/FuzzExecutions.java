package org.relaycert.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Counts how often each fuzz target ran in fuzzing mode ({@code JAZZER_FUZZ} set) and, when the fuzzing run ends,
 * writes one record per target: executions, seconds, and whether Jazzer reported a finding. {@link FuzzReport}
 * sums the records of one build. The fuzz method bumps its {@link #counter} once per input, so the figure is the
 * number of inputs the target really ran: libFuzzer's "Done N runs" plus the few seed inputs Jazzer replays first.
 * Regression runs (seed replay only) write nothing.
 */
public final class FuzzExecutions implements BeforeTestExecutionCallback, AfterTestExecutionCallback {
    /** Directory of the records, relative to the module; the bounded-fuzzing profile sets it. */
    public static final String DIR_PROPERTY = "relaycert.fuzz.dir";
    /** Identifies one build, so that records left by an earlier build are not counted again. */
    public static final String RUN_PROPERTY = "relaycert.fuzz.run";
    private static final Map<String, LongAdder> COUNTERS = new ConcurrentHashMap<>();
    private static final Map<String, Long> STARTED = new ConcurrentHashMap<>();

    /** The counter of one fuzz method, to bump once per input. */
    public static LongAdder counter(Class<?> testClass, String method) {
        return COUNTERS.computeIfAbsent(key(testClass, method), k -> new LongAdder());
    }

    static String key(Class<?> testClass, String method) {
        return testClass.getSimpleName() + "#" + method;
    }

    static Path directory() {
        return Path.of(System.getProperty(DIR_PROPERTY, "target/fuzz/runs"));
    }

    private static boolean fuzzing() {
        String mode = System.getenv("JAZZER_FUZZ");
        return mode != null && !mode.isEmpty() && !mode.equals("0");
    }

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        if (fuzzing()) {
            STARTED.put(key(context.getRequiredTestClass(), context.getRequiredTestMethod().getName()), System.nanoTime());
        }
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        String key = key(context.getRequiredTestClass(), context.getRequiredTestMethod().getName());
        Long started = STARTED.remove(key);
        if (!fuzzing() || started == null) {
            return;
        }
        long executions = counter(context.getRequiredTestClass(), context.getRequiredTestMethod().getName()).sum();
        long seconds = Math.round((System.nanoTime() - started) / 1e9);
        String finding = context.getExecutionException().map(Throwable::toString).orElse("");
        String record = "run=" + System.getProperty(RUN_PROPERTY, "") + "\n"
                + "executions=" + executions + "\n"
                + "seconds=" + seconds + "\n"
                + "finding=" + finding.replace('\n', ' ').replace('\r', ' ') + "\n";
        try {
            Files.createDirectories(directory());
            Files.writeString(directory().resolve(key + ".properties"), record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
