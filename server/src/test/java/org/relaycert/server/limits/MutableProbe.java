package org.relaycert.server.limits;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/** A probe a test sets by hand: a busy host, short memory or a full disk without making them. */
final class MutableProbe implements SystemProbe {
    volatile OptionalDouble load = OptionalDouble.of(0.5);
    volatile OptionalLong memory = OptionalLong.of(8L << 30);
    volatile OptionalLong disk = OptionalLong.of(100L << 30);

    @Override
    public OptionalDouble load1m() {
        return load;
    }

    @Override
    public OptionalLong availableMemory() {
        return memory;
    }

    @Override
    public OptionalLong freeDisk() {
        return disk;
    }
}
