package org.relaycert.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What a known target must get, requirement by requirement: the file a target's judgement is held to in CI. One line
 * per requirement, tab-separated: ID, verdict ({@link Verdict} name), and the reason for every verdict that is not
 * PASS (for a FAIL, the evidence that the target really breaks the rule). {@code #} starts a comment line.
 *
 * @param source where the expectations came from (file name), for messages
 * @param byId   the expectations by requirement ID, in file order
 */
public record ExpectedVerdicts(String source, Map<String, Expected> byId) {

    /**
     * One line of the file. {@code accepted} is {@code verdict} alone, or several written {@code PASS|FAIL}: a
     * verdict this target is known to give either way (timing on a real relay), with the reason saying why.
     */
    public record Expected(String id, Verdict verdict, String reason, int line, java.util.Set<Verdict> accepted) {
        public Expected(String id, Verdict verdict, String reason, int line) {
            this(id, verdict, reason, line, java.util.EnumSet.of(verdict));
        }
    }

    /** What the run gave for one requirement. */
    public record Observed(Verdict verdict, String reason) {
    }

    /** A requirement whose verdict differs from the expectation (either side may be missing). */
    public record Difference(String id, Optional<Expected> expected, Optional<Observed> observed) {
        public String describe() {
            String want = expected.map(e -> e.accepted().stream().map(Verdict::name)
                    .collect(java.util.stream.Collectors.joining("|")) + " (" + (e.reason().isEmpty() ? "line " + e.line() : e.reason()) + ")")
                    .orElse("nothing: not in the expected file");
            String got = observed.map(o -> o.verdict() + (o.reason().isEmpty() ? "" : ": " + o.reason()))
                    .orElse("nothing: not judged in this run");
            return id + ": expected " + want + ", got " + got;
        }
    }

    public ExpectedVerdicts {
        byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId));
    }

    public static ExpectedVerdicts read(Path file) throws IOException {
        return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /** Parses the lines of an expected-verdicts file; a malformed line is an error naming its source and number. */
    public static ExpectedVerdicts parse(String source, List<String> lines) {
        Map<String, Expected> byId = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            String line = lines.get(i);
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", 3);
            if (cols.length < 2) {
                throw new IllegalArgumentException(source + ":" + number + ": want ID<TAB>VERDICT[<TAB>reason], got '" + line + "'");
            }
            String id = cols[0].strip();
            Verdict verdict;
            java.util.Set<Verdict> accepted = java.util.EnumSet.noneOf(Verdict.class);
            try {
                for (String v : cols[1].strip().split("\\|")) {
                    accepted.add(Verdict.valueOf(v.strip().toUpperCase(Locale.ROOT)));
                }
                verdict = Verdict.valueOf(cols[1].strip().split("\\|")[0].strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ":" + number + ": unknown verdict '" + cols[1].strip()
                        + "' (one of " + java.util.Arrays.stream(Verdict.values()).map(Verdict::name)
                        .collect(java.util.stream.Collectors.joining(", ")) + ")");
            }
            String reason = cols.length > 2 ? cols[2].strip() : "";
            if ((verdict != Verdict.PASS || accepted.size() > 1) && reason.isEmpty()) {
                throw new IllegalArgumentException(source + ":" + number + ": " + id + " is expected " + verdict
                        + " without a reason; every verdict but PASS needs one (for FAIL, the evidence)");
            }
            if (byId.put(id, new Expected(id, verdict, reason, number, accepted)) != null) {
                throw new IllegalArgumentException(source + ":" + number + ": " + id + " is listed twice");
            }
        }
        return new ExpectedVerdicts(source, byId);
    }

    /** Every requirement whose observed verdict is not the expected one, in ID order. */
    public List<Difference> compare(Map<String, Observed> observed) {
        List<Difference> out = new ArrayList<>();
        TreeSet<String> ids = new TreeSet<>(byId.keySet());
        ids.addAll(observed.keySet());
        for (String id : ids) {
            Optional<Expected> e = Optional.ofNullable(byId.get(id));
            Optional<Observed> o = Optional.ofNullable(observed.get(id));
            if (e.isEmpty() || o.isEmpty() || !e.get().accepted().contains(o.get().verdict())) {
                out.add(new Difference(id, e, o));
            }
        }
        return out;
    }

    /** Each requirement of a report with its folded verdict and reason (requirements not run are left out). */
    public static Map<String, Observed> observed(ComplianceReport report) {
        Map<String, Observed> out = new LinkedHashMap<>();
        for (RequirementOutcome o : report.outcomes()) {
            o.verdict().ifPresent(v -> out.put(o.requirement().id(), new Observed(v,
                    o.reason() == null ? "" : o.reason().replace('\n', ' '))));
        }
        return out;
    }

    /**
     * The comparison as text: a first line that starts with {@code MATCH} or {@code DIFFER} (what a runner reads),
     * then one line per difference.
     */
    public String verdictText(List<Difference> differences) {
        StringBuilder b = new StringBuilder();
        if (differences.isEmpty()) {
            b.append("MATCH: all ").append(byId.size()).append(" requirements as ").append(source).append(" expects (")
                    .append(tally()).append(")\n");
        } else {
            b.append("DIFFER: ").append(differences.size()).append(" of ").append(byId.size())
                    .append(" requirements differ from ").append(source).append("\n");
            differences.forEach(d -> b.append("  ").append(d.describe()).append('\n'));
        }
        return b.toString();
    }

    /** How many requirements are expected with each verdict, e.g. "PASS 60, FAIL 5, NOT_OBSERVABLE 28". */
    public String tally() {
        Map<Verdict, Integer> n = new java.util.EnumMap<>(Verdict.class);
        byId.values().forEach(e -> n.merge(e.verdict(), 1, Integer::sum));
        return n.entrySet().stream().map(x -> x.getKey() + " " + x.getValue()).reduce((a, b) -> a + ", " + b).orElse("none");
    }
}
