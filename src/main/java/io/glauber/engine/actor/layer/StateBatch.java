package io.glauber.engine.actor.layer;

import java.util.Arrays;

/**
 * The states (or probabilities) of one layer over a batch of chains: a row-major rows×cols float
 * matrix, the payload of every layer-state message. Ownership passes with the message: the sender
 * never writes into {@code values} again (each step allocates a fresh array), so no two actors ever
 * share mutable memory.
 *
 * @param rows number of chains (or data vectors) in the batch
 * @param cols number of units of the layer
 * @param values rows×cols values, row-major (read-only by convention)
 */
public record StateBatch(int rows, int cols, float[] values) {

  public StateBatch {
    if (rows < 0 || cols < 1) {
      throw new IllegalArgumentException("state batch " + rows + "×" + cols + " (expected rows ≥ 0, cols ≥ 1)");
    }
    if (values == null || values.length != rows * cols) {
      throw new IllegalArgumentException("state batch of " + (values == null ? "no" : values.length) + " values (expected rows×cols = " + rows * cols + ")");
    }
  }

  /** A batch from data rows (each of length cols), copied. */
  public static StateBatch of(double[][] data) {
    if (data.length == 0) throw new IllegalArgumentException("no data rows (expected at least one)");
    int cols = data[0].length;
    float[] v = new float[data.length * cols];
    for (int r = 0; r < data.length; r++) {
      if (data[r].length != cols) throw new IllegalArgumentException("row " + r + " has " + data[r].length + " values (expected " + cols + ")");
      for (int c = 0; c < cols; c++) v[r * cols + c] = (float) data[r][c];
    }
    return new StateBatch(data.length, cols, v);
  }

  /** Row r as integers (unit states are 0 or 1). */
  public int[] intRow(int r) {
    int[] out = new int[cols];
    for (int c = 0; c < cols; c++) out[c] = Math.round(values[r * cols + c]);
    return out;
  }

  /**
   * The fraction of entries that differ from {@code other}'s (the reconstruction mismatch of CD);
   * NaN when the shapes differ. Branch-free: on sampled states a branch per entry mispredicts often.
   */
  public double fractionDiffering(StateBatch other) {
    if (other.rows != rows || other.cols != cols) return Double.NaN;
    float[] x = values;
    float[] y = other.values;
    int differ = 0;
    for (int i = 0; i < x.length; i++) differ += x[i] != y[i] ? 1 : 0;
    return (double) differ / x.length;
  }

  /** The mean of each column: ⟨x_c⟩ over the rows. */
  public float[] columnMeans() {
    float[] m = new float[cols];
    for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) m[c] += values[r * cols + c];
    for (int c = 0; c < cols; c++) m[c] /= rows;
    return m;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StateBatch b && b.rows == rows && b.cols == cols && Arrays.equals(b.values, values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values) * 31 + rows;
  }

  @Override
  public String toString() {
    return "StateBatch[" + rows + "×" + cols + "]";
  }
}
