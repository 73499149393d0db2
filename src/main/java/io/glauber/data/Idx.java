package io.glauber.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The IDX format of MNIST and Fashion-MNIST: a big-endian magic {@code 0x0000TTDD} (T = element type,
 * 0x08 for unsigned bytes; D = number of dimensions), D big-endian dimension sizes, then the elements.
 * Images are {@code 0x00000803} (count, rows, cols); labels {@code 0x00000801} (count). Files may be
 * gzip-compressed, recognised by the gzip magic {@code 1f 8b}, not by their name.
 */
final class Idx {

    static final int IMAGES = 0x00000803;
    static final int LABELS = 0x00000801;

    /** Images read from an IDX file: {@code count} images of rows×cols pixels scaled to [0,1]; total is the file's count. */
    record Images(int count, int total, int height, int width, float[] values) {
    }

    /** Labels read from an IDX file: the first {@code labels.length} of {@code total}. */
    record Labels(int total, int[] labels) {
    }

    private Idx() {
    }

    /**
     * Reads the first {@code limit} images (all if {@code limit} is larger), pixel/255, or 0/1 by
     * {@code pixel/255 > threshold} when {@code threshold} is not NaN.
     */
    static Images readImages(Path path, int limit, double threshold) {
        try (InputStream in = open(path)) {
            int[] dims = header(in, path, IMAGES, "image", 3);
            int n = Math.min(limit, dims[0]);
            long pixels = (long) n * dims[1] * dims[2];
            if (pixels > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(path + ": " + n + " images of " + dims[1] + "x" + dims[2]
                        + " are too many for one data set; use ?limit=N");
            }
            float[] values = new float[(int) pixels];
            byte[] buf = new byte[1 << 16];
            int done = 0;
            while (done < values.length) {
                int got = readSome(in, buf, Math.min(buf.length, values.length - done));
                if (got < 0) {
                    throw new IllegalArgumentException(path + ": truncated: expected " + pixels
                            + " bytes of pixels, found " + done);
                }
                for (int k = 0; k < got; k++) {
                    float v = (buf[k] & 0xFF) / 255f;
                    values[done + k] = Double.isNaN(threshold) ? v : (v > threshold ? 1f : 0f);
                }
                done += got;
            }
            return new Images(n, dims[0], dims[1], dims[2], values);
        } catch (IOException e) {
            throw unchecked(path, e);
        }
    }

    /** Reads the first {@code limit} labels (all if {@code limit} is larger). */
    static Labels readLabels(Path path, int limit) {
        try (InputStream in = open(path)) {
            int[] dims = header(in, path, LABELS, "label", 1);
            int n = Math.min(limit, dims[0]);
            byte[] raw = new byte[n];
            int done = 0;
            while (done < n) {
                int got = readSome(in, raw, n - done, done);
                if (got < 0) {
                    throw new IllegalArgumentException(path + ": truncated: expected " + n + " bytes of labels, found " + done);
                }
                done += got;
            }
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = raw[i] & 0xFF;
            }
            return new Labels(dims[0], labels);
        } catch (IOException e) {
            throw unchecked(path, e);
        }
    }

    /** Opens a file, decompressing it if it starts with the gzip magic. */
    static InputStream open(Path path) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
    }

    static UncheckedIOException unchecked(Path path, IOException e) {
        String m = e instanceof NoSuchFileException ? "no such file: " + path
                : path + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        return new UncheckedIOException(m, e);
    }

    private static int[] header(InputStream in, Path path, int magic, String what, int rank) throws IOException {
        byte[] h = new byte[4 + 4 * rank];
        int done = 0;
        while (done < h.length) {
            int got = readSome(in, h, h.length - done, done);
            if (got < 0) {
                if (done >= 4 && readInt(h, 0) != magic) {
                    break; // report the wrong magic rather than the short header
                }
                throw new IllegalArgumentException(path + ": truncated: expected a " + h.length
                        + "-byte IDX header, found " + done + " bytes");
            }
            done += got;
        }
        int m = readInt(h, 0);
        if (m != magic) {
            throw new IllegalArgumentException(String.format("%s: not an IDX %s file: magic 0x%08x (expected 0x%08x)",
                    path, what, m, magic));
        }
        int[] dims = new int[rank];
        for (int k = 0; k < rank; k++) {
            dims[k] = readInt(h, 4 + 4 * k);
            if (dims[k] < 0) {
                throw new IllegalArgumentException(path + ": negative dimension " + dims[k] + " in IDX header");
            }
        }
        return dims;
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    private static int readSome(InputStream in, byte[] buf, int len) throws IOException {
        return readSome(in, buf, len, 0);
    }

    /** Reads up to {@code len} bytes; -1 at the end, including the end of a truncated gzip stream. */
    private static int readSome(InputStream in, byte[] buf, int len, int off) throws IOException {
        try {
            return in.read(buf, off, len);
        } catch (EOFException e) {
            return -1;
        }
    }
}
