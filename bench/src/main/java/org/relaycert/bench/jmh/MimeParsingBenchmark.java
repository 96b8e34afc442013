package org.relaycert.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.relaycert.server.mime.ParsedMessage;

/**
 * The MIME tree a FETCH needs: {@link ParsedMessage#parse} and BODYSTRUCTURE of a Delta Chat shaped
 * message (multipart/encrypted, RFC 3156, with an armored payload of about 8 KB).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MimeParsingBenchmark {
    private byte[] raw;
    private ParsedMessage parsed;

    @Setup
    public void setUp() {
        StringBuilder armored = new StringBuilder("-----BEGIN PGP MESSAGE-----\r\n\r\n");
        for (int i = 0; i < 120; i++) {
            armored.append("wV4DDkkZrCz7tlYSAQdAoP2xg5Zb1Cq4c8rjlT0oM3nE3tS8Bv+S2c7YwN0xGg0w1f9kYk3jZb7x0R4c\r\n");
        }
        armored.append("-----END PGP MESSAGE-----\r\n");
        String msg = "From: <abcdefghi@relay.example.org>\r\n"
                + "To: <jklmnopqr@relay.example.org>\r\n"
                + "Subject: [...]\r\n"
                + "Date: Wed, 25 Nov 2026 17:00:00 +0000\r\n"
                + "Message-ID: <Mr.abc.def@relay.example.org>\r\n"
                + "Chat-Version: 1.0\r\n"
                + "Autocrypt: addr=abcdefghi@relay.example.org; prefer-encrypt=mutual; keydata=xjMEZ0\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\";\r\n"
                + " boundary=\"b1\"\r\n"
                + "\r\n"
                + "--b1\r\n"
                + "Content-Type: application/pgp-encrypted\r\n"
                + "Content-Description: PGP/MIME version identification\r\n"
                + "\r\n"
                + "Version: 1\r\n"
                + "\r\n"
                + "--b1\r\n"
                + "Content-Type: application/octet-stream; name=\"encrypted.asc\"\r\n"
                + "Content-Description: OpenPGP encrypted message\r\n"
                + "Content-Disposition: inline; filename=\"encrypted.asc\"\r\n"
                + "\r\n"
                + armored
                + "\r\n--b1--\r\n";
        raw = msg.getBytes(StandardCharsets.US_ASCII);
        parsed = ParsedMessage.parse(raw);
    }

    @Benchmark
    public Object parse() {
        return ParsedMessage.parse(raw);
    }

    @Benchmark
    public String bodyStructure() {
        return parsed.bodyStructure(true);
    }

    @Benchmark
    public String parseAndBodyStructure() {
        return ParsedMessage.parse(raw).bodyStructure(true);
    }
}
