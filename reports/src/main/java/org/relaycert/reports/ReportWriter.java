package org.relaycert.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** Writes every artefact of a report into one directory. */
public final class ReportWriter {

    private ReportWriter() {
    }

    /**
     * Writes compliance-report.json, .html, .md, badge.svg and allure-results/ into {@code dir} (created if
     * missing) and returns every file written. Each top-level file is written to a temporary name and moved
     * into place, so a reader never sees half a report.
     */
    public static List<Path> writeAll(ComplianceReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        written.add(write(dir.resolve(JsonReportRenderer.FILE_NAME), new JsonReportRenderer().render(report)));
        written.add(write(dir.resolve(HtmlReportRenderer.FILE_NAME), new HtmlReportRenderer().render(report)));
        written.add(write(dir.resolve(MarkdownReportRenderer.FILE_NAME), new MarkdownReportRenderer().render(report)));
        written.add(write(dir.resolve(BadgeRenderer.FILE_NAME), new BadgeRenderer().render(report)));
        written.addAll(new AllureResultsWriter().write(report, dir.resolve(AllureResultsWriter.DIRECTORY)));
        return List.copyOf(written);
    }

    private static Path write(Path file, String content) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        return Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
