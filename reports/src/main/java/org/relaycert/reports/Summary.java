package org.relaycert.reports;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of a report, per requirement: per level and verdict, and per area.
 *
 * @param all       every requirement
 * @param byLevel   requirements per level
 * @param areas     per-area counts, sorted by area name
 * @param unchecked ids of catalogue requirements that no check covered (counted as not run)
 */
public record Summary(Tally all, Map<Level, Tally> byLevel, List<AreaSummary> areas, List<String> unchecked) {

    public Summary {
        byLevel = Map.copyOf(byLevel);
        areas = List.copyOf(areas);
        unchecked = List.copyOf(unchecked);
    }

    /** Folds requirement outcomes into counts. */
    public static Summary of(List<RequirementOutcome> outcomes) {
        Tally all = Tally.EMPTY;
        Map<Level, Tally> byLevel = new EnumMap<>(Level.class);
        Map<String, Tally> areaAll = new TreeMap<>();
        Map<String, Map<Level, Tally>> areaByLevel = new TreeMap<>();
        List<String> unchecked = new ArrayList<>();
        for (Level level : Level.values()) {
            byLevel.put(level, Tally.EMPTY);
        }
        for (RequirementOutcome outcome : outcomes) {
            Requirement req = outcome.requirement();
            all = all.plus(outcome);
            byLevel.merge(req.level(), Tally.EMPTY, (t, unused) -> t.plus(outcome));
            areaAll.merge(req.area(), Tally.EMPTY.plus(outcome), (t, unused) -> t.plus(outcome));
            areaByLevel.computeIfAbsent(req.area(), a -> new EnumMap<>(Level.class))
                    .merge(req.level(), Tally.EMPTY.plus(outcome), (t, unused) -> t.plus(outcome));
            if (!outcome.wasRun()) {
                unchecked.add(req.id());
            }
        }
        List<AreaSummary> areas = new ArrayList<>();
        areaAll.forEach((area, tally) -> areas.add(new AreaSummary(area, tally, areaByLevel.get(area))));
        return new Summary(all, byLevel, areas, unchecked);
    }

    /** The tally of one level. */
    public Tally level(Level level) {
        return byLevel.getOrDefault(level, Tally.EMPTY);
    }

    /** How many requirements of the level ended with the verdict. */
    public int count(Level level, Verdict verdict) {
        return level(level).count(verdict);
    }

    /** The overall verdict and the three numbers per level. */
    public Headline headline() {
        return Headline.of(this);
    }

    /** MUST requirements not judged (not observable, precondition failed, error, not run). */
    public int mustNotJudged() {
        return level(Level.MUST).notJudged();
    }

    /** The summary of one area, if the report has it. */
    public java.util.Optional<AreaSummary> area(String area) {
        return areas.stream().filter(a -> a.area().equals(area)).findFirst();
    }
}
