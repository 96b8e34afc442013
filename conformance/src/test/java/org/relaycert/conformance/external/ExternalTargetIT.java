package org.relaycert.conformance.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.relaycert.conformance.targets.Targets;
import org.relaycert.fixtures.world.LocalWorld;
import org.relaycert.reports.Verdict;

/**
 * The suite pointed at a host it knows nothing about: a reference relay started on its own, reached the way
 * {@code -Dchatmail.target=...} reaches any chatmail host (here with {@code chatmail.insecure=true}, as for a
 * self-signed test relay). What the run cannot judge must come out as not observable, never as a pass.
 * Every check runs but those of {@link #LEFT_OUT}: their external path is what other checks of their area
 * show here too, and they cost most of the run in waiting or in one tool's scan (measured on a busy machine:
 * 137 of this test's 238 s). It runs beside the main run: its relay and its run are its own.
 */
class ExternalTargetIT {
    /**
     * RATE-01 paces its last 60 messages 1 s apart in real time on a target whose clock it cannot move (61 s;
     * RATE-02..04 stay). LAT-02 and LAT-05 take 50 samples each on the same probe as LAT-01, which stays (10 and
     * 13 s). testssl.sh scans three ports (54 s on a busy machine); the peer tools' external path, the target's
     * address and ports, is swaks' and mbsync's in the same class, which stay, as does TlsChecks' own TLS-01.
     */
    static final Set<String> LEFT_OUT = Set.of("SendingRateChecks#chattingRateAccepted", "LatencyChecks#sameRelayP50",
            "LatencyChecks#underLoadP99", "PeerToolChecks#testsslFindsNothingSevere");
    private static LocalWorld foreign;
    private static Path dir;

    @BeforeAll
    static void startForeignRelay() throws Exception {
        Assumptions.assumeFalse(Targets.external(), "already running against an external target");
        dir = Files.createTempDirectory("relaycert-foreign-");
        foreign = LocalWorld.start(dir, List.of("foreign-a.test"), List.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (foreign != null) {
            foreign.close();
        }
        if (dir != null) {
            LocalWorld.deleteTree(dir);
        }
    }

    @Test
    void externalRunJudgesWhatItCanAndSaysNotObservableForTheRest() {
        Map<String, Verdict> verdicts = ForeignRun.verdicts(selectPackage("org.relaycert.conformance.checks"),
                LEFT_OUT, "foreign-a.test", foreign.ports(), Map.of("chatmail.dns", foreign.dns().hostPort()));
        assertThat(verdicts).as("every check ran").hasSizeGreaterThanOrEqualTo(19);
        assertThat(verdicts).as("the checks left out did not run, their areas did")
                .doesNotContainKeys("RATE-01", "LAT-02", "LAT-05")
                .containsKeys("RATE-02", "RATE-03", "RATE-04", "LAT-01", "TLS-01", "SMTP-02", "SMTP-03", "IMAP-03");
        assertThat(verdicts.get("TLS-03")).as("certificate check with certificate checks off").isEqualTo(Verdict.NOT_OBSERVABLE);
        assertThat(verdicts).as("verdicts other than pass or not observable").allSatisfy((id, v) ->
                assertThat(v).as(id).isIn(Verdict.PASS, Verdict.NOT_OBSERVABLE));
        assertThat(verdicts.values()).as("an external run still judges most checks").filteredOn(v -> v == Verdict.PASS)
                .hasSizeGreaterThan(verdicts.size() / 2);
    }
}
