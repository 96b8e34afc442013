package org.relaycert.conformance.latency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencySamplesTest {

    private static LatencySamples of(double... millis) {
        LatencySamples s = new LatencySamples();
        for (double m : millis) {
            s.add(m);
        }
        return s;
    }

    @Test
    void percentilesAreNearestRank() {
        LatencySamples s = of(5, 1, 4, 2, 3, 10, 9, 8, 7, 6);
        assertThat(s.percentile(50)).isEqualTo(5);
        assertThat(s.percentile(90)).isEqualTo(9);
        assertThat(s.percentile(99)).isEqualTo(10);
        assertThat(s.max()).isEqualTo(10);
    }

    @Test
    void aLostMessageCountsAsSlowerThanAnyDelivered() {
        LatencySamples s = of(1, 2, 3);
        s.lose();
        assertThat(s.total()).isEqualTo(4);
        assertThat(s.percentile(50)).isEqualTo(2);
        assertThat(s.percentile(99)).isInfinite();
        assertThat(s.max()).isInfinite();
        assertThat(s.summary()).contains("p99=lost").contains("loss=1/4");
    }

    @Test
    void p99OfFiftyIsDecidedByTheFirstSlowSample() {
        LatencySamples s = of(3, 4);
        assertThat(s.percentileCertainlyOver(99, 1000, 50)).isFalse();
        s.add(1500);
        assertThat(s.percentileCertainlyOver(99, 1000, 50)).isTrue();
    }

    @Test
    void p50OfFiftyNeedsTwentySixSlowSamples() {
        LatencySamples s = new LatencySamples();
        for (int i = 0; i < 25; i++) {
            s.add(300);
        }
        assertThat(s.percentileCertainlyOver(50, 200, 50)).isFalse();
        s.lose();
        assertThat(s.percentileCertainlyOver(50, 200, 50)).isTrue();
    }

    @Test
    void dotStuffingDoublesLeadingDotsAndEndsWithCrlf() {
        assertThat(new String(LatencyProbe.dotStuffed(".a\n.b\r\nc"), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("..a\r\n..b\r\nc\r\n");
    }
}
