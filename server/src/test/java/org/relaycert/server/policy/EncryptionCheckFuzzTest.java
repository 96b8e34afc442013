package org.relaycert.server.policy;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.relaycert.server.FuzzBudget;
import org.relaycert.server.FuzzExecutions;
import org.relaycert.server.delivery.Envelope;
import org.relaycert.server.delivery.Origin;
import org.relaycert.server.delivery.RejectedException;

/**
 * Coverage-guided fuzzing of the MIME/OpenPGP encryption check: whatever the bytes, the policy either passes
 * the message on unchanged or refuses it with a {@link RejectedException}; any other exception is a finding.
 * Regression mode (plain {@code mvn verify}) replays the seeds under
 * {@code src/test/resources/org/relaycert/server/policy/EncryptionCheckFuzzTestInputs/}; {@code JAZZER_FUZZ=1}
 * fuzzes (see README, "Fuzzing").
 */
@ExtendWith(FuzzExecutions.class)
class EncryptionCheckFuzzTest {
    private static final LongAdder ENCRYPTION_CHECK_RUNS =
            FuzzExecutions.counter(EncryptionCheckFuzzTest.class, "encryptionCheck");
    private static final LongAdder OPEN_PGP_PACKETS_RUNS =
            FuzzExecutions.counter(EncryptionCheckFuzzTest.class, "openPgpPackets");
    private static final EncryptionPolicy POLICY = new EncryptionPolicy(PgpMimeStructure.reference(),
            CleartextException.chatmail(), true, recipient -> true);
    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 4000);

    @FuzzTest(maxDuration = FuzzBudget.ON_DEMAND)
    void encryptionCheck(FuzzedDataProvider data) {
        ENCRYPTION_CHECK_RUNS.increment();
        boolean outgoing = data.consumeBoolean();
        byte[] message = data.consumeRemainingAsBytes();
        Envelope envelope = new Envelope(outgoing ? Origin.SUBMISSION : Origin.MX,
                outgoing ? Optional.of("alice@relay.test") : Optional.empty(), CLIENT, true, "client.test",
                "alice@relay.test", List.of("bob@relay.test"));
        try {
            byte[] passed = POLICY.message(envelope, message);
            if (passed != message) {
                throw new AssertionError("the encryption check must pass a message on unchanged");
            }
        } catch (RejectedException refused) {
            int code = refused.reply().code();
            if (code < 400 || code > 599) {
                throw new AssertionError("a refusal must be a 4xx/5xx reply, was " + refused.reply().line());
            }
        }
    }

    @FuzzTest(maxDuration = FuzzBudget.ON_DEMAND)
    void openPgpPackets(byte[] data) {
        OPEN_PGP_PACKETS_RUNS.increment();
        OpenPgpPackets.reference().isEncryptedMessage(data);
        ArmoredMessage.decode(new String(data, java.nio.charset.StandardCharsets.ISO_8859_1));
    }
}
