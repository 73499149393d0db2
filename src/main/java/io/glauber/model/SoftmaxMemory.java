package io.glauber.model;

/**
 * The one home of the softmax (modern, continuous) Hopfield memory's formulas (Ramsauer et al.
 * 2020, "Hopfield networks is all you need"; seed 003), over stored patterns x_1..x_K given as the
 * rows of X (K × N) and an inverse temperature β &gt; 0:
 *
 * <ul>
 *   <li>scores z_μ = β x_μ·ξ ({@link #score});
 *   <li>softmax weights p_μ = exp(z_μ − c) / Σ_ν exp(z_ν − c) with the shift c = max_ν z_ν
 *       ({@link #shift}, {@link #normaliser}, {@link #weight}), which leaves p unchanged and keeps
 *       every exponent ≤ 0;
 *   <li>the update ξ' = Xᵀ softmax(β X ξ) = Σ_μ p_μ x_μ ({@link #update}, summed in μ order);
 *   <li>the energy E(ξ) = −β⁻¹ log Σ_μ exp(β x_μ·ξ) + ½ ξ·ξ + β⁻¹ log K + ½ M², M = max_μ ‖x_μ‖
 *       ({@link #energy}).
 * </ul>
 *
 * The update is the concave–convex procedure on E, so E never increases under it (Ramsauer et al.,
 * Theorem 1). The seed writes the same with the patterns as the columns of Ξ: ξ ← Ξ softmax(β Ξᵀ ξ).
 * {@link #update} is composed of the four pieces above in a fixed order, so that an engine that
 * computes them in separate places (the memory actors of {@code engine.actor.memory}: each memory
 * unit its score and its weighted pattern, the feature layer the shift, the normaliser and the sum)
 * reproduces it to the last bit. Arguments are not validated here: callers hold validated patterns.
 */
public final class SoftmaxMemory {
  private SoftmaxMemory() {}

  /** z_μ = β x_μ·ξ, the dot product summed in unit order. */
  public static double score(double[] pattern, double[] state, double beta) {
    double s = 0;
    for (int i = 0; i < pattern.length; i++) s += pattern[i] * state[i];
    return beta * s;
  }

  /** c = max_μ z_μ. */
  public static double shift(double[] scores) {
    double max = Double.NEGATIVE_INFINITY;
    for (double z : scores) max = Math.max(max, z);
    return max;
  }

  /** Σ_μ exp(z_μ − c), summed in μ order. */
  public static double normaliser(double[] scores, double shift) {
    double sum = 0;
    for (double z : scores) sum += Math.exp(z - shift);
    return sum;
  }

  /** p_μ = exp(z_μ − c) / Σ_ν exp(z_ν − c). */
  public static double weight(double score, double shift, double normaliser) {
    return Math.exp(score - shift) / normaliser;
  }

  /** The softmax weights p = softmax(β X ξ). */
  public static double[] weights(double[][] x, double beta, double[] state) {
    double[] z = new double[x.length];
    for (int mu = 0; mu < x.length; mu++) z[mu] = score(x[mu], state, beta);
    double c = shift(z);
    double sum = normaliser(z, c);
    for (int mu = 0; mu < x.length; mu++) z[mu] = weight(z[mu], c, sum);
    return z;
  }

  /**
   * p_μ x_μ, one memory's share of the update: the vector a memory unit sends back to the feature
   * layer. Written into {@code out} (length N), which is returned.
   */
  public static double[] weighted(double[] pattern, double weight, double[] out) {
    for (int i = 0; i < pattern.length; i++) out[i] = weight * pattern[i];
    return out;
  }

  /** ξ' = Σ_μ p_μ x_μ: the shares {@link #weighted} added in μ order. */
  public static double[] update(double[][] x, double beta, double[] state) {
    double[] p = weights(x, beta, state);
    double[] out = new double[state.length];
    double[] share = new double[state.length];
    for (int mu = 0; mu < x.length; mu++) {
      weighted(x[mu], p[mu], share);
      for (int i = 0; i < out.length; i++) out[i] += share[i];
    }
    return out;
  }

  /** E(ξ) = −β⁻¹ log Σ_μ exp(β x_μ·ξ) + ½ ξ·ξ + β⁻¹ log K + ½ M². */
  public static double energy(double[][] x, double beta, double[] state) {
    double[] z = new double[x.length];
    for (int mu = 0; mu < x.length; mu++) z[mu] = score(x[mu], state, beta);
    double norm2 = 0;
    for (double v : state) norm2 += v * v;
    return energyOfScores(z, beta, norm2, constant(x, beta));
  }

  /**
   * E from the scores z = β X ξ of a state, its squared norm ξ·ξ and the {@link #constant}:
   * −β⁻¹ (c + log Σ_μ exp(z_μ − c)) + ½ ξ·ξ + constant. Batched paths that already hold the scores
   * use this.
   */
  public static double energyOfScores(double[] scores, double beta, double norm2, double constant) {
    double c = shift(scores);
    return energyOfNormaliser(c, normaliser(scores, c), beta, norm2, constant);
  }

  /** E from the shift c and normaliser S of a state's scores: −β⁻¹ (c + log S) + ½ ξ·ξ + constant. */
  public static double energyOfNormaliser(double shift, double normaliser, double beta, double norm2, double constant) {
    return -(shift + Math.log(normaliser)) / beta + 0.5 * norm2 + constant;
  }

  /** β⁻¹ log K + ½ M², the constant that makes E ≥ 0 (Ramsauer et al., Lemma A1). */
  public static double constant(double[][] x, double beta) {
    double maxNorm2 = 0;
    for (double[] row : x) {
      double n2 = 0;
      for (double v : row) n2 += v * v;
      maxNorm2 = Math.max(maxNorm2, n2);
    }
    return Math.log(x.length) / beta + 0.5 * maxNorm2;
  }
}
