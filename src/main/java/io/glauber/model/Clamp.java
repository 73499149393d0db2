package io.glauber.model;

import java.util.Arrays;

/**
 * Visible units held fixed (clamped) while the rest of a model is sampled: conditional generation
 * and classification by clamping (seed 002, "How does a BM work?").
 *
 * <p>Clamping unit j at s_j adds w_ij s_j to the local field of every neighbour i for good, and the
 * clamped terms of E(s) that involve no free unit are a constant, so the free units follow the
 * Boltzmann distribution of a smaller machine on the free units alone, with biases
 * b'_i = b_i + Σ_{j clamped} w_ij s_j and the same couplings among the free units:
 * p(s_free | s_clamped) = e^{−E'(s_free)/T} / Z'. {@link #reduce(Model)} builds that machine (for
 * an RBM the hidden biases take the clamped visible units' input, b'_j = b_j + Σ_{i clamped}
 * v_i W_ij), so every engine samples the conditional with its ordinary sampler, and
 * {@link #fill(int[])} puts the clamped values back into each sample.
 *
 * @param values one entry per visible unit: 0 (off: the units' low value), 1 (on) or −1 (free)
 */
public record Clamp(int[] values) {

  /** Validates the entries. */
  public Clamp {
    values = values.clone();
    for (int i = 0; i < values.length; i++) {
      if (values[i] < -1 || values[i] > 1) {
        throw new IllegalArgumentException("clamp value " + values[i] + " at unit " + i + " (expected 0, 1 or -1 for free)");
      }
    }
  }

  /**
   * Parses a clamp spec over {@code n} visible units. Two forms:
   * <ul>
   * <li>one character per visible unit: 0 or 1 clamps it, '-' or '.' leaves it free, e.g.
   *     {@code 0101----};</li>
   * <li>comma-separated items {@code I=B} or {@code I-J=BITS} (units I..J inclusive, 0-based), BITS
   *     either one 0/1 per unit of the range or a single 0/1 for all of them; unnamed units are free,
   *     e.g. {@code 196-205=0001000000} or {@code 0-97=0,98=1}.</li>
   * </ul>
   *
   * @throws IllegalArgumentException naming the bad item, e.g. a unit outside 0..n−1
   */
  public static Clamp parse(String spec, int n) {
    int[] c = new int[n];
    Arrays.fill(c, -1);
    if (!spec.contains("=")) {
      if (spec.length() != n) {
        throw new IllegalArgumentException("--clamp has " + spec.length() + " characters (expected one per visible unit: " + n
            + ", or items I-J=BITS)");
      }
      for (int i = 0; i < n; i++) c[i] = bit(spec.charAt(i), true, spec);
      return new Clamp(c);
    }
    for (String item : spec.split(",", -1)) {
      int eq = item.indexOf('=');
      String range = eq < 0 ? item : item.substring(0, eq);
      String bits = eq < 0 ? "" : item.substring(eq + 1).strip();
      int dash = range.indexOf('-');
      int from = unit(dash < 0 ? range : range.substring(0, dash), n, item);
      int to = dash < 0 ? from : unit(range.substring(dash + 1), n, item);
      if (eq < 0 || to < from || (bits.length() != 1 && bits.length() != to - from + 1)) {
        throw new IllegalArgumentException("--clamp item '" + item + "' (expected I=B or I-J=BITS with I ≤ J and one bit, or one per unit)");
      }
      for (int i = from; i <= to; i++) c[i] = bit(bits.charAt(bits.length() == 1 ? 0 : i - from), false, item);
    }
    return new Clamp(c);
  }

  /** The label units of a model with C label units last (n − C … n − 1) clamped to the one-hot code of {@code label}. */
  public static Clamp label(int label, int classes, int n) {
    if (classes < 1 || classes > n) throw new IllegalArgumentException("--classes " + classes + " (expected 1.." + n + " label units)");
    if (label < 0 || label >= classes) throw new IllegalArgumentException("--label " + label + " (expected 0.." + (classes - 1) + ")");
    int[] c = new int[n];
    Arrays.fill(c, -1);
    for (int k = 0; k < classes; k++) c[n - classes + k] = k == label ? 1 : 0;
    return new Clamp(c);
  }

  /**
   * The clamp of the command line: {@code spec} ({@link #parse}) and/or the label units of
   * {@code label} ({@link #label}) over n visible units; null when neither is given.
   */
  public static Clamp of(String spec, Integer label, int classes, int n) {
    Clamp c = spec == null ? null : parse(spec, n);
    if (label == null) return c;
    Clamp l = label(label, classes, n);
    return c == null ? l : c.and(l);
  }

  /** Both clamps at once; a unit clamped by both to different values is an error. */
  public Clamp and(Clamp other) {
    if (other.values.length != values.length) throw new IllegalArgumentException("clamps over " + values.length + " and " + other.values.length + " units");
    int[] c = values.clone();
    for (int i = 0; i < c.length; i++) {
      if (other.values[i] < 0) continue;
      if (c[i] >= 0 && c[i] != other.values[i]) throw new IllegalArgumentException("unit " + i + " clamped to both 0 and 1");
      c[i] = other.values[i];
    }
    return new Clamp(c);
  }

