package org.relaycert.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.relaycert.fixtures.mail.MessageFactory;
import org.relaycert.server.policy.MailFacts;
import org.relaycert.server.policy.PgpMimeStructure;

/**
 * The encryption check every message passes on its way in (filtermail's test): {@link MailFacts#parse} and
 * {@link PgpMimeStructure#isEncrypted} over a real PGP/MIME message (PKESK + SEIPD made by PGPainless).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OpenPgpCheckBenchmark {
    private final PgpMimeStructure test = PgpMimeStructure.reference();
    private byte[] raw;
    private MailFacts facts;

    @Setup
    public void setUp() throws MailFacts.UnparsableException {
        raw = MessageFactory.encrypted("abcdefghi@relay.example.org", List.of("jklmnopqr@relay.example.org"))
                .getBytes(StandardCharsets.US_ASCII);
        facts = MailFacts.parse(raw);
        if (!test.isEncrypted(facts)) {
            throw new IllegalStateException("the sample message does not pass the check; the benchmark would time a refusal");
        }
    }

    @Benchmark
    public boolean structureAndPackets() throws MailFacts.UnparsableException {
        return test.isEncrypted(facts);
    }

    @Benchmark
    public boolean parseAndCheck() throws MailFacts.UnparsableException {
        return test.isEncrypted(MailFacts.parse(raw));
    }
}
