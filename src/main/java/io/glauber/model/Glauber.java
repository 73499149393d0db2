package io.glauber.model;

/**
 * The Glauber (heat-bath, Gibbs) conditional: the one place that turns a local field into the
 * probability that a unit is on.
 *
 * <p>p(s_i = on | rest) = σ(Δ_i / T), with Δ_i = E(off) − E(on) = {@link Units#gap(double)}: σ(h/T)
 * for {0,1} units, σ(2h/T) for ±1 units (seed 000: p(x_i = 1) = σ((2/T) Σ_j w_ij x_j); seed 001).
 * At T = 0 the rule becomes the deterministic threshold of Hopfield networks (seed 003): on if
 * h &gt; 0, off if h &lt; 0, and a fair coin at h = 0. At T = ∞ every unit is a fair coin.
 */
public final class Glauber {
  private Glauber() {}

  /** The logistic function σ(x) = 1/(1+e^{−x}), evaluated without overflow. */
  public static double sigmoid(double x) {
    if (x >= 0) {
      return 1.0 / (1.0 + Math.exp(-x));
    }
    double e = Math.exp(x);
    return e / (1.0 + e);
  }

  /** log(1 + e^x) without overflow or loss of precision for large |x|. */
  public static double softplus(double x) {
    return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
  }

  /**
   * p(s_i = on | rest) = σ(gap(h)/T) for a unit of the given convention, local field h and
   * temperature T ≥ 0.
   */
  public static double pOn(Units units, double field, double temperature) {
    double gap = units.gap(field);
    if (temperature == 0.0) {
      return gap > 0 ? 1.0 : gap < 0 ? 0.0 : 0.5;
    }
    if (Double.isInfinite(temperature)) {
      return 0.5;
    }
    return sigmoid(gap / temperature);
  }

  /**
   * One Glauber update: the new value of a unit with local field h at temperature T, given a
   * uniform random number u ∈ [0, 1).
   */
  public static double update(Units units, double field, double temperature, double u) {
    return draw(units, pOn(units, field, temperature), u);
  }

  /**
   * {@link #update} with the uniform drawn from {@code rng} only when the outcome is uncertain
   * (0 &lt; p &lt; 1), so that deterministic updates (T = 0 away from a tie) consume no randomness:
   * what the single-flip recall paths of both engines call, so that they consume one stream alike.
   */
  public static double update(Units units, double field, double temperature, java.util.SplittableRandom rng) {
    double p = pOn(units, field, temperature);
    double u = (p == 0.0 || p == 1.0) ? 0.5 : rng.nextDouble();
    return update(units, field, temperature, u);
  }

  /**
   * The draw of {@link #update} given p(on) already computed by {@link #pOn}: on if u &lt; p. For
   * engines that reuse p for units with the same field at the same T (the patch actors memoise it:
   * on a lattice a field takes a handful of values, and the exponential is most of an update's cost).
   */
  public static double draw(Units units, double pOn, double u) {
    return units.value(u < pOn);
  }
}
