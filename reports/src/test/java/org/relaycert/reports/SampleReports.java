package org.relaycert.reports;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A report with every verdict at both levels, figures, an unrun requirement and sensitivity rows. */
final class SampleReports {

    static final Instant STARTED = Instant.parse("2026-11-25T17:00:00Z");
    static final Instant FINISHED = Instant.parse("2026-11-25T17:04:30Z");

    static final Requirement ACC_01 = Requirement.of("ACC-01", Level.MUST, "Accounts are created on first login.", "chatmail doveauth");
    static final Requirement ACC_02 = Requirement.of("ACC-02", Level.SHOULD, "Passwords shorter than 9 characters are refused.", "chatmail.ini password_min_length");
    static final Requirement ENC_01 = Requirement.of("ENC-01", Level.MUST, "Unencrypted mail is refused.", "chatmail filtermail");
    static final Requirement ENC_02 = Requirement.of("ENC-02", Level.MUST, "Outgoing mail to other relays is encrypted in transit.", "RFC 3207");
    static final Requirement ENC_03 = Requirement.of("ENC-03", Level.MUST, "Securejoin handshake messages pass unencrypted.", "chatmail filtermail");
    static final Requirement LAT_01 = Requirement.of("LAT-01", Level.SHOULD, "Delivery between two accounts takes under 1 s.", "seed promise");
    static final Requirement LAT_02 = Requirement.of("LAT-02", Level.MUST, "IDLE wakes within 1 s of delivery.", "RFC 2177");
    static final Requirement PRIV_01 = Requirement.of("PRIV-01", Level.SHOULD, "Received headers are stripped.", "chatmail postfix");

    static final List<Double> LATENCIES = latencies();

    private SampleReports() {
    }

    static List<Requirement> catalogue() {
        return List.of(ACC_01, ACC_02, ENC_01, ENC_02, ENC_03, LAT_01, LAT_02, PRIV_01);
    }

    /**
     * Per requirement: ACC-01 pass, ACC-02 fail, ENC-01 fail (evidence with a script tag), ENC-02 not observable,
     * ENC-03 fail (one pass and one fail check), LAT-01 pass with latency figures, LAT-02 error, PRIV-01 not run.
     */
    static List<CheckResult> results() {
        Map<String, List<Double>> figures = new LinkedHashMap<>();
        figures.put("latencyMs", LATENCIES);
        return List.of(
                new CheckResult(ACC_01, "first login creates the account", Verdict.PASS, null,
                        List.of("C: a1 LOGIN user pass", "S: a1 OK"), Map.of(), Duration.ofMillis(120)),
                new CheckResult(ACC_02, "short password refused", Verdict.FAIL,
                        "expected NO for an 8-character password | got OK", List.of("S: a1 OK"), Map.of(),
                        Duration.ofMillis(80)),
                new CheckResult(ENC_01, "cleartext mail refused", Verdict.FAIL, "relay accepted cleartext: 250 <ok>",
                        List.of("S: 250 <script>alert('x')</script>", "S: 250 2.0.0 Ok: queued"), Map.of(),
                        Duration.ofMillis(300)),
                new CheckResult(ENC_02, "outbound STARTTLS", Verdict.NOT_OBSERVABLE,
                        "needs a second relay (target2)", List.of(), Map.of(), Duration.ofMillis(1)),
                CheckResult.pass(ENC_03, "securejoin vc-request passes", Duration.ofMillis(200)),
                new CheckResult(ENC_03, "securejoin vg-request passes", Verdict.FAIL, "554 refused",
                        List.of("S: 554 5.7.1 Encryption Needed"), Map.of(), Duration.ofMillis(210)),
                new CheckResult(LAT_01, "delivery latency", Verdict.PASS, null, List.of(), figures,
                        Duration.ofMillis(5000)),
                new CheckResult(LAT_02, "idle wakes", Verdict.ERROR, "java.net.SocketException: Connection reset",
                        List.of(), Map.of(), Duration.ofMillis(1500)));
    }

    static List<SensitivityResult> sensitivity(boolean allCaught) {
        List<SensitivityResult> rows = new ArrayList<>();
        rows.add(SensitivityResult.of("accepts-cleartext", "filtermail disabled", "ENC-01", Verdict.FAIL, Verdict.PASS));
        rows.add(SensitivityResult.of("no-account-creation", "first login refused", "ACC-01", Verdict.FAIL, Verdict.PASS));
        if (!allCaught) {
            rows.add(SensitivityResult.of("slow-idle", "IDLE polls every 30 s", "LAT-02", Verdict.PASS, Verdict.PASS));
        }
        return rows;
    }

    static ComplianceReport full() {
        return new ComplianceReport("relay-a.test", "0.1.0-SNAPSHOT", STARTED, FINISHED, catalogue(), results(),
                sensitivity(false));
    }

    /** A report with the given results over the full catalogue and fully caught sensitivity rows. */
    static ComplianceReport with(List<CheckResult> results, List<SensitivityResult> sensitivity) {
        return new ComplianceReport("relay-a.test", "0.1.0-SNAPSHOT", STARTED, FINISHED, catalogue(), results,
                sensitivity);
    }

    /** A PASS for every MUST of the catalogue, except those the extra results name; then the extra results. */
    static List<CheckResult> allMustsPassBut(CheckResult... extra) {
        List<CheckResult> results = new ArrayList<>();
        java.util.Set<String> named = new java.util.HashSet<>();
        for (CheckResult r : extra) {
            named.add(r.requirement().id());
        }
        for (Requirement req : catalogue()) {
            if (req.level() == Level.MUST && !named.contains(req.id())) {
                results.add(result(req, Verdict.PASS));
            }
        }
        results.addAll(List.of(extra));
        return results;
    }

    static CheckResult result(Requirement requirement, Verdict verdict) {
        return new CheckResult(requirement, requirement.id() + " check", verdict,
                verdict == Verdict.PASS ? null : "because", List.of(), Map.of(), Duration.ofMillis(10));
    }

    /** 1.0 .. 100.0 in a shuffled order, so renderers must sort. */
    private static List<Double> latencies() {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            values.add((double) ((i * 37) % 100 + 1));
        }
        return List.copyOf(values);
    }
}
