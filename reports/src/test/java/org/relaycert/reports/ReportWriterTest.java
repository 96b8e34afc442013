package org.relaycert.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesEveryArtefactIntoOneDirectory() throws Exception {
        Path out = dir.resolve("nested/report");

        List<Path> written = ReportWriter.writeAll(SampleReports.full(), out);

        assertThat(written).contains(out.resolve("compliance-report.json"), out.resolve("compliance-report.html"),
                out.resolve("compliance-report.md"), out.resolve("badge.svg"),
                out.resolve("allure-results/environment.properties"));
        assertThat(written).allMatch(Files::isRegularFile);
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
        assertThat(new JsonReportReader().read(out.resolve("compliance-report.json"))).isEqualTo(SampleReports.full());
    }

    @Test
    void rewritingReplacesThePreviousReport() throws Exception {
        ReportWriter.writeAll(SampleReports.full(), dir);
        ComplianceReport clean = SampleReports.with(List.of(SampleReports.result(SampleReports.ACC_01, Verdict.PASS)),
                List.of());

        ReportWriter.writeAll(clean, dir);

        assertThat(Files.readString(dir.resolve("badge.svg"))).contains("partial 1/5 MUST");
    }
}
