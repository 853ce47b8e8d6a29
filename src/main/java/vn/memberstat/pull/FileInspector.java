package vn.memberstat.pull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import vn.memberstat.common.ReasonCode;

/**
 * One streaming pass over a file: its SHA-256, its byte-order mark, and whether every byte decodes.
 * Decoding here means a file with bad bytes is refused whole before any of its rows reach the lake.
 */
public final class FileInspector {
    private static final int BUFFER = 1 << 20;
    private static final int HEADER_CHARS = 1 << 14;

    /** {@code headerLine} is the decoded first line when it holds no quote, so the layout needs no second open. */
    public record Inspection(String sha256, Charset charset, int bomBytes, ReasonCode refusal, String detail, String headerLine) {
        Inspection(String sha256, Charset charset, int bomBytes, ReasonCode refusal, String detail) {
            this(sha256, charset, bomBytes, refusal, detail, null);
        }
    }

    /** Buffers reused by each thread: national inboxes hold tens of thousands of small files. */
    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private static final class Buffers {
        final byte[] read = new byte[BUFFER];
        final ByteBuffer bytes = ByteBuffer.allocate(BUFFER + 8);
        final CharBuffer chars = CharBuffer.allocate(BUFFER + 8);
    }

    public Inspection inspect(Path file, long sizeBytes, long maxBytes) throws IOException {
        MessageDigest sha = sha256();
        if (sizeBytes > maxBytes) {
            hash(file, sha);
            return new Inspection(HexFormat.of().formatHex(sha.digest()), null, 0, ReasonCode.TOO_LARGE,
                    "file has " + sizeBytes + " bytes; the limit is " + maxBytes + " (memberstat.max-file-bytes)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            Buffers buffers = BUFFERS.get();
            byte[] buffer = buffers.read;
            int n = in.readNBytes(buffer, 0, buffer.length);
            int bom = 0;
            Charset charset = StandardCharsets.UTF_8;
            if (n >= 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB && (buffer[2] & 0xFF) == 0xBF) {
                bom = 3;
            } else if (n >= 2 && (buffer[0] & 0xFF) == 0xFF && (buffer[1] & 0xFF) == 0xFE) {
                bom = 2;
                charset = StandardCharsets.UTF_16LE;
            } else if (n >= 2 && (buffer[0] & 0xFF) == 0xFE && (buffer[1] & 0xFF) == 0xFF) {
                bom = 2;
                charset = StandardCharsets.UTF_16BE;
            }
            CharsetDecoder decoder = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer bytes = buffers.bytes.clear();
            CharBuffer chars = buffers.chars.clear();
            long offset = 0;
            boolean anyText = false;
            StringBuilder header = new StringBuilder();
            boolean headerDone = false;
            String problem = null;
            int start = bom;
            while (n > 0) {
                sha.update(buffer, 0, n);
                if (problem == null) {
                    bytes.put(buffer, start, n - start);
                    bytes.flip();
                    chars.clear();
                    CoderResult r = decoder.decode(bytes, chars, false);
                    if (r.isError()) {
                        long bad = offset + bytes.position();
                        problem = charset == StandardCharsets.UTF_8 ? EncodingAdvice.utf8(file, bad, bom)
                                : "bytes at offset " + bad + " are not valid " + charset.name();
                    } else {
                        chars.flip();
                        for (int i = 0; i < chars.limit(); i++) {
                            char c = chars.get(i);
                            if (c == 0) {
                                problem = "NUL character: binary content, not a CSV text file";
                                break;
                            }
                            if (!anyText && !Character.isWhitespace(c) && c != '\uFEFF') {
                                anyText = true;
                            }
                            if (!headerDone) {
                                if (c == '\n' || c == '\r') {
                                    headerDone = true;
                                } else if (c == '"' || header.length() >= HEADER_CHARS) {
                                    headerDone = true;
                                    header = null; // quoted or very long: the reader works it out
                                } else {
                                    header.append(c);
                                }
                            }
                        }
                    }
                    offset += bytes.position();
                    bytes.compact();
                }
                start = 0;
                n = in.readNBytes(buffer, 0, buffer.length);
            }
            if (problem == null) {
                bytes.flip();
                chars.clear();
                CoderResult r = decoder.decode(bytes, chars, true);
                if (r.isError() || bytes.hasRemaining() || decoder.flush(chars).isError()) {
                    problem = "the file ends inside a " + charset.name() + " character";
                }
            }
            String sha256 = HexFormat.of().formatHex(sha.digest());
            if (problem != null) {
                return new Inspection(sha256, charset, bom, ReasonCode.ENCODING, problem
                        + " (accepted: UTF-8 with or without BOM, UTF-16 with BOM)");
            }
            if (!anyText) {
                return new Inspection(sha256, charset, bom, ReasonCode.EMPTY_FILE, "file holds no text");
            }
            return new Inspection(sha256, charset, bom, null, null, headerDone && header != null ? header.toString() : null);
        }
    }

    private static void hash(Path file, MessageDigest sha) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = BUFFERS.get().read;
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
            }
        }
    }

    /** SHA-256 of a text, in hex: the identity of something that is not read, such as a refused link. */
    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

}
