package org.relaycert.server.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Folder names: the API spelling ({@code /} separates levels, {@code INBOX} in any case means the inbox)
 * and the Maildir++ directory name ({@code .Parent.Child}). Within a level, {@code .}, {@code %} and
 * anything outside a small safe set are written as {@code %XX} (UTF-8 bytes) so that the mapping is
 * reversible and no level can escape the user directory.
 */
final class FolderName {
    static final String INBOX = "INBOX";
    static final char SEPARATOR = '/';
    private static final int MAX_DIRECTORY_NAME = 250;

    private FolderName() {
    }

    /** The canonical spelling of a valid name ({@code inbox} and {@code Inbox/x} start with {@code INBOX}). */
    static String canonical(String name) throws StoreException {
        if (name == null || name.isEmpty()) {
            throw invalid("empty folder name");
        }
        String[] parts = name.split("/", -1);
        for (String part : parts) {
            if (part.isEmpty()) {
                throw invalid("empty level in folder name");
            }
            if (part.equals(".") || part.equals("..")) {
                throw invalid("folder name level '" + part + "' is not allowed");
            }
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                if (c < 0x20 || c == 0x7f) {
                    throw invalid("control character in folder name");
                }
            }
        }
        if (parts[0].equalsIgnoreCase(INBOX)) {
            parts[0] = INBOX;
        }
        String result = String.join("/", parts);
        if (directoryName(result).length() > MAX_DIRECTORY_NAME) {
            throw invalid("folder name too long");
        }
        return result;
    }

    static boolean isInbox(String canonical) {
        return canonical.equals(INBOX);
    }

    /** Whether {@code name} lies strictly below {@code parent} in the hierarchy. */
    static boolean isBelow(String name, String parent) {
        return name.startsWith(parent + SEPARATOR);
    }

    /** The Maildir++ directory of a non-INBOX folder, e.g. {@code .DeltaChat} or {@code .a.b%2Ec}. */
    static String directoryName(String canonical) {
        StringBuilder sb = new StringBuilder();
        for (String part : canonical.split("/")) {
            sb.append('.');
            for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xff;
                if (isSafe(c)) {
                    sb.append((char) c);
                } else {
                    sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
                }
            }
        }
        return sb.toString();
    }

    /** The folder name a directory stands for, or empty if it is not one of ours. */
    static Optional<String> fromDirectoryName(String dir) {
        if (dir.length() < 2 || dir.charAt(0) != '.') {
            return Optional.empty();
        }
        String[] parts = dir.substring(1).split("\\.", -1);
        StringBuilder name = new StringBuilder();
        for (String part : parts) {
            Optional<String> decoded = unescape(part);
            if (decoded.isEmpty()) {
                return Optional.empty();
            }
            if (!name.isEmpty()) {
                name.append(SEPARATOR);
            }
            name.append(decoded.get());
        }
        try {
            String canonical = canonical(name.toString());
            return directoryName(canonical).equals(dir) ? Optional.of(canonical) : Optional.empty();
        } catch (StoreException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> unescape(String part) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '%') {
                if (i + 2 >= part.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(part.charAt(i + 1), 16);
                int lo = Character.digit(part.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else if (c < 0x80) {
                out.write(c);
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(out.toString(StandardCharsets.UTF_8));
    }

    private static boolean isSafe(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || " -_+,&'()!=@#$[]{}^~;".indexOf(c) >= 0;
    }

    private static StoreException invalid(String message) {
        return new StoreException(StoreException.Kind.INVALID_NAME, message);
    }
}
