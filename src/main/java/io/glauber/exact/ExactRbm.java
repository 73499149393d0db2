package io.glauber.exact;

import io.glauber.model.Phase;
import io.glauber.model.Statistics;
import io.glauber.model.Glauber;
import io.glauber.model.Rbm;
import java.util.stream.IntStream;

/**
 * Exact log Z, log-likelihood and model statistics of an RBM whose smaller layer has at most
 * {@value #MAX_ENUMERATED} units.
 *
 * <p>The larger layer is summed out analytically: with hidden states enumerated,
 * Z = Σ_h e^{b·h/T} Π_i (1 + e^{(a_i + W_i·h)/T}), i.e. log Z = logsumexp_h(−G(h)/T) with G the
 * hidden-side free energy ({@link Rbm#hiddenFreeEnergy}); when the visible layer is smaller the
 * transposed machine is enumerated instead. States are walked in Gray-code order so that the input
 * vector a + W h changes by one column per state (O(n_large) per state), and the walk is split over
 * the available cores. A 784×20 RBM has 2²⁰ terms.
 */
public final class ExactRbm {
  /** The largest layer enumerated. */
  public static final int MAX_ENUMERATED = 24;

  private final Rbm rbm;
  private final Rbm enumerated; // the machine whose hidden layer is the smaller one
  private final double logZ;

  private ExactRbm(Rbm rbm) {
    int small = Math.min(rbm.nVisible(), rbm.nHidden());
    if (small > MAX_ENUMERATED) {
      throw new IllegalArgumentException(
          "exact RBM enumeration over a layer of " + small + " units (expected ≤ " + MAX_ENUMERATED + ")");
    }
    this.rbm = rbm;
    this.enumerated = rbm.nHidden() <= rbm.nVisible() ? rbm : rbm.transposed();
    this.logZ = computeLogZ(enumerated);
  }

  /** Enumerates the RBM's smaller layer. */
  public static ExactRbm of(Rbm rbm) {
    return new ExactRbm(rbm);
  }

  /** The RBM. */
  public Rbm rbm() {
    return rbm;
  }

  /** log Z. */
  public double logZ() {
    return logZ;
  }

  /** log p(v) = −F(v)/T − log Z. */
  public double logProbability(double[] v) {
    return -rbm.freeEnergy(v) / rbm.temperature() - logZ;
  }

  /** Mean log p(v) over data vectors (nats per pattern). */
  public double meanLogLikelihood(double[][] data) {
    double sum = 0;
    for (double[] v : data) sum += logProbability(v);
    return sum / data.length;
  }

  private static double computeLogZ(Rbm m) {
    int bits = m.nHidden();
    int chunkBits = Math.min(bits, 4);
    // each chunk fixes the top chunkBits hidden units and walks the rest in Gray order
    double[] parts = IntStream.range(0, 1 << chunkBits).parallel()
        .mapToDouble(chunk -> walk(m, bits - chunkBits, chunk, null, null).value())
        .toArray();
    return LogSumExp.of(parts);
  }

  /**
   * Walks the 2^free states of the low hidden units with the high ones fixed to {@code chunk},
   * adding each state's log-weight to the returned sum; when {@code stats} is given, accumulates
   * e^{logw − shift}·σ(input_i) h_j and the unit sums into it (for exact model statistics).
   */
  private static LogSumExp walk(Rbm m, int free, int chunk, double[] stats, double[] shiftOut) {
    int nv = m.nVisible();
    int nh = m.nHidden();
    double t = m.temperature();
    double[] h = new double[nh];
    for (int j = free; j < nh; j++) h[j] = (chunk >> (j - free)) & 1;
    double[] input = new double[nv];
    for (int i = 0; i < nv; i++) input[i] = m.visibleInput(h, i);
    double bh = 0;
    for (int j = 0; j < nh; j++) bh += m.hiddenBias()[j] * h[j];
    double[] w = m.w();
    LogSumExp acc = new LogSumExp();
    long states = 1L << free;
    double shift = stats == null ? 0 : shiftOut[0];
    for (long k = 0; k < states; k++) {
      if (k > 0) {
        int j = Long.numberOfTrailingZeros(k);
        double delta = h[j] == 1 ? -1 : 1;
        h[j] += delta;
        bh += delta * m.hiddenBias()[j];
        for (int i = 0; i < nv; i++) input[i] += delta * w[i * nh + j];
      }
      double logw = bh / t + sumSoftplus(input, 1 / t);
      acc.add(logw);
      if (stats != null) accumulate(stats, Math.exp(logw - shift), input, h, t, nv, nh);
    }
    return acc;
  }

