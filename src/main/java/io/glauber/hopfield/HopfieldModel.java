package io.glauber.hopfield;

import io.glauber.io.FormatException;
import io.glauber.io.ModelFiles;
import io.glauber.io.NdArray;
import io.glauber.io.Npz;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Units;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * A Hopfield network with the patterns it stores, as one model file: the Boltzmann-machine arrays
 * of docs/FORMATS.md plus {@code patterns} (p × N of ±1), which recall scores against.
 *
 * @param network spin units and no hidden units
 * @param patterns the stored patterns ξ^μ, or null when they are not known
 */
public record HopfieldModel(BoltzmannMachine network, int[][] patterns) implements AssociativeMemory {

  public HopfieldModel {
    if (network.units() != Units.SPIN || network.nHidden() != 0) {
      throw new IllegalArgumentException("not a Hopfield network (expected spin units and no hidden units)");
    }
    if (patterns != null && Patterns.validate(patterns) != network.size()) {
      throw new IllegalArgumentException("patterns of " + patterns[0].length + " units (expected N = " + network.size() + ")");
    }
  }

  @Override
  public int size() {
    return network.size();
  }

  @Override
  public RecallReport recall(RecallProbes probes, RecallSettings settings) {
    return RecallRun.run(this, probes, settings);
  }

  /** Reads a model file; {@code patterns} is null when the file has no such array. */
  public static HopfieldModel read(Path file) {
    BoltzmannMachine net = ModelFiles.readMachine(file);
    if (net.units() != Units.SPIN || net.nHidden() != 0) {
      throw new IllegalArgumentException(file + ": not a Hopfield network (expected spin units and no hidden units)");
    }
    NdArray a = Npz.read(file).get("patterns");
    if (a == null) return new HopfieldModel(net, null);
    int n = net.size();
    if (a.rank() != 2 || a.dim(1) != n) {
      throw new FormatException(file + ": 'patterns' has shape " + Arrays.toString(a.shape()) + " (expected p × " + n + ")");
    }
    int[] flat = a.toIntArray();
    int[][] xi = new int[a.dim(0)][];
    for (int mu = 0; mu < xi.length; mu++) xi[mu] = Arrays.copyOfRange(flat, mu * n, (mu + 1) * n);
    return new HopfieldModel(net, xi);
  }

  /** Writes the network and, when known, its patterns (an existing file is replaced only if {@code force}). */
  public void write(Path file, boolean force) {
    if (patterns == null) {
      ModelFiles.write(file, network, force);
      return;
    }
    int n = network.size();
    int[] flat = new int[patterns.length * n];
    for (int mu = 0; mu < patterns.length; mu++) System.arraycopy(patterns[mu], 0, flat, mu * n, n);
    ModelFiles.write(file, network, Map.of("patterns", NdArray.ofInt(flat, patterns.length, n)), force);
  }
}
