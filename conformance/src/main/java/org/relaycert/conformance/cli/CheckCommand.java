package org.relaycert.conformance.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.relaycert.conformance.run.Certification;
import org.relaycert.conformance.settings.Setting;
import org.relaycert.conformance.settings.Settings;
import org.relaycert.reports.ComplianceReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code relaycert check <domain>}: every check against one chatmail relay (and a second one for federation),
 * the report written, the exit code from its verdicts. Each flag is the {@code chatmail.*} setting of the same
 * name ({@code --target2} is {@code chatmail.target2}); {@code -s key=value} sets any other.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Judge a chatmail relay; writes compliance-report.{html,json,md}, a badge and Allure results.")
final class CheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandSpec spec;
    @Parameters(index = "0", paramLabel = "DOMAIN", description = "The relay's mail domain (chatmail.target).")
    String target;
    @Option(names = "--target2", description = "A second relay of another operator, for federation checks.")
    String target2;
    @Option(names = "--host", description = "Address or name to connect to instead of DOMAIN's own.")
    String host;
    @Option(names = "--host2", description = "Address or name to connect to for --target2.")
    String host2;
    @Option(names = "--only", split = ",", paramLabel = "ID|AREA", description = "Only these requirements or areas, e.g. ENC,LAT-01.")
    String[] only;
    @Option(names = "--insecure", description = "Accept any certificate (a test relay with a self-signed one).")
    boolean insecure;
    @Option(names = "--strict", description = "A SHOULD not met fails too (exit 1).")
    boolean strict;
    @Option(names = "--require-all", description = "A MUST not judged on this target fails (exit 2), for release gates.")
    boolean requireAll;
    @Option(names = "--out", paramLabel = "DIR", description = "Write the report under DIR/<domain> (default reports/out).")
    Path out;
    @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE", description = "Any other setting, e.g. -s chatmail.bind=192.0.2.7 (docs/settings.md).")
    Map<String, String> more = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        Settings settings = settings();
        PrintStream out = System.out;
        Certification.Outcome outcome = Certification.run(settings, Optional.empty(), out);
        ComplianceReport report = outcome.report();
        out.println();
        out.println(report.headline().text());
        for (org.relaycert.reports.Level level : org.relaycert.reports.Level.values()) {
            out.println("  " + report.headline().levelText(level));
        }
        out.println("report: " + outcome.directory().resolve("compliance-report.html"));
        outcome.files().stream().filter(f -> f.getParent().equals(outcome.directory())).forEach(f -> out.println("  " + f));
        outcome.expectedDiff().ifPresent(d -> out.println("expected verdicts: " + d.lines().findFirst().orElse("")));
        return ExitCode.of(report, settings);
    }

    /**
     * The flags and {@code -s} settings as one {@link Settings}; an unknown key or a bad value is refused as bad
     * usage, naming the key (and the known keys close to an unknown one).
     */
    Settings settings() {
        Map<String, String> m = new LinkedHashMap<>();
        more.forEach((k, v) -> m.put(k.startsWith("chatmail.") || k.startsWith("relaycert.") ? k : "chatmail." + k, v));
        m.put(Setting.TARGET.key(), target);
        put(m, Setting.TARGET2, target2);
        put(m, Setting.HOST, host);
        put(m, Setting.HOST2, host2);
        put(m, Setting.ONLY, only == null ? null : String.join(",", only));
        put(m, Setting.OUT, out == null ? null : out.toString());
        if (insecure) {
            m.put(Setting.INSECURE.key(), "true");
        }
        if (strict) {
            m.put(Setting.STRICT.key(), "true");
        }
        if (requireAll) {
            m.put(Setting.REQUIRE_ALL.key(), "true");
        }
        Settings settings;
        try {
            settings = new Settings(m);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (!settings.unknownKeys().isEmpty()) {
            throw new ParameterException(spec.commandLine(), unknown(settings.unknownKeys()));
        }
        return settings;
    }

    static String unknown(Map<String, java.util.List<String>> keys) {
        StringBuilder b = new StringBuilder();
        keys.forEach((key, close) -> b.append(b.isEmpty() ? "" : "\n").append("unknown setting ").append(key)
                .append(close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close) + "?"));
        return b.append(" (every setting: docs/settings.md)").toString();
    }

    private static void put(Map<String, String> m, Setting<?> key, String value) {
        if (value != null) {
            m.put(key.key(), value);
        }
    }

}
