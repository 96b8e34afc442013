package org.relaycert.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Delivery between every ordered pair of relays, per path (SMTP, {@code /mxdeliv}), as the federation checks saw
 * it. The checks record one evidence line per pair in the form {@link #evidenceLine} writes; the matrix is read
 * back from the results, so a report read from JSON shows the same matrix.
 *
 * @param cells one per (from, to, path), in the order first seen
 */
public record FederationMatrix(List<Cell> cells) {
    private static final String PREFIX = "federation pair: ";
    private static final Pattern LINE = Pattern.compile(Pattern.quote(PREFIX)
            + "(\\S+) -> (\\S+) via (\\S+): (?:delivered in (\\d+) ms|not delivered(?:: (.*))?)");

    /**
     * One ordered pair on one path.
     *
     * @param latencyMs submission accepted to arrival in the recipient's INBOX; empty when not delivered
     * @param note      why it was not delivered, when the check knew; empty otherwise
     * @param requirementId the requirement whose check measured it
     */
    public record Cell(String from, String to, String path, Optional<Long> latencyMs, Optional<String> note,
                       String requirementId) {
        public boolean delivered() {
            return latencyMs.isPresent();
        }
    }

    public FederationMatrix {
        cells = List.copyOf(cells);
    }

    /** The evidence line a check writes for one pair; {@code latencyMs} null when the mail did not arrive. */
    public static String evidenceLine(String from, String to, String path, Long latencyMs, String note) {
        String head = PREFIX + from + " -> " + to + " via " + path + ": ";
        if (latencyMs != null) {
            return head + "delivered in " + latencyMs + " ms";
        }
        return head + "not delivered" + (note == null || note.isBlank() ? "" : ": " + note.strip());
    }

    /** The cell an evidence line describes, if it is a pair line. */
    public static Optional<Cell> parse(String requirementId, String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Cell(m.group(1), m.group(2), m.group(3),
                Optional.ofNullable(m.group(4)).map(Long::parseLong), Optional.ofNullable(m.group(5)), requirementId));
    }

    /** The matrix of all pair lines in {@code report}'s results; a later line for the same pair and path wins. */
    public static FederationMatrix of(ComplianceReport report) {
        Map<String, Cell> byKey = new LinkedHashMap<>();
        for (CheckResult result : report.results()) {
            for (String line : result.evidence()) {
                parse(result.requirement().id(), line).ifPresent(c -> byKey.put(c.from() + " " + c.to() + " " + c.path(), c));
            }
        }
        return new FederationMatrix(new ArrayList<>(byKey.values()));
    }

    public boolean isEmpty() {
        return cells.isEmpty();
    }

    /** Every relay named as sender or receiver, in the order first seen. */
    public List<String> relays() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        cells.forEach(c -> {
            names.add(c.from());
            names.add(c.to());
        });
        return List.copyOf(names);
    }

    /** The paths measured, in the order first seen. */
    public List<String> paths() {
        return cells.stream().map(Cell::path).distinct().toList();
    }

    public Optional<Cell> cell(String from, String to, String path) {
        return cells.stream().filter(c -> c.from().equals(from) && c.to().equals(to) && c.path().equals(path))
                .reduce((first, second) -> second);
    }
}
