package io.glauber.kernel;

/**
 * Block Gibbs sampling of an RBM over a batch of rows, in float32, on a {@link Team} of threads:
 * the rows are split across the team, each part with its own {@link Rng}; each part computes the
 * product for its rows (one single-threaded {@link Blas#gemm} per core, when the native library runs
 * on one thread: {@link Blas#libraryThreads()}) and goes straight on to σ and the Bernoulli draws of
 * the same rows, still in its cache, with no barrier between. When the library is multi-threaded,
 * the product is one call on the library's threads and only the elementwise work is split.
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
 * run can be resumed from a checkpoint and repeated exactly, whatever the thread timing. With
 * {@link #reseedRows} instead, the draws of every row come from a stream of its own, derived from
 * (seed, step, pass, the row's key): they no longer depend on which part, thread or machine
 * computes the row, nor on which other rows share the pass — what data-parallel training needs to
 * split a step's rows over shards and still draw exactly what one process draws.
 */
public final class BatchGibbs implements AutoCloseable {
  /** Passes over fewer entries than this run on the calling thread alone. */
  static final int INLINE_BELOW = 16_384;
  /** Products of fewer multiply-adds than this run as one call. */
  static final long SPLIT_PRODUCT_ABOVE = 1L << 20;
  /** Whether products are split over the team (the native library runs each on one thread). */
  static final boolean SPLIT_PRODUCTS = Blas.libraryThreads() == 1;

  private final Team team;
  private final Rng[] rngs;
  private final boolean ownTeam;
  // per-row streams (reseedRows): the keys of the rows, the step's base state and the passes drawn so far
  private RowKeys rowKeys;
  private long rowBase;
  private int passes;
  private int pRows;

  // the arguments of the pending elementwise pass, read by the team's body
  private float[] pX;
  private float[] pSample;
  private float[] pC;
  private float pS;
  private int pCols;
  private final Team.Body body = this::elementwise;
  // the pending product X ← A·op(W) of a fused pass: A rows×k, W k×cols (or cols×k when transposed)
  private float[] pA;
  private float[] pW;
  private int pK;
  private boolean pTransW;
  private boolean pInline;
  private final Team.Body fused = this::productThenElementwise;

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

  /** The team the passes run on (for other row-split work of the same step). */
  public Team team() {
    return team;
  }

  /**
   * Whether a product of {@code multiplyAdds} should be split into row blocks across the team, one
   * single-threaded BLAS call per part (the library runs on one thread and the product is large).
   */
  public boolean splitsProduct(long multiplyAdds) {
    return SPLIT_PRODUCTS && team.size() > 1 && multiplyAdds >= SPLIT_PRODUCT_ABOVE;
  }

  /** The number of threads of the elementwise passes. */
  public int threads() {
    return team.size();
  }

  /** Restarts every part's random stream at the state derived from (seed, step, part). */
  public void reseed(long seed, long step) {
    rowKeys = null;
    for (int i = 0; i < rngs.length; i++) rngs[i].setState(Rng.derive(seed, step, i));
  }

  /**
   * The key of a row of a pass, which names the row's random stream: rows with the same key in the
   * same pass of a step draw the same numbers, wherever they are computed.
   */
  @FunctionalInterface
  public interface RowKeys {
    /** The key of row {@code row} of a pass over {@code rows} rows. */
    long key(int rows, int row);
  }

  /**
   * Per-row streams from here until the next reseed: the draws of row r in the p-th drawing pass
   * (p = 0, 1, … counted from this call) start at {@link Rng#derive}(derive(seed, step, p), key, 0),
   * key = {@code keys.key(rows, r)}.
   */
  public void reseedRows(long seed, long step, RowKeys keys) {
    rowKeys = keys;
    rowBase = Rng.derive(seed, step, ROW_STREAMS);
    passes = 0;
  }

  /** Marks the stream family of per-row passes apart from the per-part ones. */
  private static final long ROW_STREAMS = -2;

  /**
   * A generator for draws of row {@code row} (of {@code rows}) outside the passes (e.g. the swap
   * moves of tempered chains), on a stream apart from the row's pass draws: under per-row streams
   * it starts at derive(derive(seed, step, p), key, 1) for the next pass index p, else it is part
   * 0's stream, continued.
   */
  public Rng rowStream(int rows, int row) {
    if (rowKeys == null) return rngs[0];
    rngs[0].setState(Rng.derive(Rng.derive(rowBase, passes, 0), rowKeys.key(rows, row), 1));
    return rngs[0];
  }

