package vn.memberstat.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.memberstat.publish.BlockMirror.Manifest;

/** A mirrored file holds exactly the source's bytes, and only the units that changed are written. */
final class BlockMirrorTest {
    private static final int UNIT = BlockMirror.UNIT;

    @TempDir
    Path temp;

    /** Every way of reading the source gives the same bytes and sums; direct reads also of a last unit not a multiple of 4 KB. */
    @ParameterizedTest
    @EnumSource(BlockMirror.Reads.class)
    void aFirstMirrorWritesEveryUnitAndAnUpdateOnlyTheChangedOnes(BlockMirror.Reads reads) throws IOException {
        Path source = temp.resolve("source");
        Path target = temp.resolve("target");
        byte[] bytes = random(200 * UNIT + 123, 1);
        BlockMirror.Result first = mirrorChecked(reads, source, target, bytes, null, 201, "every unit");

        // three units change (one of them only in its last byte) and the file grows by two units and a bit
        bytes[5 * UNIT] ^= 1;
        bytes[99 * UNIT + 7] ^= (byte) 0x80;
        bytes[150 * UNIT + UNIT - 1] ^= 0x10;
        byte[] grown = java.util.Arrays.copyOf(bytes, 202 * UNIT + 5);
        System.arraycopy(random(grown.length - bytes.length, 2), 0, grown, bytes.length, grown.length - bytes.length);
        BlockMirror.Result second = mirrorChecked(reads, source, target, grown, first.manifest(), 6,
                "units 5, 99, 150, and 200..202 (the old short last unit and two new ones)");

        byte[] shrunk = java.util.Arrays.copyOf(grown, 10 * UNIT + 1);
        mirrorChecked(reads, source, target, shrunk, second.manifest(), 1, "only the new short last unit");
    }

    /** More than two 64 MB stretches, so several readers each take some, and every one of them is checked. */
    @ParameterizedTest
    @EnumSource(BlockMirror.Reads.class)
    void aFileOfSeveralStretchesIsMirroredWhicheverReaderTakesEach(BlockMirror.Reads reads) throws IOException {
        Path source = temp.resolve("source");
        Path target = temp.resolve("target");
        int stretch = 1024;
        byte[] bytes = random(2 * stretch * UNIT + 3 * UNIT + 17, 5);
        BlockMirror.Result first = mirrorChecked(reads, source, target, bytes, null, 2 * stretch + 4, "every unit");

        for (int unit : new int[] {0, stretch - 1, stretch + 500, 2 * stretch + 3}) {
            bytes[unit * UNIT + 3] ^= 1;
        }
        mirrorChecked(reads, source, target, bytes, first.manifest(), 4,
                "the first and last unit of the first stretch, one in the second, the short last");
    }

    @Test
    void aManifestDescribesOnlyTheFileItWasWrittenFor() throws IOException {
        Path source = temp.resolve("source");
        Path target = temp.resolve("target");
        Path sums = temp.resolve("target.blocks");
        Files.write(source, random(3 * UNIT + 10, 3));
        Manifest manifest = mirror(source, target, null).manifest();
        manifest.write(sums);

        assertThat(Manifest.readFor(sums, target)).hasValueSatisfying(m -> assertThat(m.sums()).isEqualTo(manifest.sums()));
        // The source has the target's bytes; written within one clock tick, it may share its time too.
        Files.setLastModifiedTime(source, FileTime.from(Files.getLastModifiedTime(target).toInstant().minusSeconds(5)));
        assertThat(Manifest.readFor(sums, source)).as("another file, another modified time").isEmpty();

        FileTime modified = Files.getLastModifiedTime(target);
        byte[] changed = Files.readAllBytes(target);
        changed[0] ^= 1;
        Files.write(target, changed);
        Files.setLastModifiedTime(target, modified);
        assertThat(Manifest.readFor(sums, target)).as("same size and time, but the first unit changed").isEmpty();

        Files.write(source, random(3 * UNIT + 10, 4));
        Manifest again = mirror(source, target, null).manifest();
        again.write(sums);
        assertThat(Manifest.readFor(sums, target)).isPresent();
        Files.write(target, new byte[] {1}, StandardOpenOption.APPEND);
        assertThat(Manifest.readFor(sums, target)).as("another size").isEmpty();

        byte[] stored = Files.readAllBytes(sums);
        Files.write(sums, java.util.Arrays.copyOf(stored, stored.length - 3));
        assertThat(Manifest.readFor(sums, target)).as("a truncated manifest").isEmpty();
        assertThat(Manifest.readFor(temp.resolve("missing.blocks"), target)).isEmpty();
    }

    /** Writes {@code bytes} as the source, mirrors it, and checks how many units were written and the target's bytes. */
    private static BlockMirror.Result mirrorChecked(BlockMirror.Reads reads, Path source, Path target, byte[] bytes,
            Manifest previous, int units, String which) throws IOException {
        Files.write(source, bytes);
        BlockMirror.Result result;
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            result = BlockMirror.mirror(source, out, target, previous, reads);
        }
        assertThat(result.unitsWritten()).as(which).isEqualTo(units);
        assertThat(Files.readAllBytes(target)).isEqualTo(bytes);
        return result;
    }

    private static BlockMirror.Result mirror(Path source, Path target, Manifest previous) throws IOException {
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            return BlockMirror.mirror(source, out, target, previous);
        }
    }

    private static byte[] random(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
