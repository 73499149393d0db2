package io.glauber.model;

import java.util.Arrays;

/**
 * First and second moments gathered in one phase.
 *
 * <p>{@code unitMeans[i]} = ⟨s_i⟩ and {@code pairMeans[m]} = ⟨s_i s_j⟩ for the m-th weight of the
 * model, in the model's weight layout: the pairs of {@link io.glauber.model.Couplings#pairs()} for a
 * Boltzmann machine, the nVisible×nHidden row-major ⟨v_i h_j⟩ for an RBM (whose unit means are the
 * visible means followed by the hidden means).
 *
 * @param unitMeans ⟨s_i⟩, one per bias
 * @param pairMeans ⟨s_i s_j⟩, one per weight
 * @param samples how many samples (or the effective weight of a time average) the means rest on
 * @param phase clamped or free
 */
public record Statistics(double[] unitMeans, double[] pairMeans, long samples, Phase phase) {

  public Statistics {
    if (samples < 1) throw new IllegalArgumentException("statistics over " + samples + " samples (expected ≥ 1)");
    for (int i = 0; i < unitMeans.length; i++) {
      if (!Double.isFinite(unitMeans[i])) throw new IllegalArgumentException("unit mean " + i + " = " + unitMeans[i] + " (expected finite)");
    }
    for (int i = 0; i < pairMeans.length; i++) {
      if (!Double.isFinite(pairMeans[i])) throw new IllegalArgumentException("pair mean " + i + " = " + pairMeans[i] + " (expected finite)");
    }
    if (phase == null) throw new IllegalArgumentException("phase missing (expected CLAMPED or FREE)");
    unitMeans = unitMeans.clone();
    pairMeans = pairMeans.clone();
  }

  /** The sample-weighted average of statistics of the same shape and phase (e.g. over a mini-batch). */
  public static Statistics average(java.util.List<Statistics> parts) {
    if (parts.isEmpty()) throw new IllegalArgumentException("no statistics to average");
    Statistics first = parts.get(0);
    double[] u = new double[first.unitMeans.length];
    double[] p = new double[first.pairMeans.length];
    long total = 0;
    for (Statistics s : parts) {
      if (s.unitMeans.length != u.length || s.pairMeans.length != p.length || s.phase != first.phase) {
        throw new IllegalArgumentException("statistics of different shapes or phases cannot be averaged");
      }
      total += s.samples;
      for (int i = 0; i < u.length; i++) u[i] += s.samples * s.unitMeans[i];
      for (int i = 0; i < p.length; i++) p[i] += s.samples * s.pairMeans[i];
    }
    for (int i = 0; i < u.length; i++) u[i] /= total;
    for (int i = 0; i < p.length; i++) p[i] /= total;
    return new Statistics(u, p, total, first.phase);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Statistics s && s.samples == samples && s.phase == phase
        && Arrays.equals(s.unitMeans, unitMeans) && Arrays.equals(s.pairMeans, pairMeans);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(unitMeans) * 31 + Arrays.hashCode(pairMeans);
  }

  @Override
  public String toString() {
    return "Statistics[" + phase + ", units=" + unitMeans.length + ", pairs=" + pairMeans.length + ", samples=" + samples + "]";
  }
}
