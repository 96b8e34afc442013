package org.relaycert.conformance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class of checks that must have the target to itself: it stops relays, moves their clock, makes the
 * push gateway fail, or measures time. The other check classes of a run against the local world run beside
 * each other ({@link TargetLocks}); against an external target every class runs alone.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface NeedsTargetAlone {
    /** Why, in a few words (e.g. "moves the relays' clock"). */
    String value();
}
