package io.glauber.hopfield;

import io.glauber.model.Interaction;
import io.glauber.io.FormatException;
import io.glauber.io.NdArray;
import io.glauber.io.Npz;
import io.glauber.model.SoftmaxMemory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A modern Hopfield memory and its stored ±1 patterns, as one model file (docs/FORMATS.md):
 *
 * <ul>
 *   <li>{@link Kind#SOFTMAX}: Ramsauer et al. (2020; seed 003), E(ξ) = −β⁻¹ log Σ_μ exp(β x_μ·ξ) +
 *       ½ ξ·ξ + const, update ξ ← Xᵀ softmax(β X ξ) on continuous states ({@link SoftmaxMemory},
 *       {@link ContinuousHopfield});
 *   <li>{@link Kind#POWER}: Krotov and Hopfield (2016), E(σ) = −Σ_μ F(x_μ·σ) with F(x) = xⁿ on ±1
 *       units ({@link DenseAssociativeMemory}, {@link Interaction.Power});
 *   <li>{@link Kind#EXPONENTIAL}: Demircigil et al. (2017), F(x) = e^{βx}
 *       ({@link Interaction.Exponential}).
 * </ul>
 *
 * The file holds {@code patterns} (K × N, ±1), {@code kind} (0-d integer, {@link Kind#code}),
 * {@code beta} (0-d float; softmax and exponential) and {@code power} (0-d integer n; power).
 *
 * @param kind which energy
 * @param patterns the K stored patterns x_μ of N units, ±1 (validated, not copied)
 * @param beta β &gt; 0 of the softmax and the exponential; NaN for the power kind
 * @param power n ≥ 2 of F(x) = xⁿ; 0 for the other kinds
 */
public record ModernMemory(Kind kind, int[][] patterns, double beta, int power) implements AssociativeMemory {

  /** The energy of a modern memory, with its file code. */
  public enum Kind {
    SOFTMAX(0), POWER(1), EXPONENTIAL(2);

    /** The 0-d integer stored as {@code kind}. */
    public final int code;

    Kind(int code) {
      this.code = code;
    }

    /** Parses "softmax", "power" or "exponential". */
    public static Kind parse(String text) {
      for (Kind k : values()) if (k.name().equalsIgnoreCase(text.trim())) return k;
      throw new IllegalArgumentException("kind '" + text + "' (expected softmax, power or exponential)");
    }

    /** The kind of a file code. */
    public static Kind ofCode(int code) {
      for (Kind k : values()) if (k.code == code) return k;
      throw new IllegalArgumentException("kind " + code + " (expected 0 = softmax, 1 = power, 2 = exponential)");
    }

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public ModernMemory {
    if (kind == null) throw new IllegalArgumentException("kind missing (expected softmax, power or exponential)");
    Patterns.validate(patterns);
    if (kind == Kind.POWER) {
      new Interaction.Power(power);
      if (!Double.isNaN(beta)) throw new IllegalArgumentException("beta " + beta + " given to a power memory (expected none: F(x) = xⁿ has no β)");
    } else {
      if (!(beta > 0) || Double.isInfinite(beta)) throw new IllegalArgumentException("beta " + beta + " of a " + kind + " memory (expected finite β > 0)");
      if (power != 0) throw new IllegalArgumentException("power " + power + " given to a " + kind + " memory (expected none)");
    }
  }

  /** A softmax memory. */
  public static ModernMemory softmax(int[][] patterns, double beta) {
    return new ModernMemory(Kind.SOFTMAX, patterns, beta, 0);
  }

  /** A dense memory with F(x) = xⁿ. */
  public static ModernMemory power(int[][] patterns, int n) {
    return new ModernMemory(Kind.POWER, patterns, Double.NaN, n);
  }

  /** A dense memory with F(x) = e^{βx}. */
  public static ModernMemory exponential(int[][] patterns, double beta) {
    return new ModernMemory(Kind.EXPONENTIAL, patterns, beta, 0);
  }

  /** A memory of {@code kind}; {@code parameter} is β (softmax, exponential) or n (power). */
  public static ModernMemory of(Kind kind, int[][] patterns, double parameter) {
    if (kind == Kind.POWER && parameter != Math.rint(parameter)) {
      throw new IllegalArgumentException("power " + parameter + " (expected an integer n ≥ 2)");
    }
    return kind == Kind.POWER ? power(patterns, (int) parameter) : new ModernMemory(kind, patterns, parameter, 0);
  }

  @Override
  public int size() {
    return patterns[0].length;
  }

  /** Number of stored patterns K. */
  public int count() {
    return patterns.length;
  }

  /** The patterns as rows of reals, X of the softmax formulas. */
  public double[][] rows() {
    double[][] x = new double[patterns.length][];
    for (int mu = 0; mu < x.length; mu++) x[mu] = Patterns.state(patterns[mu]);
    return x;
  }

  /** The dense memory (power and exponential kinds). */
  public DenseAssociativeMemory dense() {
    return new DenseAssociativeMemory(patterns, interaction());
  }

  /** F of the power and exponential kinds: xⁿ or e^{βx}. */
  public Interaction interaction() {
    if (kind == Kind.SOFTMAX) throw new IllegalStateException("a softmax memory has no F(x)");
    return kind == Kind.POWER ? new Interaction.Power(power) : new Interaction.Exponential(beta);
  }

  /** The energy of {@code state}: the softmax energy, or −Σ_μ F(x_μ·σ). */
  public double energy(double[] state) {
    if (state.length != size()) throw new IllegalArgumentException("state of length " + state.length + " (expected N = " + size() + ")");
    return kind == Kind.SOFTMAX ? SoftmaxMemory.energy(rows(), beta, state) : dense().energy(state);
  }

  /** β for softmax and exponential, n for power: the one parameter of the kind. */
  public double parameter() {
    return kind == Kind.POWER ? power : beta;
  }

  @Override
  public RecallReport recall(RecallProbes probes, RecallSettings settings) {
    return ModernRecall.run(this, probes, settings);
  }

  /** Whether the arrays of a model file are those of a modern memory (it has {@code kind}). */
  public static boolean isModern(Map<String, NdArray> arrays) {
    return arrays.containsKey("kind");
  }

  /** Reads a modern memory file; every problem is a one-line error naming the file. */
  public static ModernMemory read(Path file) {
    return of(file, Npz.read(file));
  }

  static ModernMemory of(Path file, Map<String, NdArray> a) {
    try {
      Kind kind = Kind.ofCode(need(a, "kind", "0-d integer: 0 = softmax, 1 = power, 2 = exponential").asInt());
      NdArray p = need(a, "patterns", "K × N of ±1");
      if (p.rank() != 2 || p.dim(0) < 1 || p.dim(1) < 1) {
        throw new IllegalArgumentException("'patterns' has shape " + Arrays.toString(p.shape()) + " (expected K × N with K, N ≥ 1)");
      }
      int n = p.dim(1);
      int[] flat = p.toIntArray();
      int[][] xi = new int[p.dim(0)][];
      for (int mu = 0; mu < xi.length; mu++) xi[mu] = Arrays.copyOfRange(flat, mu * n, (mu + 1) * n);
      if (kind == Kind.POWER) return power(xi, need(a, "power", "0-d integer n ≥ 2 of F(x) = xⁿ").asInt());
      return new ModernMemory(kind, xi, need(a, "beta", "0-d float β > 0 of a " + kind + " memory").asDouble(), 0);
    } catch (IllegalArgumentException e) {
      throw new FormatException(file + ": " + e.getMessage());
    }
  }

  private static NdArray need(Map<String, NdArray> a, String name, String expected) {
    NdArray x = a.get(name);
    if (x == null) throw new IllegalArgumentException("array '" + name + "' missing (expected " + expected + ")");
    return x;
  }

  /** The arrays of the file. */
  public Map<String, NdArray> arrays() {
    int n = size();
    int[] flat = new int[patterns.length * n];
    for (int mu = 0; mu < patterns.length; mu++) System.arraycopy(patterns[mu], 0, flat, mu * n, n);
    Map<String, NdArray> out = new LinkedHashMap<>();
    out.put("patterns", NdArray.ofInt(flat, patterns.length, n));
    out.put("kind", NdArray.scalarInt(kind.code));
    if (kind == Kind.POWER) out.put("power", NdArray.scalarInt(power));
    else out.put("beta", NdArray.scalar(beta));
    return out;
  }

  /** Writes the file atomically; an existing one is replaced only if {@code force}. */
  public void write(Path file, boolean force) {
    Npz.write(file, arrays(), force);
  }

  @Override
  public String toString() {
    return kind + " memory of " + count() + " patterns of " + size() + " units, " + (kind == Kind.POWER ? "n = " + power : "β = " + beta);
  }
}
