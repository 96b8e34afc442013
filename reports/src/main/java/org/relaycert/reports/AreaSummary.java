package org.relaycert.reports;

import java.util.Map;

/**
 * The counts of one requirement area.
 *
 * @param area    area prefix such as {@code ACC}
 * @param all     every requirement of the area
 * @param byLevel the area's requirements split by level; a level without requirements has an empty tally
 */
public record AreaSummary(String area, Tally all, Map<Level, Tally> byLevel) {

    public AreaSummary {
        byLevel = Map.copyOf(byLevel);
    }

    /** The tally of one level in this area. */
    public Tally level(Level level) {
        return byLevel.getOrDefault(level, Tally.EMPTY);
    }
}
