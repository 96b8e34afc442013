package org.relaycert.conformance.catalogue;

/** The documents the build makes from the suite's own sources, and how to make them again after a change. */
public final class GeneratedDocs {
    /** The switch of the drift tests that writes the documents instead of comparing them. */
    public static final String REGENERATE_PROPERTY = "relaycert.regenerate-docs";
    /** The command that rewrites every generated document (run from the project root). */
    public static final String REGENERATE = "./mvnw -q -o -pl conformance test -Dtest='*DocTest' -D"
            + REGENERATE_PROPERTY + "=true";

    private GeneratedDocs() {
    }
}
