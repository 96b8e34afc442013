package org.relaycert.server.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Checks that binary OpenPGP data is an encrypted message as RFC 9580 section 10.3 builds one: any number
 * of key packets (PKESK, tag 1; SKESK, tag 3) followed by exactly one SEIPD packet (tag 18), the packet
 * lengths consuming the data exactly. Nothing is decrypted; this is chatmail filtermail's structural test.
 *
 * <pre>
 * new format:  0b11tttttt  length = 1 octet (&lt;192) | 2 octets (192..223) | 0xFF + 4 octets
 *                          | partial (224..254: 2^(n &amp; 0x1F) octets, then another length)
 * old format:  0b10ttttll  ll = 0: 1 octet, 1: 2 octets, 2: 4 octets, 3: to the end of the data
 * </pre>
 *
 * @param oldFormatHeaders  accept old-format (legacy) packet headers, as GnuPG 2.2 writes them; filtermail
 *                          accepts them since 0.3.0
 * @param partialLengths    accept partial body lengths, as streaming encoders (BouncyCastle) write the SEIPD
 */
public record OpenPgpPackets(boolean oldFormatHeaders, boolean partialLengths) {
    static final int PKESK = 1;
    static final int SKESK = 3;
    static final int SEIPD = 18;

    /** What current chatmail accepts: both header formats, partial lengths. */
    public static OpenPgpPackets reference() {
        return new OpenPgpPackets(true, true);
    }

    /**
     * As {@link #isEncryptedMessage(byte[])}, reading {@code data} to its end or to the first violation: only
     * packet headers are looked at, bodies are skipped, so the message needs no memory.
     */
    public boolean isEncryptedMessage(InputStream data) throws IOException {
        int header = data.read();
        while (header >= 0) {
            if ((header & 0x80) == 0) {
                return false;
            }
            boolean newFormat = (header & 0x40) != 0;
            if (!newFormat && !oldFormatHeaders) {
                return false;
            }
            int tag = newFormat ? header & 0x3F : (header >> 2) & 0x0F;
            boolean whole = newFormat ? skipNewFormatBody(data) : skipOldFormatBody(data, header & 3);
            if (!whole) {
                return false;
            }
            header = data.read();
            if (header < 0) {
                return tag == SEIPD;
            }
            if (tag != PKESK && tag != SKESK) {
                return false;
            }
        }
        return false;
    }

    /** Skips one new-format body (all its partial chunks); false when the data end inside it. */
    private boolean skipNewFormatBody(InputStream in) throws IOException {
        while (true) {
            int first = in.read();
            if (first < 0) {
                return false;
            }
            if (first < 192) {
                return skip(in, first);
            }
            if (first < 224) {
                int second = in.read();
                return second >= 0 && skip(in, ((first - 192) << 8) + second + 192);
            }
            if (first == 255) {
                long length = readUint32(in);
                return length >= 0 && skip(in, length);
            }
            if (!partialLengths || !skip(in, 1L << (first & 0x1F))) {
                return false;
            }
        }
    }

    private static boolean skipOldFormatBody(InputStream in, int lengthType) throws IOException {
        return switch (lengthType) {
            case 0 -> {
                int n = in.read();
                yield n >= 0 && skip(in, n);
            }
            case 1 -> {
                int hi = in.read();
                int lo = in.read();
                yield hi >= 0 && lo >= 0 && skip(in, (hi << 8) | lo);
            }
            case 2 -> {
                long n = readUint32(in);
                yield n >= 0 && skip(in, n);
            }
            default -> {
                in.transferTo(OutputStream.nullOutputStream()); // indeterminate: to the end of the data
                yield true;
            }
        };
    }

    /** Four octets big-endian, or -1 when the data end first. */
    private static long readUint32(InputStream in) throws IOException {
        long value = 0;
        for (int i = 0; i < 4; i++) {
            int b = in.read();
            if (b < 0) {
                return -1;
            }
            value = (value << 8) | b;
        }
        return value;
    }

    /** Skips exactly {@code n} octets; false when the data end first. */
    private static boolean skip(InputStream in, long n) throws IOException {
        long left = n;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    return false;
                }
                skipped = 1;
            }
            left -= skipped;
        }
        return true;
    }

    /** True when {@code data} is key packets followed by one SEIPD packet, nothing more, nothing less. */
    public boolean isEncryptedMessage(byte[] data) {
        int pos = 0;
        while (pos < data.length) {
            int header = data[pos] & 0xFF;
            if ((header & 0x80) == 0) {
                return false;
            }
            boolean newFormat = (header & 0x40) != 0;
            if (!newFormat && !oldFormatHeaders) {
                return false;
            }
            int tag = newFormat ? header & 0x3F : (header >> 2) & 0x0F;
            long end = newFormat ? newFormatEnd(data, pos + 1) : oldFormatEnd(data, pos + 1, header & 3);
            if (end < 0 || end > data.length) {
                return false;
            }
            boolean last = end == data.length;
            if (last) {
                return tag == SEIPD;
            }
            if (tag != PKESK && tag != SKESK) {
                return false;
            }
            pos = (int) end;
        }
        return false;
    }

    /** The offset after the packet whose length starts at {@code pos}; -1 when malformed. */
    private long newFormatEnd(byte[] data, int pos) {
        long at = pos;
        while (true) {
            if (at >= data.length) {
                return -1;
            }
            int first = data[(int) at] & 0xFF;
            if (first < 192) {
                return at + 1 + first;
            }
            if (first < 224) {
                if (at + 1 >= data.length) {
                    return -1;
                }
                return at + 2 + ((first - 192) << 8) + (data[(int) at + 1] & 0xFF) + 192;
            }
            if (first == 255) {
                if (at + 4 >= data.length) {
                    return -1;
                }
                return at + 5 + readUint32(data, (int) at + 1);
            }
            if (!partialLengths) {
                return -1;
            }
            at = at + 1 + (1L << (first & 0x1F));
        }
    }

    private static long oldFormatEnd(byte[] data, int pos, int lengthType) {
        return switch (lengthType) {
            case 0 -> pos < data.length ? pos + 1L + (data[pos] & 0xFF) : -1;
            case 1 -> pos + 1 < data.length ? pos + 2L + (((data[pos] & 0xFF) << 8) | (data[pos + 1] & 0xFF)) : -1;
            case 2 -> pos + 3 < data.length ? pos + 4L + readUint32(data, pos) : -1;
            default -> data.length; // indeterminate: the packet runs to the end of the data
        };
    }

    private static long readUint32(byte[] data, int pos) {
        return ((long) (data[pos] & 0xFF) << 24) | ((data[pos + 1] & 0xFF) << 16)
                | ((data[pos + 2] & 0xFF) << 8) | (data[pos + 3] & 0xFF);
    }
}
