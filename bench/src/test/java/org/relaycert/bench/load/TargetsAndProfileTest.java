package org.relaycert.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetsAndProfileTest {
    @TempDir
    Path dir;

    @Test
    void aPacedRateIsMetWithinTenPercentEitherWay() {
        assertThat(Targets.pacedRateMet(200, 200)).isTrue();
        assertThat(Targets.pacedRateMet(180, 200)).isTrue();
        assertThat(Targets.pacedRateMet(179, 200)).isFalse();
        assertThat(Targets.pacedRateMet(220, 200)).isTrue();
        assertThat(Targets.pacedRateMet(221, 200)).isFalse();
    }

    @Test
    void aRecordingIsSummarizedWithItsFsyncsCountedPerMessage() throws Exception {
        Path jfr = dir.resolve("r.jfr");
        try (Recording r = new Recording()) {
            r.enable("jdk.FileForce").withThreshold(java.time.Duration.ZERO);
            r.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(10));
            r.start();
            for (int i = 0; i < 4; i++) {
                try (FileChannel ch = FileChannel.open(dir.resolve("f" + i), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                    ch.write(java.nio.ByteBuffer.wrap(new byte[] {1}));
                    ch.force(true);
                }
            }
            r.stop();
            r.dump(jfr);
        }
        RelayProfile.Summary s = RelayProfile.summarize(jfr, 1.0, 2);
        assertThat(s.fsync()).startsWith("4 fsyncs (2.00 a message)");
        assertThat(s.lines()).anySatisfy(l -> assertThat(l).contains("2 messages delivered"));
    }
}
