package org.relaycert.reports;

import java.util.Objects;

/**
 * One entry of the requirement catalogue.
 *
 * @param id        stable identifier such as {@code ACC-01}
 * @param level     MUST or SHOULD
 * @param area      the identifier's prefix, e.g. {@code ACC}
 * @param statement what the relay has to do, one sentence
 * @param source    where the rule comes from (seed promise, chatmail behaviour, RFC section)
 */
public record Requirement(String id, Level level, String area, String statement, String source) {

    public Requirement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(source, "source");
        if (id.isBlank()) {
            throw new IllegalArgumentException("requirement id is blank");
        }
    }

    /** Builds a requirement whose area is the part of {@code id} before the first '-'. */
    public static Requirement of(String id, Level level, String statement, String source) {
        return new Requirement(id, level, areaOf(id), statement, source);
    }

    /** The area prefix of an identifier: {@code "ACC-01"} gives {@code "ACC"}; no dash gives the whole id. */
    public static String areaOf(String id) {
        int dash = id.indexOf('-');
        return dash < 0 ? id : id.substring(0, dash);
    }
}
