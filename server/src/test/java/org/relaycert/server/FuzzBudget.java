package org.relaycert.server;

/**
 * How long one fuzz target runs in fuzzing mode ({@code JAZZER_FUZZ=1}); plain test runs only replay the seed
 * corpus and ignore it. Jazzer reads the budget from the annotation, so a longer campaign edits this constant.
 */
public final class FuzzBudget {
    public static final String ON_DEMAND = "60s";

    private FuzzBudget() {
    }
}
