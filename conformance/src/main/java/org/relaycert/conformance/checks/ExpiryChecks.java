package org.relaycert.conformance.checks;

import org.relaycert.conformance.probes.ExpiryProbe;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.relaycert.conformance.ConformanceCheck;
import org.relaycert.conformance.Evidence;
import org.relaycert.conformance.NeedsTargetAlone;
import org.relaycert.conformance.RequirementId;
import org.relaycert.conformance.probes.ExpiryProbe.Found;
import org.relaycert.conformance.probes.ExpiryProbe.Planted;
import org.relaycert.conformance.probes.ExpiryProbe.Receipt;
import org.relaycert.wire.ImapSession;
import org.relaycert.conformance.targets.Credentials;
import org.relaycert.conformance.targets.ExpiryControl;
import org.relaycert.conformance.targets.NotObservableException;
import org.relaycert.conformance.targets.Target;
import org.relaycert.conformance.settings.Setting;

/**
 * Expiry (relay-spec 7.1): messages are planted with APPEND and an old INTERNALDATE and judged after a
 * sweep. The local world runs the sweep on demand; on a live host the run is split in two:
 * {@code -Dchatmail.phase=plant} plants and writes a receipt, {@code -Dchatmail.phase=harvest} (a day or
 * more later, after the relay's daily sweep) reads it and judges what is left.
 */
@ConformanceCheck
@NeedsTargetAlone("moves the relays' clock")
class ExpiryChecks {
    /** The promise: nothing older than this stays. */
    static final double MAX_RETENTION_DAYS = 40;
    static final int OLDEST_PLANTED_DAYS = 45;
    /** Older than chatmail's delete_large_after (7 d), younger than delete_mails_after (20 d). */
    static final int LARGE_DAYS = 10;
    static final int LARGE_BYTES = 250_000;
    /** chatmail's delete_inactive_users_after is 90 days; the clock moves a little further. */
    static final Duration INACTIVE = Duration.ofDays(92);
    private static final String PHASE = Setting.PHASE.key();
    /**
     * The longest a live relay's sweep may take to come round, run included (ISO-8601 duration): chatmail's timer
     * runs daily at 00:02 in the host's time zone, so 25 hours after planting one has certainly run, whatever the zone.
     */
    static final String SWEEP_INTERVAL = Setting.SWEEP_INTERVAL.key();
    /** Recent mail: the youngest planted messages must still be there after a sweep. */
    static final double RECENT_DAYS = 3;

    @Test
    @RequirementId("EXP-01")
    void oldMailExpires(Target t, Evidence ev) throws Exception {
        Judged j = plantSweepSurvey(t, ev, "EXP-01", (s, address, now) -> {
            List<Planted> planted = new ArrayList<>();
            for (int days = 0; days <= OLDEST_PLANTED_DAYS; days++) {
                planted.add(ExpiryProbe.plant(s, address, days + "d", now.minus(Duration.ofDays(days)), 600, false));
            }
            return planted;
        });
        List<Planted> kept = j.planted().stream().filter(p -> ExpiryProbe.present(p, j.found())).toList();
        List<Planted> gone = j.planted().stream().filter(p -> !ExpiryProbe.present(p, j.found())).toList();
        Optional<Planted> oldestKept = kept.stream().max(Comparator.comparingDouble(p -> p.ageDays(j.now())));
        Optional<Planted> youngestGone = gone.stream().min(Comparator.comparingDouble(p -> p.ageDays(j.now())));
        oldestKept.ifPresent(p -> ev.figure("observed_retention_days", round(p.ageDays(j.now()))));
        ev.line(kept.size() + " of " + j.planted().size() + " planted messages left; oldest kept "
                + oldestKept.map(p -> round(p.ageDays(j.now())) + " days").orElse("none") + ", youngest deleted "
                + youngestGone.map(p -> round(p.ageDays(j.now())) + " days").orElse("none"));
        // judged by their age when a sweep had certainly run (a harvest: up to one sweep interval before it)
        assertThat(kept).as("messages older than %s days at a sweep (by %s) still there", MAX_RETENTION_DAYS, j.sweptBy())
                .noneSatisfy(p -> assertThat(p.ageDays(j.sweptBy())).isGreaterThan(MAX_RETENTION_DAYS));
        assertThat(gone).as("messages under %s days old deleted (mail must stay until clients fetched it)", RECENT_DAYS)
                .noneSatisfy(p -> assertThat(p.ageDays(j.now())).isLessThan(RECENT_DAYS));
        long recent = j.planted().stream().filter(p -> p.ageDays(j.now()) < RECENT_DAYS).count();
        if (recent == 0) {
            // a harvest weeks late: every planted message is old by now, so "recent mail stays" would hold vacuously
            throw new NotObservableException("old mail was deleted, but no planted message is under " + RECENT_DAYS
                    + " days old at this harvest (" + round(Duration.between(j.plantedAt(), j.now()).toSeconds() / 86_400.0)
                    + " days after planting), so that recent mail stays is not judged: harvest within "
                    + RECENT_DAYS + " days of planting");
        }
        ev.line(recent + " planted messages under " + RECENT_DAYS + " days old judged as recent mail");
    }

