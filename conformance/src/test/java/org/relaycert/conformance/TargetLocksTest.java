package org.relaycert.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLocksProvider.Lock;

/**
 * Check classes run beside each other on one target, so a class that changes the target for everyone must take
 * it alone: this keeps the annotation honest as checks are added.
 */
class TargetLocksTest {
    private static final Path CHECKS = Path.of("src/main/java/org/relaycert/conformance/checks");
    /** What in a check's source changes the target for every other check running at the time. */
    private static final List<String> TARGET_WIDE = List.of("federationControl()", ".time()", ".advance(", ".sweep()",
            "failFirst(", "ConnectionFlood.open");

    @Test
    void sharedClassesShareAndTheOthersTakeTheTargetAlone() throws Exception {
        assertThat(new TargetLocks().provideForClass(Class.forName("org.relaycert.conformance.checks.DkimChecks")))
                .containsExactly(new Lock(TargetLocks.KEY, ResourceAccessMode.READ));
        assertThat(new TargetLocks().provideForClass(Class.forName("org.relaycert.conformance.checks.ExpiryChecks")))
                .containsExactly(new Lock(TargetLocks.KEY, ResourceAccessMode.READ_WRITE));
    }

    @Test
    void everyClassThatChangesTheTargetForOthersNeedsItAlone() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.list(CHECKS)) {
            sources = files.filter(f -> f.getFileName().toString().endsWith("Checks.java")).sorted().toList();
        }
        assertThat(sources).as("check classes found under " + CHECKS.toAbsolutePath()).hasSizeGreaterThan(10);
        for (Path source : sources) {
            String text = Files.readString(source);
            Set<String> uses = Set.copyOf(TARGET_WIDE.stream().filter(text::contains).toList());
            if (!uses.isEmpty()) {
                assertThat(text).as("%s uses %s, so it must be @NeedsTargetAlone", source.getFileName(), uses)
                        .contains("@NeedsTargetAlone(");
            }
        }
    }
}
