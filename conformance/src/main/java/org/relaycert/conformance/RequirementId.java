package org.relaycert.conformance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one requirement of the catalogue a check method judges; its display name is made from the catalogue
 * ({@link org.relaycert.conformance.catalogue.RequirementDisplayNames}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequirementId {
    String value();
}
