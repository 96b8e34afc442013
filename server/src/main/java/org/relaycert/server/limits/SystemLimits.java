package org.relaycert.server.limits;

import java.util.Optional;
import org.relaycert.server.account.CreationGate;
import org.relaycert.server.config.ChatmailParams;

/**
 * chatmail's system-resource limits for NEW accounts ({@code max_load_1m}, {@code min_available_memory},
 * {@code min_free_disk_space}; chatmaild syslimits.py): while one is exceeded, no account is created;
 * accounts that exist keep logging in, sending and receiving. Each value is judged on its own, and one that
 * cannot be read is skipped.
 */
public final class SystemLimits implements CreationGate {
    private final double maxLoad1m;
    private final long minAvailableMemory;
    private final long minFreeDisk;
    private final SystemProbe probe;

    public SystemLimits(double maxLoad1m, long minAvailableMemory, long minFreeDisk, SystemProbe probe) {
        this.maxLoad1m = maxLoad1m;
        this.minAvailableMemory = minAvailableMemory;
        this.minFreeDisk = minFreeDisk;
        this.probe = probe;
    }

    public static SystemLimits of(ChatmailParams params, SystemProbe probe) {
        return new SystemLimits(params.maxLoad1m(), params.minAvailableMemory(), params.minFreeDiskSpace(), probe);
    }

    @Override
    public Optional<String> refusal() {
        var load = probe.load1m();
        if (load.isPresent() && load.getAsDouble() > maxLoad1m) {
            return Optional.of("load " + load.getAsDouble() + " above max_load_1m " + maxLoad1m);
        }
        var memory = probe.availableMemory();
        if (memory.isPresent() && memory.getAsLong() < minAvailableMemory) {
            return Optional.of("available memory " + memory.getAsLong() + " below min_available_memory " + minAvailableMemory);
        }
        var disk = probe.freeDisk();
        if (disk.isPresent() && disk.getAsLong() < minFreeDisk) {
            return Optional.of("free disk " + disk.getAsLong() + " below min_free_disk_space " + minFreeDisk);
        }
        return Optional.empty();
    }

    /** Both gates must allow creation; the first refusal wins. */
    public static CreationGate both(CreationGate first, CreationGate second) {
        return () -> first.refusal().or(second::refusal);
    }
}
