package io.glauber.learn;

/**
 * How the difference of clamped and free moments, d = ⟨·⟩₊ − ⟨·⟩₋, becomes the gradient term g of
 * the {@link LearningRule} (which then applies v ← μv + η(g − λw), w ← w + v):
 *
 * <ul>
 *   <li>{@link Kind#GRADIENT}: g = β·d, the maximum-likelihood gradient ∂L/∂w_ij = β(⟨s_i s_j⟩_data −
 *       ⟨s_i s_j⟩_model) of seed 003 ("Training the Boltzmann Machine"), β = 1/T the inverse of the
 *       temperature at which the moments were measured; β = 1 gives the plain η·d;</li>
 *   <li>{@link Kind#SIGN}: g = sign(d), the fixed weight step of Ackley, Hinton and Sejnowski (1985),
 *       who changed every weight by ±η (η = 2 in their encoder runs) in the direction of
 *       p_ij − p'_ij, and left it unchanged when the two estimates were equal.</li>
 * </ul>
 *
 * @param kind gradient or sign
 * @param beta β &gt; 0 (GRADIENT only; 1 for SIGN)
 */
public record Update(Kind kind, double beta) {

  /** The two update kinds. */
  public enum Kind {
    /** g = β(⟨·⟩₊ − ⟨·⟩₋). */
    GRADIENT,
    /** g = sign(⟨·⟩₊ − ⟨·⟩₋). */
    SIGN
  }

  /** The plain gradient at T = 1: g = ⟨·⟩₊ − ⟨·⟩₋. */
  public static final Update PLAIN = new Update(Kind.GRADIENT, 1.0);

  public Update {
    if (kind == null) throw new IllegalArgumentException("update kind missing (expected GRADIENT or SIGN)");
    if (!(beta > 0) || Double.isInfinite(beta)) throw new IllegalArgumentException("update β " + beta + " (expected finite β > 0)");
    if (kind == Kind.SIGN && beta != 1.0) throw new IllegalArgumentException("sign update with β " + beta + " (expected β = 1: a sign has no scale)");
  }

  /** The gradient at temperature T: β = 1/T. */
  public static Update gradient(double temperature) {
    if (!(temperature > 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException("gradient at T = " + temperature + " (expected finite T > 0)");
    }
    return new Update(Kind.GRADIENT, 1.0 / temperature);
  }

  /** The fixed-step sign update. */
  public static Update sign() {
    return new Update(Kind.SIGN, 1.0);
  }

  /** The update of {@code kind} for moments measured at {@code temperature}. */
  public static Update of(Kind kind, double temperature) {
    return kind == Kind.SIGN ? sign() : gradient(temperature);
  }

  /** g for the difference d = ⟨·⟩₊ − ⟨·⟩₋. */
  public double term(double difference) {
    return kind == Kind.SIGN ? Math.signum(difference) : beta * difference;
  }

  /** Parses "gradient" or "sign" (any case). */
  public static Kind parseKind(String text) {
    return switch (text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "gradient" -> Kind.GRADIENT;
      case "sign" -> Kind.SIGN;
      default -> throw new IllegalArgumentException("update '" + text + "' (expected gradient or sign)");
    };
  }
}