  /** Number of free visible units. */
  public int free() {
    int f = 0;
    for (int v : values) if (v < 0) f++;
    return f;
  }

  /** The machine of the free units (class comment); an RBM stays an RBM. */
  public Model reduce(Model m) {
    if (m.nVisible() != values.length) {
      throw new IllegalArgumentException("clamp over " + values.length + " units for a model of " + m.nVisible() + " visible units");
    }
    return m instanceof Rbm r ? reduce(r) : reduce((BoltzmannMachine) m);
  }

  private Rbm reduce(Rbm r) {
    int nf = free();
    if (nf == 0) throw new IllegalArgumentException("--clamp leaves no visible unit free (expected at least one '-')");
    int nh = r.nHidden();
    double[] w = new double[nf * nh];
    double[] a = new double[nf];
    double[] b = r.hiddenBias().clone();
    for (int i = 0, k = 0; i < values.length; i++) {
      if (values[i] < 0) {
        a[k] = r.visibleBias()[i];
        System.arraycopy(r.w(), i * nh, w, k * nh, nh);
        k++;
      } else if (values[i] == 1) {
        for (int j = 0; j < nh; j++) b[j] += r.w()[i * nh + j];
      }
    }
    return new Rbm(nf, nh, w, a, b, r.temperature());
  }

  private BoltzmannMachine reduce(BoltzmannMachine m) {
    int n = m.size();
    int[] index = new int[n]; // old unit → new unit, −1 when clamped
    double[] s = new double[n];
    int nf = 0;
    for (int i = 0; i < n; i++) {
      boolean clamped = i < values.length && values[i] >= 0;
      index[i] = clamped ? -1 : nf++;
      if (clamped) s[i] = m.units().value(values[i] == 1);
    }
    double[] bias = new double[nf];
    for (int i = 0; i < n; i++) if (index[i] >= 0) bias[index[i]] = m.bias()[i];
    int[] pairs = m.couplings().pairs();
    double[] pw = m.couplings().pairWeights();
    int[] edges = new int[pairs.length];
    double[] weights = new double[pw.length];
    int kept = 0;
    for (int p = 0; p < pw.length; p++) {
      int i = pairs[2 * p], j = pairs[2 * p + 1];
      if (index[i] >= 0 && index[j] >= 0) {
        edges[2 * kept] = Math.min(index[i], index[j]);
        edges[2 * kept + 1] = Math.max(index[i], index[j]);
        weights[kept++] = pw[p];
      } else if (index[i] >= 0) {
        bias[index[i]] += pw[p] * s[j];
      } else if (index[j] >= 0) {
        bias[index[j]] += pw[p] * s[i];
      }
    }
    if (nf == 0) throw new IllegalArgumentException("--clamp leaves no unit free");
    Couplings c;
    if (m.couplings() instanceof DenseCouplings) {
      double[] w = new double[nf * nf];
      for (int p = 0; p < kept; p++) {
        w[edges[2 * p] * nf + edges[2 * p + 1]] = weights[p];
        w[edges[2 * p + 1] * nf + edges[2 * p]] = weights[p];
      }
      c = new DenseCouplings(nf, w);
    } else {
      c = new SparseCouplings(nf, Arrays.copyOf(edges, 2 * kept), Arrays.copyOf(weights, kept));
    }
    return new BoltzmannMachine(m.units(), c, bias, nf - m.nHidden(), m.temperature());
  }

  /**
   * The visible state of the full model from a visible state of the reduced one: the clamped units'
   * values (0/1, or the low/high value of {@code units}) and the free ones in order.
   */
  public int[] fill(int[] freeState, Units units) {
    int[] out = new int[values.length];
    for (int i = 0, k = 0; i < values.length; i++) {
      out[i] = values[i] < 0 ? freeState[k++] : (int) units.value(values[i] == 1);
    }
    return out;
  }

  /** {@link #fill(int[], Units)} with the units of {@code m}: a visible sample of the reduced model → one of {@code m}. */
  public java.util.function.UnaryOperator<int[]> filler(Model m) {
    Units u = m instanceof BoltzmannMachine b ? b.units() : Units.BINARY;
    return s -> fill(s, u);
  }

  /** {@link #fill(int[], Units)} for binary units. */
  public int[] fill(int[] freeState) {
    return fill(freeState, Units.BINARY);
  }

  private static int bit(char ch, boolean freeAllowed, String where) {
    return switch (ch) {
      case '0' -> 0;
      case '1' -> 1;
      case '-', '.' -> {
        if (freeAllowed) yield -1;
        throw new IllegalArgumentException("--clamp '" + where + "': character '" + ch + "' (expected 0 or 1)");
      }
      default -> throw new IllegalArgumentException("--clamp '" + where + "': character '" + ch + "' (expected 0, 1" + (freeAllowed ? " or -" : "") + ")");
    };
  }

  private static int unit(String text, int n, String item) {
    int i;
    try {
      i = Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--clamp item '" + item + "': unit '" + text + "' (expected an integer)");
    }
    if (i < 0 || i >= n) {
      throw new IllegalArgumentException("--clamp names unit " + i + " but the model has " + n + " visible units (0.." + (n - 1) + ")");
    }
    return i;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Clamp c && Arrays.equals(c.values, values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "Clamp" + Arrays.toString(values);
  }
}
