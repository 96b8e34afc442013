package org.relaycert.conformance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.relaycert.conformance.catalogue.RequirementDisplayNames;

/**
 * Marks a class of conformance checks: they get the {@code Target} and {@code Evidence} parameters, and the
 * run's target lock ({@link TargetLocks}: classes run beside each other unless one {@link NeedsTargetAlone}), and
 * their names from the catalogue ({@link RequirementDisplayNames}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Tag("conformance")
@DisplayNameGeneration(RequirementDisplayNames.class)
@ExtendWith({ConformanceExtension.class, org.relaycert.conformance.targets.TargetAvailability.class})
@ResourceLock(providers = TargetLocks.class)
public @interface ConformanceCheck {
}
