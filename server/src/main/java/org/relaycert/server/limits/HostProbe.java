package org.relaycert.server.limits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The Linux host's figures: {@code /proc/loadavg}, {@code MemAvailable} of {@code /proc/meminfo}, and the
 * usable space of the file store holding {@code dataDir}. Any file that is missing or odd gives "unknown".
 */
public final class HostProbe implements SystemProbe {
    private final Path dataDir;
    private final Path proc;

    public HostProbe(Path dataDir) {
        this(dataDir, Path.of("/proc"));
    }

    /** {@code proc}: where {@code loadavg} and {@code meminfo} live (a test may point it elsewhere). */
    public HostProbe(Path dataDir, Path proc) {
        this.dataDir = dataDir;
        this.proc = proc;
    }

    @Override
    public OptionalDouble load1m() {
        try {
            String first = Files.readString(proc.resolve("loadavg")).trim().split("\\s+")[0];
            return OptionalDouble.of(Double.parseDouble(first));
        } catch (IOException | RuntimeException e) {
            return OptionalDouble.empty();
        }
    }

    @Override
    public OptionalLong availableMemory() {
        try {
            List<String> lines = Files.readAllLines(proc.resolve("meminfo"));
            for (String line : lines) {
                // "MemAvailable:    1234567 kB"
                if (line.startsWith("MemAvailable:")) {
                    String[] f = line.substring("MemAvailable:".length()).trim().split("\\s+");
                    long kib = Long.parseLong(f[0]);
                    return OptionalLong.of(kib * 1024);
                }
            }
            return OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public OptionalLong freeDisk() {
        try {
            return OptionalLong.of(Files.getFileStore(dataDir).getUsableSpace());
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
