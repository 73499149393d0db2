package io.glauber.io;

import io.glauber.data.CsvLines;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Sample files (DESIGN.md, "Samples"): one sample per row, unit values as integers. A path ending in
 * {@code .npy} gives an {@code .npy} array of shape (samples, units), int8 when every value fits and
 * int32 otherwise (the streaming writer always uses int8, which holds both unit conventions); any
 * other path gives CSV without a header, values separated by commas, one sample per line.
 */
public final class SampleFiles {

    /**
     * Room for the streaming {@code .npy} header, so it can be rewritten in place with the final row
     * count; 128 bytes hold the dict for any shape of two ints.
     */
    private static final int NPY_HEADER = 128;

    private SampleFiles() {
    }

    /** Whether {@code path} names an {@code .npy} sample file (else CSV). */
    public static boolean isNpy(Path path) {
        return path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".npy");
    }

    /**
     * Writes all samples at once, atomically; an existing file is replaced only if {@code force}.
     *
     * @throws IllegalArgumentException if the rows differ in length or there are none
     */
    public static void write(Path path, int[][] samples, boolean force) {
        if (samples.length == 0) {
            throw new IllegalArgumentException(path + ": no samples to write");
        }
        int units = samples[0].length;
        for (int i = 0; i < samples.length; i++) {
            checkRow(path, samples[i], units, i);
        }
        if (isNpy(path)) {
            boolean small = true;
            double[] data = new double[samples.length * units];
            for (int i = 0; i < samples.length; i++) {
                for (int j = 0; j < units; j++) {
                    int v = samples[i][j];
                    small &= v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE;
                    data[i * units + j] = v;
                }
            }
            Npy.write(path, new NdArray(small ? DType.INT8 : DType.INT32, new int[] {samples.length, units}, data), force);
        } else {
            AtomicFiles.write(path, force, out -> {
                StringBuilder line = new StringBuilder();
                for (int[] row : samples) {
                    out.write(csvLine(line, row).getBytes(StandardCharsets.US_ASCII));
                }
            });
        }
    }

    /**
     * Reads a sample file (CSV or {@code .npy}, by extension) as rows of ints.
     *
     * @throws UncheckedIOException {@code "no such file: PATH"} or another I/O failure
     * @throws FormatException      for non-integer values, ragged rows, or a {@code .npy} array that is not 2-d
     */
    public static int[][] read(Path path) {
        if (isNpy(path)) {
            NdArray a = Npy.read(path);
            if (a.rank() != 2) {
                throw new FormatException(path + ": expected a 2-d array (samples, units), found shape "
                        + java.util.Arrays.toString(a.shape()));
            }
            int[][] rows = new int[a.dim(0)][a.dim(1)];
            double[] d = a.data();
            for (int k = 0; k < d.length; k++) {
                if (!DType.INT32.holds(d[k])) {
                    throw new FormatException(path + ": element " + k + " = " + d[k] + " is not an integer");
                }
                rows[k / a.dim(1)][k % a.dim(1)] = (int) d[k];
            }
            return rows;
        }
        List<int[]> rows = new ArrayList<>();
        try {
            CsvLines.forEach(path, (lineNo, cells) -> {
                int[] row = new int[cells.length];
                for (int j = 0; j < cells.length; j++) {
                    try {
                        row[j] = Integer.parseInt(cells[j]);
                    } catch (NumberFormatException e) {
                        throw new FormatException(path + ": line " + lineNo + ", column " + (j + 1)
                                + ": expected an integer, found '" + cells[j] + "'");
                    }
                }
                if (!rows.isEmpty() && row.length != rows.get(0).length) {
                    throw new FormatException(path + ": line " + lineNo + " has " + row.length
                            + " values, expected " + rows.get(0).length);
                }
                rows.add(row);
            });
        } catch (IOException e) {
            throw AtomicFiles.unchecked(path, e);
        }
        return rows.toArray(new int[0][]);
    }

    /**
     * Opens a streaming writer for samples of {@code units} values; the file appears at {@code path}
     * only when the writer is closed. {@link #stream} closes it only when all rows are written.
     *
     * @throws UncheckedIOException {@code "PATH exists; use --force to overwrite"} or an I/O failure
     */
    public static SampleWriter open(Path path, int units, boolean force) {
        if (units < 1) {
            throw new IllegalArgumentException("units = " + units + ": expected at least 1");
        }
        Path temp = AtomicFiles.createTemp(path, force);
        try {
            return isNpy(path) ? new NpyWriter(path, temp, units, force) : new CsvWriter(path, temp, units, force);
        } catch (IOException e) {
            AtomicFiles.deleteQuietly(temp);
            throw AtomicFiles.unchecked(path, e);
        }
    }

    /**
     * Writes samples of {@code units} values as {@code rows} produces them, and moves the file into
     * place when {@code rows} returns. If it throws, nothing appears at {@code path} and the
     * temporary file is deleted: a failed or interrupted run never leaves a partial or empty file.
     *
     * @throws UncheckedIOException {@code "PATH exists; use --force to overwrite"} or an I/O failure
     * @throws Exception            whatever {@code rows} throws
     */
    public static void stream(Path path, int units, boolean force, SampleWriter.Rows rows) throws Exception {
        SampleWriter w = open(path, units, force);
        try {
            rows.writeTo(w);
        } catch (Exception | Error e) {
            w.abort();
            throw e;
        }
        w.close();
    }

    private static void checkRow(Path path, int[] row, int units, long index) {
        if (row.length != units) {
            throw new IllegalArgumentException(path + ": sample " + index + " has " + row.length
                    + " units, expected " + units);
        }
    }

    private static String csvLine(StringBuilder line, int[] row) {
        line.setLength(0);
        for (int j = 0; j < row.length; j++) {
            line.append(j == 0 ? "" : ",").append(row[j]);
        }
        return line.append('\n').toString();
    }

    /** Common bookkeeping: row count, abort, commit by rename. */
    private abstract static class Base implements SampleWriter {
        final Path target;
        final Path temp;
        final int units;
        final boolean force;
        long rows;
        boolean done;

        Base(Path target, Path temp, int units, boolean force) {
            this.target = target;
            this.temp = temp;
            this.units = units;
            this.force = force;
        }

        @Override
        public void write(int[] row) {
            if (done) {
                throw new IllegalStateException(target + ": sample writer is closed");
            }
            checkRow(target, row, units, rows);
            try {
                append(row);
            } catch (IOException e) {
                abort();
                throw AtomicFiles.unchecked(target, e);
            }
            rows++;
        }

        @Override
        public long rows() {
            return rows;
        }

        @Override
        public void abort() {
            if (!done) {
                done = true;
                try {
                    closeStream();
                } catch (IOException ignored) {
                    // the file is being discarded
                }
                AtomicFiles.deleteQuietly(temp);
            }
        }

        @Override
        public void close() {
            if (done) {
                return;
            }
            done = true;
            try {
                finish();
                closeStream();
            } catch (IOException e) {
                AtomicFiles.deleteQuietly(temp);
                throw AtomicFiles.unchecked(target, e);
            }
            AtomicFiles.moveIntoPlace(temp, target, force);
        }

        abstract void append(int[] row) throws IOException;

        abstract void finish() throws IOException;

        abstract void closeStream() throws IOException;
    }

    private static final class CsvWriter extends Base {
        private final BufferedWriter out;
        private final StringBuilder line = new StringBuilder();

        CsvWriter(Path target, Path temp, int units, boolean force) throws IOException {
            super(target, temp, units, force);
            out = Files.newBufferedWriter(temp, StandardCharsets.US_ASCII);
        }

        @Override
        void append(int[] row) throws IOException {
            out.write(csvLine(line, row));
        }

        @Override
        void finish() {
        }

        @Override
        void closeStream() throws IOException {
            out.close();
        }
    }

    /** Writes int8 rows after a fixed-size header that is rewritten with the final count at close. */
    private static final class NpyWriter extends Base {
        private final FileChannel channel;
        private final OutputStream out;
        private final byte[] buf;

        NpyWriter(Path target, Path temp, int units, boolean force) throws IOException {
            super(target, temp, units, force);
            channel = FileChannel.open(temp, StandardOpenOption.WRITE);
            channel.write(ByteBuffer.wrap(header(0)));
            out = new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel), 1 << 16);
            buf = new byte[units];
        }

        private byte[] header(long count) {
            if (count > Integer.MAX_VALUE) {
                throw new IllegalStateException(target + ": more than 2^31 - 1 samples");
            }
            byte[] h = Npy.header(DType.INT8, new int[] {(int) count, units});
            if (h.length > NPY_HEADER) {
                throw new IllegalStateException("npy header longer than " + NPY_HEADER);
            }
            byte[] fixed = new byte[NPY_HEADER];
            System.arraycopy(h, 0, fixed, 0, h.length);
            // pad the dict with spaces up to the fixed size, keeping the final newline and the length field right
            java.util.Arrays.fill(fixed, h.length - 1, NPY_HEADER - 1, (byte) ' ');
            fixed[NPY_HEADER - 1] = '\n';
            fixed[8] = (byte) (NPY_HEADER - 10);
            fixed[9] = 0;
            return fixed;
        }

        @Override
        void append(int[] row) throws IOException {
            for (int j = 0; j < row.length; j++) {
                if (row[j] < Byte.MIN_VALUE || row[j] > Byte.MAX_VALUE) {
                    throw new IllegalArgumentException(target + ": sample " + rows + ", unit " + j + " = " + row[j]
                            + ": expected a unit value in [-128, 127]");
                }
                buf[j] = (byte) row[j];
            }
            out.write(buf);
        }

        @Override
        void finish() throws IOException {
            out.flush();
            channel.write(ByteBuffer.wrap(header(rows)), 0);
        }

        @Override
        void closeStream() throws IOException {
            out.close();
        }
    }
}
