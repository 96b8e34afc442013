package org.relaycert.conformance.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.relaycert.conformance.catalogue.GeneratedDocs;

/**
 * {@code docs/settings.md}, made from the {@link Setting} declarations and never edited by hand: the user-facing
 * {@code chatmail.*} keys first, the suite's internal {@code relaycert.*} keys apart. {@code SettingsDocTest} fails
 * when the committed file differs.
 */
public final class SettingsDoc {
    /** The file, relative to the project root. */
    public static final String FILE = "docs/settings.md";

    private SettingsDoc() {
    }

    public static String render() {
        StringBuilder md = new StringBuilder();
        md.append("# Settings\n\n");
        md.append("<!-- Generated from ").append(Setting.class.getName()).append(" by ").append(SettingsDoc.class.getName())
                .append("; do not edit. Regenerate: ").append(GeneratedDocs.REGENERATE).append(" -->\n\n");
        md.append("Every key a run reads. Give one to the certifier as the flag of the same name where it has one (`--host`,"
                + " `--insecure`, ...) or as `-s KEY=VALUE` (`-s bind=192.0.2.7` means `chatmail.bind`); under Maven as"
                + " `-DKEY=VALUE` (`./mvnw verify -Dchatmail.target=chat.example.org`). An unknown key is refused with"
                + " the closest known ones; a bad value is refused naming the key. An empty value is the default.\n\n");
        md.append("## Run settings (`chatmail.*`)\n\n");
        table(md, Setting.Scope.USER);
        md.append("\n## The suite's own keys (`relaycert.*`)\n\n");
        md.append("Set by the suite's runs and its build (variant worlds of the sensitivity run, the run's record,"
                + " paths), not by operators.\n\n");
        table(md, Setting.Scope.INTERNAL);
        return md.toString();
    }

    private static void table(StringBuilder md, Setting.Scope scope) {
        md.append("| Key | Type | Default | What it does |\n|---|---|---|---|\n");
        for (Setting<?> s : Setting.all()) {
            if (s.scope() == scope) {
                md.append("| `").append(s.key()).append("` | ").append(cell(s.type())).append(" | ")
                        .append(cell(s.defaultText())).append(" | ").append(cell(s.description())).append(" |\n");
            }
        }
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /** Writes the document under the project root given as the first argument (default: the working directory). */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : ".").resolve(FILE);
        Files.writeString(file, render());
        System.out.println("wrote " + file);
    }
}
