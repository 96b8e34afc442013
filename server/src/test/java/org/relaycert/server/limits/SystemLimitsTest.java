package org.relaycert.server.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemLimitsTest {
    private final MutableProbe probe = new MutableProbe();
    /** chatmail's defaults: load 5, 200M memory, 1G disk. */
    private final SystemLimits limits = new SystemLimits(5, 200L << 20, 1L << 30, probe);

    @Test
    void aHealthyHostAllowsCreation() {
        assertThat(limits.refusal()).isEmpty();
    }

    @Test
    void eachExceededValueRefusesWithItsName() {
        probe.load = OptionalDouble.of(7.5);
        assertThat(limits.refusal()).hasValueSatisfying(r -> assertThat(r).contains("max_load_1m"));
        probe.load = OptionalDouble.of(1);
        probe.memory = OptionalLong.of(100L << 20);
        assertThat(limits.refusal()).hasValueSatisfying(r -> assertThat(r).contains("min_available_memory"));
        probe.memory = OptionalLong.of(1L << 30);
        probe.disk = OptionalLong.of(10L << 20);
        assertThat(limits.refusal()).hasValueSatisfying(r -> assertThat(r).contains("min_free_disk_space"));
    }

    @Test
    void unreadableValuesAreSkippedButTheOthersStillCount() {
        probe.disk = OptionalLong.empty();
        assertThat(limits.refusal()).isEmpty();
        probe.load = OptionalDouble.empty();
        probe.memory = OptionalLong.of(1);
        assertThat(limits.refusal()).hasValueSatisfying(r -> assertThat(r).contains("memory"));
    }

    @Test
    void hostProbeReadsProcFilesAndTreatsOddOnesAsUnknown(@TempDir Path dir) throws Exception {
        Path proc = Files.createDirectories(dir.resolve("proc"));
        Files.writeString(proc.resolve("loadavg"), "6.25 3.10 1.00 2/300 4242\n");
        Files.writeString(proc.resolve("meminfo"), "MemTotal:  2048 kB\nMemFree: 100 kB\nMemAvailable:    1024 kB\n");
        HostProbe host = new HostProbe(dir, proc);
        assertThat(host.load1m()).hasValue(6.25);
        assertThat(host.availableMemory()).hasValue(1024L * 1024);
        assertThat(host.freeDisk()).isPresent();

        Files.writeString(proc.resolve("loadavg"), "garbage");
        Files.delete(proc.resolve("meminfo"));
        HostProbe odd = new HostProbe(dir.resolve("missing"), proc);
        assertThat(odd.load1m()).isEmpty();
        assertThat(odd.availableMemory()).isEmpty();
        assertThat(odd.freeDisk()).isEmpty();
    }
}
