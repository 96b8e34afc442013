package org.relaycert.server.limits;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Reads the host's resources that chatmail's {@code syslimits.py} watches. A value that cannot be read is
 * empty, and an empty value never refuses anything (upstream {@code test_unreadable_disk_does_not_reject}).
 */
public interface SystemProbe {
    /** The 1-minute load average. */
    OptionalDouble load1m();

    /** Memory available to new processes, in bytes ({@code MemAvailable}). */
    OptionalLong availableMemory();

    /** Free bytes on the file system holding the mailboxes. */
    OptionalLong freeDisk();

    /** A probe that knows nothing: refuses nothing. */
    SystemProbe UNKNOWN = new SystemProbe() {
        @Override
        public OptionalDouble load1m() {
            return OptionalDouble.empty();
        }

        @Override
        public OptionalLong availableMemory() {
            return OptionalLong.empty();
        }

        @Override
        public OptionalLong freeDisk() {
            return OptionalLong.empty();
        }
    };
}
