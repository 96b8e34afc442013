package org.relaycert.conformance.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.relaycert.conformance.catalogue.GeneratedDocs;

/**
 * A generated document compared with the committed one; with {@code -Drelaycert.regenerate-docs=true} the
 * generated text is written instead.
 */
public final class DocDrift {
    private DocDrift() {
    }

    /** The project root: the parent of the conformance module, where Maven runs the module's tests. */
    public static Path projectRoot() {
        Path cwd = Path.of("").toAbsolutePath();
        return Files.isDirectory(cwd.resolve("conformance")) ? cwd : cwd.getParent();
    }

    public static void check(String relativeFile, String generated) throws IOException {
        Path file = projectRoot().resolve(relativeFile);
        if (Boolean.getBoolean(GeneratedDocs.REGENERATE_PROPERTY)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, generated);
            return;
        }
        String committed = Files.exists(file) ? Files.readString(file) : "";
        assertThat(committed).as("%s is generated and differs from what its generator makes now; regenerate it with:%n  %s%n"
                + "and commit it", relativeFile, GeneratedDocs.REGENERATE).isEqualTo(generated);
    }
}
