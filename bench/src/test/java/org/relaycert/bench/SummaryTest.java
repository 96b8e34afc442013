package org.relaycert.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {
    @Test
    void tableListsEveryFigureWithTargetAndVerdictAndCountsOnlyRealVerdicts() {
        Summary s = new Summary();
        s.add("EXISTS latency, same relay, light load", "p50 3.90 ms, p99 12.00 ms (lost 0)", "p50 <= 5 ms, p99 <= 25 ms",
                Summary.Verdict.of(true));
        s.add("EXISTS across relays", "p50 64.33 ms, p99 105.76 ms (lost 0)", "p99 <= 50 ms", Summary.Verdict.of(false));
        s.reported("submission throughput", "222 messages/s");
        s.notMeasured("Delta Chat send -> IncomingMsg", "client not installed", "p50 <= 100 ms");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        s.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), "test");
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();

        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("EXISTS latency, same relay").contains("p99 <= 25 ms").endsWith("met"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("EXISTS across relays").endsWith("NOT MET"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("not measured: client not installed").endsWith("not measured"));
        assertThat(lines).last().isEqualTo("targets met: 1, not met: 1, not measured: 1 (targets are reported, not asserted)");
        // the verdict column starts at the same place on every row (figure 64, value 44, target 38, two spaces apart)
        List<String> rows = lines.stream().filter(l -> l.startsWith("EXISTS") || l.startsWith("submission")).toList();
        assertThat(rows).extracting(l -> l.substring(152)).containsExactly("met", "NOT MET", "-");
    }
}
