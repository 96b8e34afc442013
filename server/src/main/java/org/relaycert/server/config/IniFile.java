package org.relaycert.server.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ini dialect of chatmail.ini: {@code [section]} headers, {@code key = value} lines,
 * {@code #} and {@code ;} comments, blank lines ignored. Keys are case-sensitive, as in chatmaild.
 */
public final class IniFile {
    private final Map<String, Map<String, String>> sections;

    private IniFile(Map<String, Map<String, String>> sections) {
        this.sections = sections;
    }

    public static IniFile read(Path file) throws ConfigException {
        try {
            return parse(Files.readAllLines(file), file.toString());
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read config file: " + e.getMessage());
        }
    }

    public static IniFile parse(List<String> lines, String origin) throws ConfigException {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> current = null;
        String section = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            String where = origin + ":" + (i + 1);
            if (line.startsWith("[")) {
                if (!line.endsWith("]") || line.length() < 3) {
                    throw new ConfigException(where + ": malformed section header '" + line + "'");
                }
                section = line.substring(1, line.length() - 1).strip();
                current = sections.computeIfAbsent(section, s -> new LinkedHashMap<>());
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException(where + ": expected 'key = value', got '" + line + "'");
            }
            if (current == null) {
                throw new ConfigException(where + ": key outside of any [section]");
            }
            String key = line.substring(0, eq).strip();
            if (current.put(key, line.substring(eq + 1).strip()) != null) {
                throw new ConfigException(where + ": key '" + key + "' given twice in [" + section + "]");
            }
        }
        return new IniFile(sections);
    }

    public Map<String, String> section(String name) {
        return sections.getOrDefault(name, Map.of());
    }

    public Iterable<String> sectionNames() {
        return sections.keySet();
    }
}
