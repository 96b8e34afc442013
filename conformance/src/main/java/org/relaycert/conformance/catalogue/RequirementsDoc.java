package org.relaycert.conformance.catalogue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.relaycert.reports.Requirement;

/**
 * {@code docs/requirements.md}, made from the catalogue and never edited by hand: every requirement with its ID,
 * level, statement and source, grouped by area. {@code RequirementsDocTest} fails when the committed file differs.
 */
public final class RequirementsDoc {
    /** The file, relative to the project root. */
    public static final String FILE = "docs/requirements.md";
    /** The areas' names, in the order the document lists them. */
    private static final Map<String, String> AREAS = areas("ACC", "Accounts", "SMTP", "SMTP", "IMAP", "IMAP",
            "TLS", "TLS", "ENC", "Encryption", "RATE", "Sending rate", "PRIV", "Privacy", "FED", "Federation",
            "DKIM", "DKIM", "PUSH", "Push notifications", "EXP", "Expiry", "LAT", "Latency", "IOP", "Interoperability",
            "WEB", "Web", "REL", "Reliability", "SEC", "Security");

    private RequirementsDoc() {
    }

    public static String render(Catalogue catalogue) {
        Map<String, List<Requirement>> byArea = new LinkedHashMap<>();
        AREAS.keySet().forEach(a -> byArea.put(a, new java.util.ArrayList<>()));
        for (Requirement r : catalogue.all()) {
            byArea.computeIfAbsent(r.area(), a -> new java.util.ArrayList<>()).add(r);
        }
        StringBuilder md = new StringBuilder();
        md.append("# Requirements\n\n");
        md.append("<!-- Generated from conformance/src/main/resources/catalogue/requirements.tsv by ")
                .append(RequirementsDoc.class.getName()).append("; do not edit. Regenerate: ")
                .append(GeneratedDocs.REGENERATE).append(" -->\n\n");
        long must = catalogue.all().stream().filter(r -> r.level().name().equals("MUST")).count();
        md.append(catalogue.all().size()).append(" requirements (").append(must).append(" MUST, ")
                .append(catalogue.all().size() - must).append(" SHOULD) in ").append(byArea.values().stream()
                        .filter(l -> !l.isEmpty()).count()).append(" areas. A check's name in a report is its ID and")
                .append(" statement; `relaycert.jar list` prints the same catalogue.\n\n");
        byArea.forEach((area, reqs) -> {
            if (reqs.isEmpty()) {
                return;
            }
            md.append("## ").append(area).append(": ").append(AREAS.getOrDefault(area, area)).append("\n\n");
            md.append("| ID | Level | Statement | Source |\n|---|---|---|---|\n");
            reqs.stream().sorted(Comparator.comparing(Requirement::id)).forEach(r -> md.append("| ").append(r.id())
                    .append(" | ").append(r.level()).append(" | ").append(cell(r.statement())).append(" | ")
                    .append(cell(r.source())).append(" |\n"));
            md.append('\n');
        });
        return md.toString().stripTrailing() + "\n";
    }

    private static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
    }

    private static Map<String, String> areas(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** Writes the document under the project root given as the first argument (default: the working directory). */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : ".").resolve(FILE);
        Files.writeString(file, render(Catalogue.load()));
        System.out.println("wrote " + file);
    }
}
