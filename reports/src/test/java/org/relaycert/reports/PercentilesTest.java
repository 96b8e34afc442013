package org.relaycert.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOfOneToHundredIsThePercentileItself() {
        Percentiles p = Percentiles.of(SampleReports.LATENCIES);

        assertThat(p).isEqualTo(new Percentiles(100, 1, 50, 90, 99, 100));
    }

    @Test
    void nearestRankPicksAMeasuredValueWithoutInterpolation() {
        List<Double> samples = List.of(50.0, 15.0, 40.0, 20.0, 35.0);

        assertThat(Percentiles.nearestRank(samples, 5)).isEqualTo(15.0);
        assertThat(Percentiles.nearestRank(samples, 30)).isEqualTo(20.0);
        assertThat(Percentiles.nearestRank(samples, 40)).isEqualTo(20.0);
        assertThat(Percentiles.nearestRank(samples, 50)).isEqualTo(35.0);
        assertThat(Percentiles.nearestRank(samples, 100)).isEqualTo(50.0);
    }

    @Test
    void exactMultiplesDoNotRoundUpAFloatingPointHair() {
        // 0.9 * 10 is 9.000000000000002 in binary floating point; rank must stay 9.
        assertThat(Percentiles.rankIndex(10, 90)).isEqualTo(9);
        assertThat(Percentiles.rankIndex(10, 99)).isEqualTo(10);
        assertThat(Percentiles.rankIndex(3, 50)).isEqualTo(2);
    }

    @Test
    void singleSampleIsEveryPercentile() {
        assertThat(Percentiles.of(List.of(7.5))).isEqualTo(new Percentiles(1, 7.5, 7.5, 7.5, 7.5, 7.5));
    }

    @Test
    void rejectsEmptySamplesAndBadPercentiles() {
        assertThatThrownBy(() -> Percentiles.of(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.nearestRank(List.of(1.0), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.nearestRank(List.of(1.0), 101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(List.of(Double.NaN))).isInstanceOf(IllegalArgumentException.class);
    }
}
