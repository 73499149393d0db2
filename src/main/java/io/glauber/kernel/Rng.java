package io.glauber.kernel;

import io.glauber.model.Gaussian;
import java.util.random.RandomGenerator;

/**
 * A seedable generator whose whole state is one {@code long}, so that it can be saved in a
 * checkpoint and derived deterministically from (seed, step, stream) — unlike
 * {@link java.util.SplittableRandom}, whose state cannot be read back.
 *
 * <p>The generator is SplitMix64 (Steele, Lea &amp; Flood 2014, the algorithm behind
 * SplittableRandom): state ← state + γ with γ = 0x9E3779B97F4A7C15, output = mix64(state). Streams
 * for different (seed, step, stream) triples start from {@link #derive}, a mix of the three, and
 * are statistically independent for all practical purposes. Not thread-safe: one per thread.
 */
public final class Rng implements RandomGenerator {
  private static final long GAMMA = 0x9E3779B97F4A7C15L;
  private long state;
  // xoshiro128+ states of the SIMD lanes (4 words × lanes), seeded from the scalar stream on first use
  final int[] lanes = new int[4 * 16];
  boolean lanesSeeded;

  /** A generator starting from {@code state}. */
  public Rng(long state) {
    this.state = state;
  }

  /** The state, for checkpoints. */
  public long state() {
    return state;
  }

  /** Sets the state (restoring a checkpoint or starting a derived stream). */
  public void setState(long s) {
    state = s;
    lanesSeeded = false;
  }

  /** The starting state of stream {@code stream} at step {@code step} of a run seeded with {@code seed}. */
  public static long derive(long seed, long step, long stream) {
    long z = mix64(seed ^ 0x5851F42D4C957F2DL);
    z = mix64(z + step * GAMMA);
    return mix64(z ^ (stream + 1) * 0xD1B54A32D192ED03L);
  }

  /** David Stafford's variant 13 of the MurmurHash3 finaliser, as in SplittableRandom. */
  public static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** 64 random bits. */
  @Override
  public long nextLong() {
    return mix64(state += GAMMA);
  }

  /** Uniform in [0, 1) with 53 random bits. */
  @Override
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform integer in [0, n): the top 31 bits of a draw, multiplied by n and shifted down. */
  @Override
  public int nextInt(int n) {
    return (int) (((nextLong() >>> 33) * n) >>> 31);
  }

  /** A standard normal deviate: {@link Gaussian#standard} (Box–Muller) on this stream. */
  @Override
  public double nextGaussian() {
    return Gaussian.standard(this);
  }

  /** Draws of at least this many take the vector path ({@link #bernoulli}). */
  static final int VECTOR_FROM = 64;

  /**
   * The xoshiro128+ lane states (4 words × lanes, word-major), seeded from this stream on first use:
   * for kernels that fuse the draws into their own vector loop and must consume the lanes exactly as
   * {@link #bernoulli} does.
   */
  int[] seededLanes() {
    if (!lanesSeeded) {
      for (int i = 0; i < lanes.length; i += 2) {
        long r = nextLong();
        lanes[i] = (int) r | 1; // xoshiro's state must not be all zero
        lanes[i + 1] = (int) (r >>> 32);
      }
      lanesSeeded = true;
    }
    return lanes;
  }

  /**
   * Bernoulli samples out[k] ← [u_k &lt; p[k]] for k ∈ [from, to), with 24-bit uniforms u_k, which
   * resolve p to 2⁻²⁴ — the resolution of a float in [0.5, 1). With the Vector API (and at least
   * {@value #VECTOR_FROM} draws) the uniforms come
   * from xoshiro128+ (Blackman &amp; Vigna 2018) run in every SIMD lane, the lanes seeded from this
   * generator's stream; otherwise two per 64-bit SplitMix64 draw. Either way the draws depend only
   * on the state set by {@link #setState}.
   */
  public void bernoulli(float[] p, int from, int to, float[] out) {
    int k = from;
    if (FastMath.VECTOR && to - from >= VECTOR_FROM) k = VectorMath.bernoulli(seededLanes(), p, from, to, out);
    for (; k + 1 < to; k += 2) {
      long r = nextLong();
      out[k] = (r >>> 40) * 0x1.0p-24f < p[k] ? 1f : 0f;
      out[k + 1] = ((r >>> 8) & 0xFFFFFF) * 0x1.0p-24f < p[k + 1] ? 1f : 0f;
    }
    if (k < to) out[k] = (nextLong() >>> 40) * 0x1.0p-24f < p[k] ? 1f : 0f;
  }
}
