package io.glauber.kernel;

/**
 * Block Gibbs sampling of an RBM over a batch of rows, in float32, on a {@link Team} of threads:
 * the products go through {@link Blas#gemm} (the BLAS library's threads), the elementwise σ and the
 * Bernoulli draws are split by rows across the team, each part with its own {@link Rng}.
 *
 * <pre>
 *   hidden:  P_H ← σ(s·(V·W) + c_h)      H ~ Bernoulli(P_H)
 *   visible: P_V ← σ(s·(H·Wᵀ) + c_v)     V ~ Bernoulli(P_V)
 * </pre>
 *
 * with s = β = 1/T and c = β·bias for the ordinary conditional of {@link io.glauber.model.Rbm}
 * (p(h_j=1|v) = σ((b_j + Σ_i v_i W_ij)/T)); other (s, c) serve annealed and tempered chains. Row-major
 * layouts: V batch×nv, H batch×nh, W nv×nh. Nothing is allocated per call.
 *
 * <p>Random streams are reseeded per step from (seed, step, part) with {@link #reseed}, so that a
 * run can be resumed from a checkpoint and repeated exactly, whatever the thread timing.
 */
public final class BatchGibbs implements AutoCloseable {
  /** Passes over fewer entries than this run on the calling thread alone. */
  static final int INLINE_BELOW = 16_384;

  private final Team team;
  private final Rng[] rngs;
  private final boolean ownTeam;

  // the arguments of the pending elementwise pass, read by the team's body
  private float[] pX;
  private float[] pSample;
  private float[] pC;
  private float pS;
  private int pCols;
  private final Team.Body body = this::elementwise;

  /** A sampler on its own team of up to two threads (the machine's cores). */
  public BatchGibbs() {
    this(Team.ofCores(2), true);
  }

  /** A sampler on a given team (not closed by {@link #close}). */
  public BatchGibbs(Team team) {
    this(team, false);
  }

  private BatchGibbs(Team team, boolean own) {
    this.team = team;
    this.ownTeam = own;
    this.rngs = new Rng[team.size()];
    for (int i = 0; i < rngs.length; i++) rngs[i] = new Rng(i);
  }

  /** The number of threads of the elementwise passes. */
  public int threads() {
    return team.size();
  }

  /** Restarts every part's random stream at the state derived from (seed, step, part). */
  public void reseed(long seed, long step) {
    for (int i = 0; i < rngs.length; i++) rngs[i].setState(Rng.derive(seed, step, i));
  }

  /** P_H (rows×nh) ← σ(s·V·W + c); and H ← Bernoulli(P_H) when {@code h} is not null. */
  public void hidden(float[] v, int rows, float[] w, int nv, int nh, float s, float[] c, float[] ph, float[] h) {
    Blas.gemm(false, false, rows, nh, nv, 1f, v, w, 0f, ph);
    pass(ph, h, c, s, rows, nh);
  }

  /** P_V (rows×nv) ← σ(s·H·Wᵀ + c); and V ← Bernoulli(P_V) when {@code v} is not null. */
  public void visible(float[] h, int rows, float[] w, int nv, int nh, float s, float[] c, float[] pv, float[] v) {
    Blas.gemm(false, true, rows, nv, nh, 1f, h, w, 0f, pv);
    pass(pv, v, c, s, rows, nv);
  }

  /** Bernoulli draws out ← [u &lt; p] over rows×cols entries, split across the team. */
  public void sample(float[] p, int rows, int cols, float[] out) {
    pass(p, out, null, 0f, rows, cols);
  }

  private void pass(float[] x, float[] sample, float[] c, float s, int rows, int cols) {
    pX = x;
    pSample = sample;
    pC = c;
    pS = s;
    pCols = cols;
    if ((long) rows * cols < INLINE_BELOW) {
      elementwise(0, rows, 0); // waking a helper costs more than the work
    } else {
      team.run(rows, body);
    }
  }

  private void elementwise(int from, int to, int part) {
    float[] x = pX;
    float[] c = pC;
    int cols = pCols;
    if (c != null) {
      for (int r = from; r < to; r++) FastMath.sigmoidAffine(x, r * cols, cols, pS, c);
    }
    if (pSample != null) rngs[part].bernoulli(x, from * cols, to * cols, pSample);
  }

  /** The generator of part {@code part} (for draws outside the team, e.g. swap moves). */
  public Rng rng(int part) {
    return rngs[part];
  }

  @Override
  public void close() {
    if (ownTeam) team.close();
  }
}
