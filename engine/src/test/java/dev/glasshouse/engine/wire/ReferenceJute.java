package dev.glasshouse.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.jute.BinaryInputArchive;
import org.apache.jute.BinaryOutputArchive;
import org.apache.jute.Record;

/**
 * Test helpers that run ZooKeeper's own Jute archives next to ours, so a test can say "the
 * reference writes exactly these bytes, and reads ours back to the same record".
 */
final class ReferenceJute {
    private ReferenceJute() {
    }

    /** The bytes ZooKeeper's {@code BinaryOutputArchive} writes for the records, one after another. */
    static byte[] write(Record... records) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryOutputArchive archive = BinaryOutputArchive.getArchive(bytes);
        try {
            for (Record record : records) {
                record.serialize(archive, "record");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads {@code bytes} with ZooKeeper's reader into a fresh record and checks nothing is left over. */
    static <R extends Record> R read(Supplier<R> blank, byte[] bytes) {
        ByteArrayInputStream stream = new ByteArrayInputStream(bytes);
        R record = blank.get();
        try {
            record.deserialize(BinaryInputArchive.getArchive(stream), "record");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(stream.available()).as("bytes left after the reference read " + record.getClass().getSimpleName())
                .isZero();
        return record;
    }

    /** The bytes our {@link JuteOutput} holds after {@code writer} ran. */
    static byte[] ours(Consumer<JuteOutput> writer) {
        JuteOutput out = new JuteOutput();
        writer.accept(out);
        return out.toByteArray();
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }
}
