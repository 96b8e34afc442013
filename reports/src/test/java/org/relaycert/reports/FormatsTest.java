package org.relaycert.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void numbersKeepThreeSignificantFiguresWithoutTrailingZeros() {
        assertThat(Formats.number(12.345)).isEqualTo("12.3");
        assertThat(Formats.number(1500)).isEqualTo("1500");
        assertThat(Formats.number(1234.5)).isEqualTo("1235");
        assertThat(Formats.number(0.01234)).isEqualTo("0.0123");
        assertThat(Formats.number(2.50)).isEqualTo("2.5");
    }

    @Test
    void unitsComeFromTheFigureName() {
        assertThat(Formats.withUnit("latencyMs", 12)).isEqualTo("12 ms");
        assertThat(Formats.withUnit("messageBytes", 3)).isEqualTo("3 bytes");
        assertThat(Formats.withUnit("retries", 3)).isEqualTo("3");
        assertThat(Formats.withUnit("observed_retention_days", 19)).isEqualTo("19 days");
    }

    @Test
    void durationsReadNaturally() {
        assertThat(Formats.duration(Duration.ofMillis(340))).isEqualTo("340 ms");
        assertThat(Formats.duration(Duration.ofMillis(1500))).isEqualTo("1.5 s");
        assertThat(Formats.duration(Duration.ofSeconds(125))).isEqualTo("2 min 5 s");
    }

    @Test
    void plotAxisEndsOnARoundNumberAtOrAboveTheMaximum() {
        assertThat(DistributionPlot.niceCeiling(87)).isEqualTo(100);
        assertThat(DistributionPlot.niceCeiling(130)).isEqualTo(200);
        assertThat(DistributionPlot.niceCeiling(0.3)).isEqualTo(0.5);
        assertThat(DistributionPlot.niceCeiling(0)).isEqualTo(1);
    }

    @Test
    void plotOfALongTailKeepsEveryMarkerAndEscapesTheName() {
        String svg = DistributionPlot.render("<x>Ms", List.of(10.0, 11.0, 12.0, 900.0));

        assertThat(svg).contains(">p50 11 ms</text>").contains(">p90 900 ms</text>").contains(">p99 900 ms</text>")
                .contains("&lt;x&gt;Ms").doesNotContain("<x>");
    }

    @Test
    void plotOfOneSampleStillRenders() {
        assertThat(DistributionPlot.render("latencyMs", List.of(5.0))).contains(">p50 5 ms</text>").endsWith("</svg>");
    }
}
