package org.relaycert.conformance;

import java.util.Set;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;

/**
 * The one lock of a run's target, taken by every check class: shared by classes that only use the target,
 * exclusive for a {@link NeedsTargetAlone} class. (A relay in service gets one class at a time because its run is
 * not parallel at all: {@code Certification} decides that.)
 */
public final class TargetLocks implements ResourceLocksProvider {
    static final String KEY = "relaycert.target";

    @Override
    public Set<Lock> provideForClass(Class<?> testClass) {
        boolean alone = testClass.isAnnotationPresent(NeedsTargetAlone.class);
        return Set.of(new Lock(KEY, alone ? ResourceAccessMode.READ_WRITE : ResourceAccessMode.READ));
    }
}
