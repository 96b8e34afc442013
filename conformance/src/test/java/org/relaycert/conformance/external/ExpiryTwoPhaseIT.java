package org.relaycert.conformance.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.relaycert.conformance.targets.Targets;
import org.relaycert.fixtures.variants.Variants;
import org.relaycert.fixtures.world.LocalWorld;
import org.relaycert.fixtures.world.RelaySpec;
import org.relaycert.reports.Verdict;

/**
 * The live-host expiry mode end to end: relays started on their own are treated as external hosts; a
 * {@code chatmail.phase=plant} run leaves dated messages and receipts, the relay's own sweep runs (on a
 * live host: the daily timer), and a {@code chatmail.phase=harvest} run judges what is left. A relay that
 * keeps mail 60 days must fail the harvest.
 */
class ExpiryTwoPhaseIT {
    private static final String CHECKS = "org.relaycert.conformance.checks.ExpiryChecks";
    private static Path dir;
    private static LocalWorld reference;
    private static LocalWorld keeper;

    @BeforeAll
    static void startHosts() throws Exception {
        Assumptions.assumeFalse(Targets.external(), "already running against an external target");
        dir = Files.createTempDirectory("relaycert-twophase-");
        reference = LocalWorld.start(dir.resolve("ref"), List.of("harvest-a.test"), List.of());
        RelaySpec sixtyDays = Variants.byName("keep-mail-60-days").orElseThrow().apply()
                .apply(RelaySpec.reference("harvest-b.test", ""));
        keeper = LocalWorld.start(dir.resolve("keeper"), List.of("harvest-b.test"), List.of(sixtyDays));
    }

    @AfterAll
    static void stop() throws Exception {
        for (LocalWorld w : new LocalWorld[] {reference, keeper}) {
            if (w != null) {
                w.close();
            }
        }
        if (dir != null) {
            LocalWorld.deleteTree(dir);
        }
    }

    @Test
    void plantThenHarvestJudgesTheReferenceRelay() throws Exception {
        Path receipts = dir.resolve("receipts-ref");
        Map<String, Verdict> planted = run(reference, "harvest-a.test", "plant", receipts);
        assertThat(planted).as("the plant phase judges nothing yet").containsEntry("EXP-01", Verdict.NOT_OBSERVABLE)
                .containsEntry("EXP-02", Verdict.NOT_OBSERVABLE).containsEntry("EXP-03", Verdict.NOT_OBSERVABLE);
        assertThat(receipts.resolve("expiry-receipt-EXP-01.json")).exists();
        assertThat(receipts.resolve("expiry-receipt-EXP-02.json")).exists();

        reference.relay("harvest-a.test").relay().expiry().sweepNow(); // the host's own daily sweep

        Map<String, Verdict> harvested = run(reference, "harvest-a.test", "harvest", receipts);
        assertThat(harvested).containsEntry("EXP-01", Verdict.PASS).containsEntry("EXP-02", Verdict.PASS)
                .containsEntry("EXP-03", Verdict.NOT_OBSERVABLE);
    }

    @Test
    void harvestCatchesARelayThatKeepsMail60Days() throws Exception {
        Path receipts = dir.resolve("receipts-keeper");
        run(keeper, "harvest-b.test", "plant", receipts);
        keeper.relay("harvest-b.test").relay().expiry().sweepNow();
        assertThat(run(keeper, "harvest-b.test", "harvest", receipts)).containsEntry("EXP-01", Verdict.FAIL);
    }

    @Test
    void withoutAPhaseALiveHostsExpiryIsNotObservable() {
        assertThat(run(reference, "harvest-a.test", "", dir.resolve("unused")))
                .containsEntry("EXP-01", Verdict.NOT_OBSERVABLE).containsEntry("EXP-02", Verdict.NOT_OBSERVABLE);
    }

    @Test
    void aHarvestBeforeTheRelaysSweepCouldRunJudgesNothing() throws Exception {
        Path receipts = dir.resolve("receipts-early");
        run(reference, "harvest-a.test", "plant", receipts);
        // no sweep has run, and the relay's daily schedule says none need have: the old mail is still there
        Map<String, Verdict> early = run(reference, "harvest-a.test", "harvest", receipts, "PT25H");
        assertThat(early).as("a correct relay harvested too early").containsEntry("EXP-01", Verdict.NOT_OBSERVABLE)
                .containsEntry("EXP-02", Verdict.NOT_OBSERVABLE);
    }

    private static Map<String, Verdict> run(LocalWorld host, String domain, String phase, Path receipts) {
        return run(host, domain, phase, receipts, "PT0S");
    }

    /** {@code sweepInterval}: these hosts sweep when the test says (PT0S: the sweep before the harvest is the one). */
    private static Map<String, Verdict> run(LocalWorld host, String domain, String phase, Path receipts, String sweepInterval) {
        return ForeignRun.verdicts(selectClass(CHECKS), domain, host.ports(),
                Map.of("chatmail.phase", phase, "chatmail.receipts", receipts.toString(),
                        "chatmail.sweep_interval", sweepInterval));
    }
}
