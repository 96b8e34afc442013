package org.relaycert.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.relaycert.wire.Transcript;

/**
 * What a check saw, handed to the report whatever the verdict: transcript excerpts, reply codes,
 * figures. A check gets one as a parameter and adds to it as it goes.
 */
public final class Evidence {
    private final List<String> lines = new ArrayList<>();
    private final Map<String, List<Double>> figures = new TreeMap<>();

    public Evidence line(String text) {
        lines.add(text);
        return this;
    }

    public Evidence transcript(String label, Transcript t) {
        lines.add("[" + label + "]");
        lines.addAll(t.lines().size() > 60 ? t.tail(60) : t.lines());
        return this;
    }

    public Evidence figure(String name, double value) {
        figures.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        return this;
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public Map<String, List<Double>> figures() {
        return figures;
    }
}