  /** P_H (rows×nh) ← σ(s·V·W + c); and H ← Bernoulli(P_H) when {@code h} is not null. */
  public void hidden(float[] v, int rows, float[] w, int nv, int nh, float s, float[] c, float[] ph, float[] h) {
    conditional(v, rows, nv, w, false, nh, s, c, ph, h);
  }

  /** P_V (rows×nv) ← σ(s·H·Wᵀ + c); and V ← Bernoulli(P_V) when {@code v} is not null. */
  public void visible(float[] h, int rows, float[] w, int nv, int nh, float s, float[] c, float[] pv, float[] v) {
    conditional(h, rows, nh, w, true, nv, s, c, pv, v);
  }

  /** X (rows×cols) ← σ(s·A·op(W) + c), A rows×k; and a Bernoulli sample of X when asked. */
  private void conditional(float[] a, int rows, int k, float[] w, boolean transW, int cols, float s, float[] c,
      float[] x, float[] sample) {
    if (rows >= team.size() && splitsProduct((long) rows * cols * k)) {
      pRows = rows;
      pA = a;
      pW = w;
      pK = k;
      pTransW = transW;
      pX = x;
      pSample = sample;
      pC = c;
      pS = s;
      pCols = cols;
      // small passes draw on part 0's stream alone, as pass() does, so that the draws (and a
      // seeded run's model) do not depend on whether the product was split
      pInline = (long) rows * cols < INLINE_BELOW;
      team.run(rows, fused);
      if (pInline) elementwise(0, rows, 0);
      if (sample != null) passes++;
    } else {
      Blas.gemm(false, transW, rows, cols, k, 1f, a, w, 0f, x);
      pass(x, sample, c, s, rows, cols);
    }
  }

  private void productThenElementwise(int from, int to, int part) {
    int k = pK;
    int cols = pCols;
    if (to > from) {
      Blas.gemm(false, pTransW, to - from, cols, k, 1f, pA, from * k, k, pW, 0, pTransW ? k : cols, 0f, pX, from * cols, cols);
    }
    if (!pInline) elementwise(from, to, part);
  }

  /** Bernoulli draws out ← [u &lt; p] over rows×cols entries, split across the team. */
  public void sample(float[] p, int rows, int cols, float[] out) {
    pass(p, out, null, 0f, rows, cols);
  }

  private void pass(float[] x, float[] sample, float[] c, float s, int rows, int cols) {
    pRows = rows;
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
    if (sample != null) passes++;
  }

  private void elementwise(int from, int to, int part) {
    float[] x = pX;
    float[] c = pC;
    int cols = pCols;
    if (c != null) {
      for (int r = from; r < to; r++) FastMath.sigmoidAffine(x, r * cols, cols, pS, c);
    }
    if (pSample == null) return;
    Rng rng = rngs[part];
    if (rowKeys == null) {
      rng.bernoulli(x, from * cols, to * cols, pSample);
      return;
    }
    long pass = Rng.derive(rowBase, passes, 0);
    for (int r = from; r < to; r++) {
      rng.setState(Rng.derive(pass, rowKeys.key(pRows, r), 0));
      rng.bernoulli(x, r * cols, (r + 1) * cols, pSample);
    }
  }

  /**
   * The squared reconstruction error summed over the {@code rows} rows of {@code data} (rows×nv):
   * Σ_n Σ_i (v_i − p(v_i=1 | h))² with h = p(h | v) (mean field, no draws), the conditionals with
   * scale {@code s} and offsets {@code cv}, {@code ch} as in {@link #hidden} and {@link #visible}.
   * The rows go through in blocks of {@code v.length / nv}; {@code v}, {@code ph} and {@code pv} are
   * the caller's block buffers (block×nv, block×nh, block×nv). Divide by the rows for the mean.
   */
  public double squaredReconstructionError(float[] data, int rows, float[] w, int nv, int nh, float s, float[] cv, float[] ch,
      float[] v, float[] ph, float[] pv) {
    int block = v.length / nv;
    double sum = 0;
    for (int from = 0; from < rows; from += block) {
      int m = Math.min(block, rows - from);
      System.arraycopy(data, from * nv, v, 0, m * nv);
      hidden(v, m, w, nv, nh, s, ch, ph, null);
      visible(ph, m, w, nv, nh, s, cv, pv, null);
      for (int k = 0; k < m * nv; k++) {
        double d = v[k] - pv[k];
        sum += d * d;
      }
    }
    return sum;
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
