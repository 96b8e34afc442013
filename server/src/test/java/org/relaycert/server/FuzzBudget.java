package org.relaycert.server;

/**
 * How long one fuzz target runs in fuzzing mode ({@code JAZZER_FUZZ=1}) when started by hand or from an IDE; plain
 * test runs only replay the seed corpus and ignore it. The bounded run of {@code ./mvnw verify} and
 * {@code scripts/fuzz.sh SECONDS} override it with libFuzzer's {@code -max_total_time} (profile
 * {@code bounded-fuzzing} in the server's pom), which wins over the annotation's value.
 */
public final class FuzzBudget {
    public static final String ON_DEMAND = "60s";

    private FuzzBudget() {
    }
}
