package org.relaycert.conformance;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * The run's class order, by name within each group: first the classes with worlds of their own (the sensitivity
 * run, the external-target run), then the check classes that share the target, then those that
 * {@link NeedsTargetAlone}. The classes of a group start together; an exclusive class waits for the shared ones
 * before it, so grouping them keeps the shared ones from waiting on each exclusive class in turn.
 */
public final class TargetAloneLast implements ClassOrderer {
    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparingInt(TargetAloneLast::group)
                .thenComparing(d -> d.getTestClass().getName()));
    }

    private static int group(ClassDescriptor d) {
        if (!d.isAnnotated(ConformanceCheck.class)) {
            return 0;
        }
        return d.isAnnotated(NeedsTargetAlone.class) ? 2 : 1;
    }
}
