package io.glauber.io;

import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Couplings;
import io.glauber.model.DenseCouplings;
import io.glauber.model.Model;
import io.glauber.model.Rbm;
import io.glauber.model.SparseCouplings;
import io.glauber.model.Units;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Models as NumPy {@code .npz} files, exactly as DESIGN.md specifies, so they move freely between
 * this project and Python tools.
 *
 * <ul>
 *   <li>RBM: {@code W} (n_visible × n_hidden), {@code vbias}, {@code hbias}.
 *   <li>BM and Hopfield: {@code W} (n × n, symmetric, zero diagonal) or, for sparse graphs,
 *       {@code edges} (m × 2, i &lt; j) and {@code weights} (m); {@code bias} (n); {@code n_visible}
 *       and {@code spin} (0-d integers).
 *   <li>Optional: {@code temperature} (0-d float; 1 when absent). Unknown arrays are ignored.
 * </ul>
 */
public final class ModelFiles {
  private ModelFiles() {}

  /** Reads an RBM or a Boltzmann machine; errors name the file and the problem. */
  public static Model read(Path path) {
    Map<String, NdArray> a = Npz.read(path);
    try {
      if (a.containsKey("vbias") || a.containsKey("hbias")) return rbm(a);
      if (a.containsKey("bias")) return machine(a);
    } catch (IllegalArgumentException e) {
      throw new FormatException(path + ": " + e.getMessage());
    }
    throw new FormatException(path + ": not a model file: arrays " + a.keySet()
        + " (expected W, vbias, hbias for an RBM or W|edges+weights, bias, n_visible, spin for a BM)");
  }

  /** Reads a file that must hold an RBM. */
  public static Rbm readRbm(Path path) {
    if (read(path) instanceof Rbm r) return r;
    throw new FormatException(path + ": holds a Boltzmann machine (expected an RBM: W, vbias, hbias)");
  }

  /** Reads a file that must hold a general Boltzmann machine or Hopfield network. */
  public static BoltzmannMachine readMachine(Path path) {
    if (read(path) instanceof BoltzmannMachine m) return m;
    throw new FormatException(path + ": holds an RBM (expected a Boltzmann machine: W, bias, n_visible, spin)");
  }

  /** Writes any model atomically; refuses to replace an existing file unless {@code force}. */
  public static void write(Path path, Model model, boolean force) {
    Npz.write(path, arrays(model), force);
  }

  /**
   * After a run failed (a member lost, a phase timed out): writes its last consistent model, the one
   * after {@code point} (e.g. "cycle 3", "epoch 7"), and returns the error to throw, whose one-line
   * message is the failure's followed by {@code "; saved the last consistent model (POINT) to FILE"}
   * — or, when the model cannot be written, {@code "; could not save the last consistent model
   * (POINT): WHY"}.
   */
  public static IllegalStateException savedAfter(RuntimeException failure, Path path, Model model, String point, boolean force) {
    try {
      write(path, model, force);
    } catch (RuntimeException w) {
      return new IllegalStateException(failure.getMessage() + "; could not save the last consistent model (" + point + "): " + w.getMessage(), failure);
    }
    return new IllegalStateException(failure.getMessage() + "; saved the last consistent model (" + point + ") to " + path, failure);
  }

  /**
   * Writes a model with extra arrays beside it (e.g. a Hopfield network's stored {@code patterns}),
   * which readers of the model format ignore.
   */
  public static void write(Path path, Model model, Map<String, NdArray> extra, boolean force) {
    Map<String, NdArray> all = arrays(model);
    extra.forEach((k, v) -> {
      if (all.containsKey(k)) throw new IllegalArgumentException("extra array '" + k + "' would replace a model array");
      all.put(k, v);
    });
    Npz.write(path, all, force);
  }

  /** The arrays that represent a model. */
  public static Map<String, NdArray> arrays(Model model) {
    Map<String, NdArray> out = new LinkedHashMap<>();
    if (model instanceof Rbm r) {
      out.put("W", NdArray.of(r.w(), r.nVisible(), r.nHidden()));
      out.put("vbias", NdArray.of(r.visibleBias()));
      out.put("hbias", NdArray.of(r.hiddenBias()));
    } else if (model instanceof BoltzmannMachine m) {
      Couplings c = m.couplings();
      if (c instanceof DenseCouplings d) {
        out.put("W", NdArray.of(d.matrix(), m.size(), m.size()));
      } else {
        int[] e = c.pairs();
        out.put("edges", NdArray.ofInt(e, e.length / 2, 2).withDType(DType.INT64));
        out.put("weights", NdArray.of(c.pairWeights()));
      }
      out.put("bias", NdArray.of(m.bias()));
      out.put("n_visible", NdArray.scalarInt(m.nVisible()));
      out.put("spin", NdArray.scalarInt(m.units().code()));
    }
    out.put("temperature", NdArray.scalar(model.temperature()));
    return out;
  }

  private static Rbm rbm(Map<String, NdArray> a) {
    NdArray w = need(a, "W");
    if (w.rank() != 2) throw new IllegalArgumentException("W has shape " + shape(w) + " (expected n_visible × n_hidden)");
    return new Rbm(w.dim(0), w.dim(1), w.data(), vector(a, "vbias"), vector(a, "hbias"), temperature(a));
  }

  private static BoltzmannMachine machine(Map<String, NdArray> a) {
    double[] bias = vector(a, "bias");
    int n = bias.length;
    Couplings c;
    if (a.containsKey("W")) {
      NdArray w = a.get("W");
      if (w.rank() != 2 || w.dim(0) != n || w.dim(1) != n) {
        throw new IllegalArgumentException("W has shape " + shape(w) + " (expected " + n + " × " + n + " to match bias)");
      }
      c = new DenseCouplings(n, w.data());
    } else {
      NdArray e = need(a, "edges");
      if (e.rank() != 2 || e.dim(1) != 2) throw new IllegalArgumentException("edges has shape " + shape(e) + " (expected m × 2)");
      c = new SparseCouplings(n, e.toIntArray(), vector(a, "weights"));
    }
    int nVisible = a.containsKey("n_visible") ? a.get("n_visible").asInt() : n;
    Units units = a.containsKey("spin") ? Units.ofCode(a.get("spin").asInt()) : Units.BINARY;
    return new BoltzmannMachine(units, c, bias, nVisible, temperature(a));
  }

  private static double temperature(Map<String, NdArray> a) {
    return a.containsKey("temperature") ? a.get("temperature").asDouble() : 1.0;
  }

  private static NdArray need(Map<String, NdArray> a, String name) {
    NdArray x = a.get(name);
    if (x == null) throw new IllegalArgumentException("array '" + name + "' missing");
    return x;
  }

  private static double[] vector(Map<String, NdArray> a, String name) {
    NdArray x = need(a, name);
    if (x.rank() != 1) throw new IllegalArgumentException(name + " has shape " + shape(x) + " (expected a vector)");
    return x.data();
  }

  private static String shape(NdArray x) {
    return java.util.Arrays.toString(x.shape());
  }
}
