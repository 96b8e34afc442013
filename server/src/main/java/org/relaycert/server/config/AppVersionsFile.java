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
        JsonNode tree;
        try {
            tree = JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        if (tree == null || !tree.path("clients").isArray()) {
            throw new IllegalArgumentException(file + ": not an appversions document (an object with a \"clients\" array)");
        }
        return tree.toString();
    }
}
