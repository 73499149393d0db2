package io.glauber.data;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * An immutable data set: {@code rows} samples of {@code cols} values each, stored row-major as floats,
 * with optional integer labels and, for images, the width and height (width·height = cols).
 *
 * <p>The arrays are not copied (data sets can be large); the caller hands them over and must not
 * modify them afterwards. Equality is identity of the arrays, as for any record holding arrays.
 *
 * @param name        where the data came from, e.g. the spec {@code "bas:4x4"}
 * @param rows        number of samples, ≥ 1
 * @param cols        values per sample, ≥ 1
 * @param values      rows·cols finite values, row-major
 * @param labels      one label per row, or {@code null}
 * @param imageWidth  image width in pixels, or 0 if the rows are not images
 * @param imageHeight image height in pixels, or 0 if the rows are not images
 */
public record Dataset(String name, int rows, int cols, float[] values, int[] labels, int imageWidth, int imageHeight) {

    /** Validates sizes, finiteness, labels and image geometry. */
    public Dataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(values, "values");
        if (rows < 1) {
            throw new IllegalArgumentException("empty data set: " + name);
        }
        if (cols < 1) {
            throw new IllegalArgumentException(name + ": cols = " + cols + ", expected at least 1");
        }
        if ((long) rows * cols != values.length) {
            throw new IllegalArgumentException(name + ": " + values.length + " values, expected rows·cols = "
                    + rows + "·" + cols + " = " + (long) rows * cols);
        }
        for (int k = 0; k < values.length; k++) {
            if (!Float.isFinite(values[k])) {
                throw new IllegalArgumentException(name + ": row " + k / cols + ", column " + k % cols + " is "
                        + values[k] + ", expected a finite value");
            }
        }
        if (labels != null && labels.length != rows) {
            throw new IllegalArgumentException(name + ": " + labels.length + " labels, expected one per row (" + rows + ")");
        }
        if (imageWidth < 0 || imageHeight < 0 || (imageWidth == 0) != (imageHeight == 0)
                || (imageWidth > 0 && (long) imageWidth * imageHeight != cols)) {
            throw new IllegalArgumentException(name + ": image " + imageWidth + "x" + imageHeight
                    + ", expected 0x0 or width·height = cols (" + cols + ")");
        }
    }

    /** A data set without labels that is not an image. */
    public static Dataset of(String name, int rows, int cols, float[] values) {
        return new Dataset(name, rows, cols, values, null, 0, 0);
    }

    /** Whether the rows are images ({@code imageWidth > 0}). */
    public boolean isImage() {
        return imageWidth > 0;
    }

    /** Whether there are labels. */
    public boolean hasLabels() {
        return labels != null;
    }

    /** Value of row {@code i}, column {@code j}. */
    public float value(int i, int j) {
        return values[i * cols + j];
    }

    /** Copies row {@code i} into {@code out} (allocated when null) and returns it. */
    public float[] row(int i, float[] out) {
        Objects.checkIndex(i, rows);
        float[] r = out == null ? new float[cols] : out;
        if (r.length != cols) {
            throw new IllegalArgumentException("output has length " + r.length + ", expected " + cols);
        }
        System.arraycopy(values, i * cols, r, 0, cols);
        return r;
    }

    /** Row {@code i} as a new double array. */
    public double[] rowAsDouble(int i) {
        Objects.checkIndex(i, rows);
        double[] r = new double[cols];
        for (int j = 0; j < cols; j++) {
            r[j] = values[i * cols + j];
        }
        return r;
    }

    /** All rows as double vectors (for exact enumeration and small models). */
    public double[][] rowsAsDouble() {
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) out[i] = rowAsDouble(i);
        return out;
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) as a new data set. */
    public Dataset subset(int from, int to) {
        Objects.checkFromToIndex(from, to, rows);
        return new Dataset(name, to - from, cols, Arrays.copyOfRange(values, from * cols, to * cols),
                labels == null ? null : Arrays.copyOfRange(labels, from, to), imageWidth, imageHeight);
    }

    /** The rows in an order drawn by a Fisher–Yates shuffle from {@code SplittableRandom(seed)}. */
    public Dataset shuffled(long seed) {
        int[] order = Shuffle.order(rows, new SplittableRandom(seed));
        float[] v = new float[values.length];
        int[] l = labels == null ? null : new int[rows];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(values, order[i] * cols, v, i * cols, cols);
            if (l != null) {
                l[i] = labels[order[i]];
            }
        }
        return new Dataset(name, rows, cols, v, l, imageWidth, imageHeight);
    }

    /** Mean of column {@code col} over all rows. */
    public double mean(int col) {
        Objects.checkIndex(col, cols);
        double s = 0;
        for (int i = 0; i < rows; i++) {
            s += values[i * cols + col];
        }
        return s / rows;
    }

    /** Whether every value is 0 or 1. */
    public boolean isBinary() {
        for (float v : values) {
            if (v != 0f && v != 1f) {
                return false;
            }
        }
        return true;
    }

    /**
     * This data set, when every value is 0 or 1 (what RBMs and Boltzmann machines on binary units
     * train on); otherwise an error that names it and says how to binarise an image spec.
     */
    public Dataset requireBinary() {
        if (!isBinary()) {
            throw new IllegalArgumentException(name + ": values are not all 0 or 1 (expected binary data; add ?binarize=0.5 to an idx: spec)");
        }
        return this;
    }

    @Override
    public String toString() {
        return "Dataset[" + name + ": " + rows + "x" + cols + (labels != null ? ", labelled" : "")
                + (isImage() ? ", images " + imageWidth + "x" + imageHeight : "") + "]";
    }
}
