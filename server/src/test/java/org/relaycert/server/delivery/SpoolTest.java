package org.relaycert.server.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {
    @TempDir
    Path dir;

    private static final byte[] MESSAGE = "Subject: x\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aMessageThatFitsTheBufferMakesNoFile() throws Exception {
        Spool spool = Spool.in(dir);
        Spool.Writer w = spool.create();
        w.write(MESSAGE, 0, 5);
        w.write(ByteBuffer.wrap(MESSAGE, 5, MESSAGE.length - 5));
        SpooledMessage m = w.finish();
        assertThat(m.bytes()).isEqualTo(MESSAGE);
        assertThat(w.file()).isNull();
        assertThat(files()).isEmpty();
        m.discard();
    }

    @Test
    void aLargerMessageGoesToOneFileAndItsMessageRemovesIt() throws Exception {
        Spool spool = Spool.in(dir);
        Spool.Writer w = spool.create();
        byte[] big = new byte[3 * Spool.BUFFER + 17];
        java.util.Arrays.fill(big, (byte) 'b');
        w.write(MESSAGE, 0, MESSAGE.length);
        w.write(ByteBuffer.wrap(big));
        SpooledMessage m = w.finish();
        assertThat(files()).hasSize(1);
        byte[] all = m.bytes();
        assertThat(all).hasSize(MESSAGE.length + big.length);
        assertThat(java.util.Arrays.copyOf(all, MESSAGE.length)).isEqualTo(MESSAGE);
        m.discard();
        assertThat(files()).isEmpty();
    }

    @Test
    void aDroppedMessageLeavesNoFile() throws Exception {
        Spool spool = Spool.in(dir);
        Spool.Writer small = spool.create();
        small.write(MESSAGE, 0, MESSAGE.length);
        small.close();
        Spool.Writer large = spool.create();
        large.write(ByteBuffer.wrap(new byte[2 * Spool.BUFFER]));
        large.close();
        assertThat(files()).isEmpty();
    }

    @Test
    void anInMemorySpoolKeepsTheOctetsAndWritesNoFile() throws Exception {
        Spool.Writer w = Spool.inMemory().create();
        assertThat(w.file()).isNull();
        byte[] big = new byte[200_000]; // more than the writer's buffer
        java.util.Arrays.fill(big, (byte) 'a');
        w.write(MESSAGE, 0, MESSAGE.length);
        w.write(ByteBuffer.wrap(big));
        assertThat(w.size()).isEqualTo(MESSAGE.length + big.length);
        SpooledMessage m = w.finish();
        byte[] all = m.bytes();
        assertThat(all).hasSize(MESSAGE.length + big.length);
        assertThat(java.util.Arrays.copyOf(all, MESSAGE.length)).isEqualTo(MESSAGE);
        m.discard();
        Spool.inMemory().create().close(); // dropping one is a no-op
    }

    private java.util.List<Path> files() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
