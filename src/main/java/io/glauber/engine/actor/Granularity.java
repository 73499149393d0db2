package io.glauber.engine.actor;

/**
 * How many units one actor of the actor engine owns: one ({@link Kind#NEURON}, a neuron actor per
 * unit), a block of about {@code patchSize} units ({@link Kind#PATCH}, patch actors: a patch of a
 * lattice or a part of a sparse or dense graph, cut by {@link Partition}), or a whole layer of an
 * RBM ({@link Kind#LAYER}, the layer actors of block Gibbs).
 *
 * @param kind the granularity
 * @param patchSize units per patch (≥ 1; only patch actors use it)
 */
public record Granularity(Kind kind, int patchSize) {

  /** The three granularities. */
  public enum Kind { NEURON, PATCH, LAYER }

  /** Units per patch when none is given: small enough for many patches per core, large enough that a turn's fixed cost is spread. */
  public static final int DEFAULT_PATCH_SIZE = 1024;

  /** One neuron actor per unit. */
  public static final Granularity NEURON = new Granularity(Kind.NEURON, 1);

  public Granularity {
    if (kind == null) throw new IllegalArgumentException("granularity missing (expected neuron, patch or layer)");
    if (patchSize < 1) throw new IllegalArgumentException("patch size " + patchSize + " (expected ≥ 1 unit)");
  }

  /** Patch actors of about {@code size} units each. */
  public static Granularity patches(int size) {
    return new Granularity(Kind.PATCH, size);
  }

  /** Parses "neuron", "patch" or "layer" (case-insensitive), with the patch size for patches. */
  public static Granularity parse(String text, int patchSize) {
    for (Kind k : Kind.values()) {
      if (k.name().equalsIgnoreCase(text.trim())) return new Granularity(k, k == Kind.PATCH ? patchSize : 1);
    }
    throw new IllegalArgumentException("granularity '" + text + "' (expected neuron, patch or layer)");
  }

  /**
   * Refuses a mode these actors do not run. Every granularity runs every mode now (exclusive mode
   * on patch actors: {@code engine.actor.neuron.Patch}, samples and counts); kept as the one place
   * the samplers and the cluster ask.
   */
  public void requireSupports(Mode mode) {
    if (mode == null) throw new IllegalArgumentException("mode missing (expected exact, exclusive or async)");
  }

  /**
   * Refuses a mode whose actors cannot be loaded with new states between runs (phases, recall's
   * restarts): exclusive patch actors run samples only, since boundary values riding with their
   * forks would race a load.
   */
  public void requireLoads(Mode mode) {
    requireSupports(mode);
    if (kind == Kind.PATCH && mode == Mode.EXCLUSIVE) {
      throw new IllegalArgumentException("mode exclusive on patch actors for phases or recall (expected exact or async; exclusive patch actors sample only)");
    }
  }

  /** Whether this is patch actors. */
  public boolean patch() {
    return kind == Kind.PATCH;
  }
}