  /**
   * Σ_i softplus(x_i·s) with one logarithm per block of terms instead of one per term: the factors
   * 1 + e^x are multiplied while the product stays far from overflow (|x| ≤ 30 per factor), large
   * x contribute x + log1p(e^{−x}) ≈ x exactly in double, very negative x contribute e^x.
   */
  static double sumSoftplus(double[] x, double scale) {
    double linear = 0;
    double product = 1;
    for (double xi : x) {
      double y = xi * scale;
      if (y > 30) {
        linear += y + Math.exp(-y);
      } else if (y < -30) {
        linear += Math.exp(y);
      } else {
        product *= 1 + Math.exp(y);
        if (product > 1e250) {
          linear += Math.log(product);
          product = 1;
        }
      }
    }
    return linear + Math.log(product);
  }

  private static void accumulate(double[] stats, double p, double[] input, double[] h, double t, int nv, int nh) {
    // layout: [nv×nh pairs | nv visible means | nh hidden means] of the enumerated machine
    for (int i = 0; i < nv; i++) {
      double pv = p * Glauber.sigmoid(input[i] / t);
      stats[nv * nh + i] += pv;
      int row = i * nh;
      for (int j = 0; j < nh; j++) if (h[j] != 0) stats[row + j] += pv;
    }
    for (int j = 0; j < nh; j++) stats[nv * nh + nv + j] += p * h[j];
  }

  /**
   * The exact model (free-phase) statistics in RBM layout: pairs ⟨v_i h_j⟩ (nVisible×nHidden
   * row-major), unit means ⟨v⟩ then ⟨h⟩.
   */
  public Statistics freeStatistics() {
    Rbm m = enumerated;
    int nv = m.nVisible();
    int nh = m.nHidden();
    int chunkBits = Math.min(nh, 4);
    double[] shift = {logZ};
    double[] total = IntStream.range(0, 1 << chunkBits).parallel()
        .mapToObj(chunk -> {
          double[] s = new double[nv * nh + nv + nh];
          walk(m, nh - chunkBits, chunk, s, shift);
          return s;
        })
        .reduce(new double[nv * nh + nv + nh], (a, b) -> {
          double[] c = a.clone();
          for (int i = 0; i < c.length; i++) c[i] += b[i];
          return c;
        });
    double[] pairs = new double[nv * nh];
    System.arraycopy(total, 0, pairs, 0, nv * nh);
    double[] units = new double[nv + nh];
    System.arraycopy(total, nv * nh, units, 0, nv + nh);
    if (m != rbm) { // undo the transposition: enumerated visible = our hidden
      double[] p = new double[pairs.length];
      for (int i = 0; i < nv; i++) for (int j = 0; j < nh; j++) p[j * nv + i] = pairs[i * nh + j];
      pairs = p;
      double[] u = new double[nv + nh];
      System.arraycopy(units, nv, u, 0, nh);
      System.arraycopy(units, 0, u, nh, nv);
      units = u;
    }
    return new Statistics(units, pairs, Long.MAX_VALUE, Phase.FREE);
  }

  /**
   * The exact clamped statistics of data: ⟨v_i p(h_j=1|v)⟩, ⟨v⟩ and ⟨p(h|v)⟩ averaged over the
   * data vectors (hidden units summed out exactly).
   */
  public static Statistics clampedStatistics(Rbm rbm, double[][] data) {
    int nv = rbm.nVisible();
    int nh = rbm.nHidden();
    double[] pairs = new double[nv * nh];
    double[] units = new double[nv + nh];
    double[] ph = new double[nh];
    for (double[] v : data) {
      rbm.hiddenProbabilities(v, ph);
      for (int i = 0; i < nv; i++) {
        units[i] += v[i];
        if (v[i] != 0) for (int j = 0; j < nh; j++) pairs[i * nh + j] += v[i] * ph[j];
      }
      for (int j = 0; j < nh; j++) units[nv + j] += ph[j];
    }
    for (int i = 0; i < pairs.length; i++) pairs[i] /= data.length;
    for (int i = 0; i < units.length; i++) units[i] /= data.length;
    return new Statistics(units, pairs, data.length, Phase.CLAMPED);
  }
}
