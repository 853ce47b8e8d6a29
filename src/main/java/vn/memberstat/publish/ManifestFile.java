package vn.memberstat.publish;

import static vn.memberstat.publish.Units.UNIT;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import vn.memberstat.publish.BlockMirror.Manifest;

/** A {@link Manifest} on disk: its binary format, and the checks that it still describes its file. */
final class ManifestFile {
    private static final String MAGIC = "memberstat-blocks-1";

    private ManifestFile() {}

    /** The manifest stored at {@code manifestFile}, if it still describes {@code file}; empty otherwise. */
    static Optional<Manifest> readFor(Path manifestFile, Path file) {
        try {
            if (!Files.isRegularFile(manifestFile) || !Files.isRegularFile(file)) {
                return Optional.empty();
            }
            Manifest m = read(manifestFile);
            if (m.size() != Files.size(file) || !m.modified().equals(Files.getLastModifiedTime(file).toInstant())) {
                return Optional.empty();
            }
            // the first and the last unit, read back: a cheap guard against a file replaced with the same size and time
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer buffer = ByteBuffer.allocateDirect(UNIT);
                for (int unit : new int[] {0, m.sums().length - 1}) {
                    if (unit >= 0) {
                        long at = (long) unit * UNIT;
                        int length = (int) Math.min(UNIT, m.size() - at);
                        Units.readAt(in, at, length, length, m.size(), buffer);
                        if (Units.checksum(buffer) != m.sums()[unit]) {
                            return Optional.empty();
                        }
                    }
                }
            }
            return Optional.of(m);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();   // unreadable or from another version: the caller copies in full
        }
    }

    private static Manifest read(Path manifestFile) throws IOException {
        try (InputStream raw = Files.newInputStream(manifestFile);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw))) {
            if (!MAGIC.equals(in.readUTF()) || in.readInt() != UNIT) {
                throw new IOException("not a manifest of this version");
            }
            long size = in.readLong();
            Instant modified = Instant.ofEpochSecond(in.readLong(), in.readInt());
            int units = in.readInt();
            if (units != Units.count(size)) {
                throw new IOException("unit count does not match the size");
            }
            long[] sums = new long[units];
            for (int i = 0; i < units; i++) {
                sums[i] = in.readLong();
            }
            if (in.read() != -1) {
                throw new IOException("trailing bytes");
            }
            return new Manifest(size, modified, sums);
        } catch (EOFException e) {
            throw new IOException("truncated", e);
        }
    }

    /** Writes {@code manifest} next to its final name and renames it into place. */
    static void write(Manifest manifest, Path manifestFile) throws IOException {
        Path temp = manifestFile.resolveSibling(manifestFile.getFileName() + ".tmp");
        try (OutputStream raw = Files.newOutputStream(temp);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16))) {
            out.writeUTF(MAGIC);
            out.writeInt(UNIT);
            out.writeLong(manifest.size());
            out.writeLong(manifest.modified().getEpochSecond());
            out.writeInt(manifest.modified().getNano());
            out.writeInt(manifest.sums().length);
            for (long sum : manifest.sums()) {
                out.writeLong(sum);
            }
        }
        Files.move(temp, manifestFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
