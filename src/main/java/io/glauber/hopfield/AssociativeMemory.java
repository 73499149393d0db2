package io.glauber.hopfield;

import io.glauber.io.Npz;
import java.nio.file.Path;

/**
 * What {@code glauber recall} needs of a stored memory, classic ({@link HopfieldModel}) or modern
 * ({@link ModernMemory}): its size, its stored patterns and a recall run.
 */
public sealed interface AssociativeMemory permits HopfieldModel, ModernMemory {

  /** Number of units N. */
  int size();

  /** The stored ±1 patterns, or null when the file does not hold them. */
  int[][] patterns();

  /** The update a recall uses unless told otherwise: sync for a softmax memory, async for the others. */
  default RecallSettings.Update naturalUpdate() {
    return this instanceof ModernMemory m && m.kind() == ModernMemory.Kind.SOFTMAX ? RecallSettings.Update.SYNC : RecallSettings.Update.ASYNC;
  }

  /** Relaxes every probe and scores it against the stored patterns. */
  RecallReport recall(RecallProbes probes, RecallSettings settings);

  /** Reads a model file: a modern memory when it has a {@code kind} array, else a Hopfield network. */
  static AssociativeMemory read(Path file) {
    var arrays = Npz.read(file);
    return ModernMemory.isModern(arrays) ? ModernMemory.of(file, arrays) : HopfieldModel.read(file);
  }
}
