package org.relaycert.conformance;

import java.util.Set;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;
import org.relaycert.conformance.targets.Targets;

/**
 * The one lock of a run's target, taken by every check class: shared by classes that only use the target,
 * exclusive for a {@link NeedsTargetAlone} class, and exclusive for all of them against an external target (a
 * relay in service gets one check class at a time, as an operator would expect of a test tool).
 */
public final class TargetLocks implements ResourceLocksProvider {
    static final String KEY = "relaycert.target";
    /** An external target that may take the check classes side by side, as the local world does. */
    public static final String PARALLEL_SETTING = "chatmail.parallel";

    @Override
    public Set<Lock> provideForClass(Class<?> testClass) {
        boolean alone = testClass.isAnnotationPresent(NeedsTargetAlone.class)
                || (Targets.external() && !Boolean.getBoolean(PARALLEL_SETTING));
        return Set.of(new Lock(KEY, alone ? ResourceAccessMode.READ_WRITE : ResourceAccessMode.READ));
    }
}
