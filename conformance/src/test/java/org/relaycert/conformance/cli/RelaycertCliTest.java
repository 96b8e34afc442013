package org.relaycert.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relaycert.conformance.catalogue.Catalogue;
import org.relaycert.conformance.settings.Settings;
import org.relaycert.reports.CheckResult;
import org.relaycert.reports.ComplianceReport;
import org.relaycert.reports.Requirement;
import org.relaycert.reports.Verdict;

/** The certifier's commands and exit codes, as a release gate sees them. */
class RelaycertCliTest {
    private static final Settings PLAIN = new Settings(Map.of());

    private static ComplianceReport report(Verdict mustVerdict, Verdict shouldVerdict) {
        List<Requirement> all = Catalogue.load().all();
        Requirement must = all.stream().filter(r -> r.level() == org.relaycert.reports.Level.MUST).findFirst().orElseThrow();
        Requirement should = all.stream().filter(r -> r.level() == org.relaycert.reports.Level.SHOULD).findFirst().orElseThrow();
        return new ComplianceReport("t", "dev", Instant.now(), Instant.now(), all, List.of(
                new CheckResult(must, "m", mustVerdict, "why", List.of(), Map.of(), Duration.ZERO),
                new CheckResult(should, "s", shouldVerdict, "why", List.of(), Map.of(), Duration.ZERO)), List.of());
    }

    @Test
    void exitCodes() {
        assertThat(ExitCode.of(report(Verdict.PASS, Verdict.PASS), PLAIN)).as("nothing failed").isEqualTo(0);
        assertThat(ExitCode.of(report(Verdict.FAIL, Verdict.PASS), PLAIN)).as("a MUST failed").isEqualTo(1);
        assertThat(ExitCode.of(report(Verdict.PASS, Verdict.FAIL), PLAIN)).as("a SHOULD warns").isEqualTo(0);
        assertThat(ExitCode.of(report(Verdict.PASS, Verdict.FAIL), PLAIN.with(Settings.STRICT, "true"))).isEqualTo(1);
        assertThat(ExitCode.of(report(Verdict.ERROR, Verdict.PASS), PLAIN)).as("the suite broke").isEqualTo(3);
        assertThat(ExitCode.of(report(Verdict.FAIL, Verdict.ERROR), PLAIN)).as("a broken rule says more").isEqualTo(1);
        assertThat(ExitCode.of(report(Verdict.PASS, Verdict.PASS), PLAIN.with(Settings.REQUIRE_ALL, "true")))
                .as("every other MUST was not run: partial").isEqualTo(2);
        assertThat(ExitCode.of(report(Verdict.PRECONDITION_FAILED, Verdict.PASS), PLAIN)).isEqualTo(0);
    }

    @Test
    void listPrintsEveryRequirement() {
        Result r = run("list");
        assertThat(r.code).isZero();
        List<String> lines = r.out.lines().toList();
        assertThat(lines).hasSize(Catalogue.load().all().size());
        Catalogue.load().all().forEach(req -> assertThat(r.out).contains(req.id() + "\t" + req.level() + "\t"));
    }

    @Test
    void badUsageIsASuiteErrorThatSaysWhy() {
        assertThat(run("check").code).as("no domain").isEqualTo(3);
        assertThat(run("frobnicate").code).isEqualTo(3);
        assertThat(run("--help").code).isZero();
    }

    @Test
    void flagsAreTheSettingsOfTheSameName() {
        CheckCommand c = new CheckCommand();
        new picocli.CommandLine(c).parseArgs("chat.example.org", "--target2", "other.example", "--only", "ENC,LAT-01",
                "--insecure", "--require-all", "-s", "bind=192.0.2.7", "-s", "chatmail.accounts=/tmp/a.txt");
        Settings s = c.settings();
        assertThat(s.get("chatmail.target")).contains("chat.example.org");
        assertThat(s.get("chatmail.target2")).contains("other.example");
        assertThat(s.only()).containsExactly("ENC", "LAT-01");
        assertThat(s.selects("ENC-03")).isTrue();
        assertThat(s.selects("LAT-02")).isFalse();
        assertThat(s.get("chatmail.insecure")).contains("true");
        assertThat(s.requireAll()).isTrue();
        assertThat(s.get("chatmail.bind")).contains("192.0.2.7");
        assertThat(s.get("chatmail.accounts")).contains("/tmp/a.txt");
    }

    @Test
    void anUnknownSettingIsRefusedWithTheClosestKnownOnes() {
        CheckCommand c = new CheckCommand();
        new picocli.CommandLine(c).parseArgs("chat.example.org", "-s", "tagret2=other.example");
        assertThatThrownBy(c::settings).isInstanceOf(picocli.CommandLine.ParameterException.class)
                .hasMessageContaining("unknown setting chatmail.tagret2; did you mean chatmail.target2")
                .hasMessageContaining("docs/settings.md");
        assertThat(run("check", "chat.example.org", "-s", "frobnicate=1").code).as("bad usage").isEqualTo(3);
    }

    @Test
    void aBadValueIsRefusedNamingItsKey() {
        CheckCommand c = new CheckCommand();
        new picocli.CommandLine(c).parseArgs("chat.example.org", "-s", "port.imaps=imaps");
        assertThatThrownBy(c::settings).hasMessage("chatmail.port.imaps=imaps: not a number (port)");
    }

    private record Result(int code, String out) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream before = System.out;
        PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        try {
            int code = RelaycertCli.run(capture, args);
            return new Result(code, buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(before);
        }
    }
}
