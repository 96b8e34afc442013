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
        assertThat(s.summary()).contains("max=lost").contains("loss=1/4");
    }

    @Test
    void theBinomialBoundAllowsAsManySlowSamplesAsChanceExplainsAtNinetyFivePercent() {
        // X ~ Bin(50, 0.01): P(X > 1) = 0.089, P(X > 2) = 0.014
        assertThat(LatencySamples.allowedOver(50, 99)).isEqualTo(2);
        // X ~ Bin(100, 0.01): P(X > 2) = 0.079, P(X > 3) = 0.018
        assertThat(LatencySamples.allowedOver(100, 99)).isEqualTo(3);
        // X ~ Bin(50, 0.5): P(X > 30) = 0.059, P(X > 31) = 0.032
        assertThat(LatencySamples.allowedOver(50, 50)).isEqualTo(31);
        // X ~ Bin(15, 0.01): P(X > 0) = 0.14, P(X > 1) = 0.0096
        assertThat(LatencySamples.allowedOver(15, 99)).isEqualTo(1);
        assertThat(LatencySamples.allowedOver(10, 100)).isZero();
    }

    @Test
    void oneRetransmitInFiftyDoesNotBreakAP99Bound() {
        LatencySamples s = new LatencySamples();
        for (int i = 0; i < 49; i++) {
            s.add(5);
        }
        s.add(3000); // one TCP retransmit's worth
        assertThat(s.percentile(99)).as("the nearest-rank p99 of 50 is the maximum").isEqualTo(3000);
        assertThat(s.percentileOver(99, 1000)).isFalse();
        assertThat(s.judgement(99, 1000)).contains("binomial").contains("1 of 50").contains("more than 2");
        assertThat(s.summary()).as("no p99 figure that is only the maximum").contains("p99=n/a (n<100)");
    }

    @Test
    void threeSlowOfFiftyBreakIt() {
        LatencySamples s = of(5, 5, 5);
        assertThat(s.percentileCertainlyOver(99, 1000, 50)).isFalse();
        s.add(1500);
        s.lose();
        assertThat(s.percentileCertainlyOver(99, 1000, 50)).isFalse();
        s.add(2000);
        assertThat(s.percentileCertainlyOver(99, 1000, 50)).isTrue();
        assertThat(s.percentileOver(99, 1000)).isTrue();
    }

    @Test
    void p50OfFiftyNeedsThirtyTwoSlowSamples() {
        LatencySamples s = new LatencySamples();
        for (int i = 0; i < 31; i++) {
            s.add(300);
        }
        assertThat(s.percentileCertainlyOver(50, 200, 50)).isFalse();
        s.lose();
        assertThat(s.percentileCertainlyOver(50, 200, 50)).isTrue();
    }

    @Test
    void theSampleP99IsShownFromAHundredSamples() {
        LatencySamples s = new LatencySamples();
        for (int i = 1; i <= 100; i++) {
            s.add(i);
        }
        assertThat(s.summary()).contains("p99=99.0 ms").contains("max=100.0 ms");
    }

    @Test
    void dotStuffingDoublesLeadingDotsAndEndsWithCrlf() {
        assertThat(new String(LatencyProbe.dotStuffed(".a\n.b\r\nc"), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("..a\r\n..b\r\nc\r\n");
    }
}
