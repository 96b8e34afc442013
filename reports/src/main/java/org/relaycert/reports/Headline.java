package org.relaycert.reports;

/**
 * What the top of every rendering says: the overall verdict with its count, and three numbers per level
 * (passed / failed / not judged, of the level's total). HTML, Markdown, JSON and the badge all read this one
 * record, so they cannot disagree.
 *
 * @param overall the verdict about the target
 * @param must    the MUST requirements' tally
 * @param should  the SHOULD requirements' tally
 */
public record Headline(OverallVerdict overall, Tally must, Tally should) {

    public static Headline of(Summary summary) {
        Tally must = summary.level(Level.MUST);
        Tally should = summary.level(Level.SHOULD);
        return new Headline(OverallVerdict.of(must, should), must, should);
    }

    /** MUST requirements not judged on this target. */
    public int mustNotJudged() {
        return must.notJudged();
    }

    /** The tally of one level. */
    public Tally level(Level level) {
        return level == Level.MUST ? must : should;
    }

    /**
     * The headline in words: "COMPLIANT", "COMPLIANT WITH WARNINGS (1 SHOULD failed)",
     * "PARTIAL (9 MUSTs not judged on this target)", "NOT COMPLIANT (2 MUSTs failed)".
     */
    public String text() {
        String word = overall.label().toUpperCase(java.util.Locale.ROOT);
        return switch (overall) {
            case COMPLIANT -> word;
            case COMPLIANT_WITH_WARNINGS -> word + " (" + plural(should.fail(), "SHOULD") + " failed)";
            case PARTIAL -> word + " (" + plural(must.notJudged(), "MUST") + " not judged on this target)";
            case NOT_COMPLIANT -> word + " (" + plural(must.fail(), "MUST") + " failed)";
        };
    }

    /** One level's three numbers: "MUST: 61 passed, 0 failed, 9 not judged of 70". */
    public String levelText(Level level) {
        return level.name() + ": " + level(level).headline();
    }

    private static String plural(int n, String level) {
        return n + " " + level + (n == 1 ? "" : "s");
    }
}