    @Test
    @RequirementId("EXP-02")
    void largeMailExpiresEarlier(Target t, Evidence ev) throws Exception {
        Judged j = plantSweepSurvey(t, ev, "EXP-02", (s, address, now) -> List.of(
                ExpiryProbe.plant(s, address, "large", now.minus(Duration.ofDays(LARGE_DAYS)), LARGE_BYTES, true),
                ExpiryProbe.plant(s, address, "small", now.minus(Duration.ofDays(LARGE_DAYS)).minusSeconds(1), 600, true)));
        Planted large = j.planted().get(0);
        Planted small = j.planted().get(1);
        boolean largeLeft = ExpiryProbe.present(large, j.found());
        boolean smallLeft = ExpiryProbe.present(small, j.found());
        ev.line("after " + round(large.ageDays(j.now())) + " days: large message " + (largeLeft ? "kept" : "deleted")
                + ", small message " + (smallLeft ? "kept" : "deleted"));
        assertThat(largeLeft).as("large seen message older than 7 days still there").isFalse();
        if (small.ageDays(j.now()) < 20) {
            assertThat(smallLeft).as("small message of the same age (under delete_mails_after) kept").isTrue();
        } else {
            ev.line("the small message is " + round(small.ageDays(j.now())) + " days old at this harvest, past "
                    + "delete_mails_after: that a small message of the large one's age stays is not judged");
        }
    }

    @Test
    @RequirementId("EXP-03")
    void inactiveAccountRemoved(Target t, Evidence ev) throws Exception {
        ExpiryControl control = Target.require(t.expiryControl(),
                "a live relay's clock cannot be moved 90 days, and a harvest 90 days later is not part of this suite");
        Credentials c = t.primary().account();
        try (ImapSession s = ImapSession.open(t.primary().imaps(), t.trust())) {
            assertThat(s.login(c.address(), c.password()).ok()).as("login").isTrue();
            s.logout();
        }
        control.advance(INACTIVE);
        control.sweep();
        String otherPassword = c.password() + "-new";
        try (ImapSession s = ImapSession.open(t.primary().imaps(), t.trust())) {
            boolean recreated = s.login(c.address(), otherPassword).ok();
            ev.transcript("login after " + INACTIVE.toDays() + " days", s.transcript());
            ev.line(recreated ? "the address was free again: the account had been removed"
                    : "the old password still guards the address: the account was kept");
            assertThat(recreated).as("a new password for the address after %s days without login", INACTIVE.toDays()).isTrue();
        }
    }

    /** Plants in a fresh account, then sweeps and surveys (local), or plants / harvests by phase (live). */
    private static Judged plantSweepSurvey(Target t, Evidence ev, String id, Planter planter) throws Exception {
        Optional<ExpiryControl> control = t.expiryControl();
        String phase = t.settings().get(Setting.PHASE).orElse("");
        Path receiptFile = ExpiryProbe.receiptFile(t, id);
        if (control.isEmpty() && phase.equals("harvest")) {
            Receipt r = ExpiryProbe.read(receiptFile).orElseThrow(() -> new NotObservableException(
                    "no receipt at " + receiptFile + ": run with -D" + PHASE + "=plant first"));
            Instant now = Instant.now();
            Instant plantedAt = Instant.ofEpochSecond(r.plantedAt());
            Duration interval = sweepInterval(t);
            if (Duration.between(plantedAt, now).compareTo(interval) < 0) {
                // no sweep need have run yet: what is still there says nothing about the relay
                throw new NotObservableException("harvest " + Duration.between(plantedAt, now).toMinutes() + " min after "
                        + "planting, before the relay's sweep (every " + interval + ", -D" + SWEEP_INTERVAL
                        + ") must have run: harvest after " + plantedAt.plus(interval));
            }
            ev.line("harvest of messages planted " + plantedAt + " on " + r.address() + "; a sweep ran by "
                    + now.minus(interval) + " at the latest (every " + interval + ")");
            try (ImapSession s = ImapSession.open(t.primary().imaps(), t.trust())) {
                assertThat(s.login(r.address(), r.password()).ok()).as("login to the planted account").isTrue();
                return new Judged(r.messages(), ExpiryProbe.survey(s), now, now.minus(interval), plantedAt);
            }
        }
        if (control.isEmpty() && !phase.equals("plant")) {
            throw new NotObservableException("a live relay's clock cannot be moved and its daily sweep not triggered: run with -D"
                    + PHASE + "=plant, then -D" + PHASE + "=harvest a day or more later");
        }
        Instant now = control.map(ExpiryControl::now).orElseGet(Instant::now);
        Credentials c = t.primary().account();
        List<Planted> planted;
        try (ImapSession s = ImapSession.open(t.primary().imaps(), t.trust())) {
            assertThat(s.login(c.address(), c.password()).ok()).as("login").isTrue();
            planted = planter.plant(s, c.address(), now);
            if (control.isEmpty()) {
                ExpiryProbe.write(receiptFile, new Receipt(id, c.address(), c.password(), now.getEpochSecond(), planted));
                throw new NotObservableException("planted " + planted.size() + " dated messages for " + c.address()
                        + "; receipt " + receiptFile + "; judge with -D" + PHASE + "=harvest after the relay's next daily sweep");
            }
            control.get().sweep();
            List<Found> found = ExpiryProbe.survey(s);
            ev.transcript("993", s.transcript());
            return new Judged(planted, found, control.get().now(), control.get().now(), now);
        }
    }

    private static double round(double days) {
        return Math.round(days * 10) / 10.0;
    }

    @FunctionalInterface
    private interface Planter {
        List<Planted> plant(ImapSession s, String address, Instant now) throws Exception;
    }

    /**
     * @param now       when the survey was taken
     * @param sweptBy   a sweep had certainly run at or after this instant (the survey's own sweep, or a live
     *                  relay's: one sweep interval before the harvest)
     * @param plantedAt when the messages were planted
     */
    private record Judged(List<Planted> planted, List<Found> found, Instant now, Instant sweptBy, Instant plantedAt) {
    }

    /** The relay's sweep interval ({@value #SWEEP_INTERVAL}, ISO-8601), by default a day and an hour. */
    static Duration sweepInterval(Target t) {
        return t.settings().value(Setting.SWEEP_INTERVAL);
    }
}
