package org.relaycert.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * chatmail's {@code appversions.json} ({@code {"clients":[{"clientId", "sources":[...]}]}}), read once and
 * written back on one line: a METADATA value Delta Chat parses as JSON, where line breaks carry nothing.
 */
final class AppVersionsFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AppVersionsFile() {
    }

    static String singleLine(Path file) {
        try {
            return singleLine(file.toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The {@code appversions.json} chatmail ships (chatmaild {@code defaults/appversions.json}), which a
     * chatmail relay serves when the operator has not replaced it.
     */
    static String shipped() {
        try (var in = AppVersionsFile.class.getResourceAsStream("appversions.json")) {
            if (in == null) {
                throw new IllegalStateException("appversions.json missing from the relay's jar");
            }
            return singleLine("shipped appversions.json", new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String singleLine(String source, String json) throws IOException {
        JsonNode tree = JSON.readTree(json);
        if (tree == null || !tree.path("clients").isArray()) {
            throw new IllegalArgumentException(source + ": not an appversions document (an object with a \"clients\" array)");
        }
        return tree.toString();
    }
}
