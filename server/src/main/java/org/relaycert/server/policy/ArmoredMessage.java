package org.relaycert.server.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Decodes an ASCII-armored OpenPGP message (RFC 9580 section 6.2):
 *
 * <pre>
 * armor   = *blank-line "-----BEGIN PGP MESSAGE-----" CRLF *(armor-header CRLF) CRLF
 *           *(base64-line CRLF) [ "=" crc24 CRLF ] "-----END PGP MESSAGE-----" *CRLF
 * </pre>
 *
 * Armor headers ({@code Version:}, {@code Comment:}, ...) are skipped: PGPainless and GnuPG write them, and
 * the data do not depend on them. The checksum line, optional since RFC 9580, is ignored.
 */
public final class ArmoredMessage {
    static final String BEGIN = "-----BEGIN PGP MESSAGE-----";
    static final String END = "-----END PGP MESSAGE-----";

    private ArmoredMessage() {
    }

    /** The binary packets, or empty when {@code text} is not exactly one armored message. */
    public static Optional<byte[]> decode(String text) {
        List<String> lines = text.lines().map(String::stripTrailing).toList();
        int i = 0;
        while (i < lines.size() && lines.get(i).isEmpty()) {
            i++;
        }
        if (i >= lines.size() || !lines.get(i).equals(BEGIN)) {
            return Optional.empty();
        }
        i++;
        while (i < lines.size() && !lines.get(i).isEmpty()) {
            if (!isArmorHeader(lines.get(i))) {
                return Optional.empty();
            }
            i++;
        }
        i++;
        StringBuilder base64 = new StringBuilder();
        for (; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.equals(END)) {
                return rest(lines, i + 1) ? decodeBase64(base64) : Optional.empty();
            }
            if (line.startsWith("=")) {
                if (i + 1 < lines.size() && lines.get(i + 1).equals(END) && rest(lines, i + 2)) {
                    return decodeBase64(base64);
                }
                return Optional.empty();
            }
            base64.append(line);
        }
        return Optional.empty();
    }

    /**
     * Whether {@code text} (a part's decoded body) is one armored message whose packets pass {@code packets}:
     * {@code decode(text).map(packets::isEncryptedMessage)}, streamed, so a large message needs no memory.
     */
    public static boolean isEncrypted(InputStream text, OpenPgpPackets packets) throws IOException {
        return isEncrypted(text, packets, true);
    }

    /**
     * As {@link #isEncrypted(InputStream, OpenPgpPackets)}; without {@code headersAllowed} an armor header line
     * breaks the armor, as chatmail's filter refuses a {@code Version:} header in outgoing mail (relay-spec 4.2).
     */
    public static boolean isEncrypted(InputStream text, OpenPgpPackets packets, boolean headersAllowed) throws IOException {
        ArmoredStream data = new ArmoredStream(text, headersAllowed);
        if (!packets.isEncryptedMessage(data)) {
            return false;
        }
        data.transferTo(OutputStream.nullOutputStream()); // the armor is judged to its end
        return data.valid();
    }

    static boolean isArmorHeader(String line) {
        int colon = line.indexOf(": ");
        return colon > 0 && line.substring(0, colon).chars().allMatch(c -> c > ' ' && c < 127);
    }

    /** Only blank lines may follow the end line. */
    private static boolean rest(List<String> lines, int from) {
        return lines.subList(Math.min(from, lines.size()), lines.size()).stream().allMatch(String::isBlank);
    }

    private static Optional<byte[]> decodeBase64(CharSequence b64) {
        try {
            byte[] data = Base64.getDecoder().decode(b64.toString());
            return data.length == 0 ? Optional.empty() : Optional.of(data);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
