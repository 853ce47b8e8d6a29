package vn.memberstat.publish;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/** The 64 KB units a mirrored file is cut into: how many a size makes, reading them, and their checksums. */
final class Units {
    static final int UNIT = 64 * 1024;

    private Units() {}

    static int count(long size) {
        return Math.toIntExact((size + UNIT - 1) / UNIT);
    }

    /**
     * Reads {@code length} bytes at {@code at} into {@code buffer}, asking for {@code request} (a multiple of
     * the alignment for direct reads, so it may run past the end), and leaves it flipped to hold the {@code length}.
     */
    static void readAt(FileChannel in, long at, int length, int request, long size, ByteBuffer buffer) throws IOException {
        buffer.clear().limit(request);
        while (buffer.position() < length) {
            if (in.read(buffer, at + buffer.position()) < 0) {
                throw new IOException("the file ended before its size, " + size + " bytes, while being read");
            }
        }
        buffer.flip().limit(length);
    }

    /**
     * The checksum of the bytes between {@code unit}'s position and limit, which it leaves as they were:
     * its CRC-32C and its CRC-32, 64 bits together.
     */
    static long checksum(ByteBuffer unit) {
        CRC32C castagnoli = new CRC32C();
        castagnoli.update(unit.duplicate());
        CRC32 ieee = new CRC32();
        ieee.update(unit.duplicate());
        return castagnoli.getValue() << 32 | ieee.getValue();
    }
}
