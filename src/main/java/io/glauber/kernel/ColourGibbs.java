package io.glauber.kernel;

import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Couplings;
import io.glauber.model.DenseCouplings;
import io.glauber.model.Schedule;
import io.glauber.model.Units;

/**
 * Gibbs sampling of a general Boltzmann machine over many chains at once, in float32: the batched
 * form of {@link io.glauber.model.Glauber#pOn}. Unit i of chain c is set on with probability
 *
 * <pre>
 *   p = σ(g·h_i / T),   h_i = Σ_j w_ij s_j + b_i,   g = 1 (binary {0,1}) or 2 (spin ±1)
 * </pre>
 *
 * (T = 0: on if h &gt; 0, off if h &lt; 0, a coin at h = 0; T = ∞: a coin), which is exactly the
 * heat-bath conditional p(s_i | s_rest) of p(s) ∝ e^{−E(s)/T} (Geman &amp; Geman 1984; seeds 000,
 * 001). A sweep visits the colour classes of {@link Couplings#colours()} in turn. Units of one class
 * are not coupled, so each one's conditional does not depend on the others of its class: drawing
 * them one after another or all at once is the same Markov step, and a sweep is a fixed-scan Gibbs
 * sweep, each of whose single-unit updates leaves the Boltzmann distribution invariant.
 *
 * <p>Layout: chains are grouped in blocks of {@link #BLOCK}; within a block, unit i's states across
 * the block's chains are contiguous ({@code state[block·BLOCK·n + i·len + k]}, len the block's
 * chains, so that no lane is padding), so a unit's update is a vector operation across chains
 * (Vector API for the fields, {@link FastMath#sigmoidInPlace} for σ, {@link Rng#bernoulli} for the
 * draws). The threads of a {@link Team} claim blocks one at a time until none is left, so that a
 * thread slowed by another process is helped by the others; block b always draws from its own
 * generator seeded by {@code Rng.derive(seed, 0, b)}, so results do not depend on the number of
 * threads or on which thread ran a block.
 *
 * <p>The lookup. When unit i's field can take only a few values — h_i ∈ V_i = {b_i + Σ_k w_ik s_k :
 * s_k ∈ {low, high}}, found from the couplings by adding one neighbour at a time and merging equal
 * sums, at most {@link #MAX_TABLE} values and far enough apart that a float field cannot fall on the
 * wrong side of a midpoint — its p(on) is not computed per draw but looked up: units with the same
 * V share a table of p(on)(v), v ∈ V, rebuilt whenever the temperature changes by the very code the
 * computed path uses (so a looked-up p is the float σ(g·v/T) that path would give for h = v), and
 * a draw finds its entry by comparing h with the midpoints between successive values. A lattice
 * with couplings ±J and a uniform bias has d + 1 values (h = b + J·(−d … d step 2) for spins); any
 * sparse model whose couplings and biases take few values qualifies, detected from the couplings,
 * not by its shape. The field, the lookup, the Bernoulli draw and the store then run in one vector
 * pass ({@code VectorMath.gatherLookupDraw}), consuming the lanes' random numbers exactly as
 * {@link Rng#bernoulli} does: with the same seed the looked-up and the computed paths draw the same
 * states whenever the float fields are exact (e.g. dyadic couplings, as a lattice's ±1), which the
 * tests check lane for lane. Why: σ (an e^x polynomial and a division per lane) was about half the
 * cost of a flip; m − 1 compares and blends cost a fraction of it.
 *
 * <p>Sparse couplings are walked as an adjacency list; dense couplings
 * (every class one unit) update units in runs of {@link #RUN}: the run's fields are one product
 * W[run, :]·S_block through {@link Blas#gemm}, and each draw then corrects the fields of the later
 * units of its run by w_ji·Δs_i, so that every unit sees its predecessors' new values — the same
 * sequential sweep. Clamped units (a mask over units, values set per chain) are never updated.
 * Not thread-safe; nothing is allocated per sweep.
 */
public final class ColourGibbs {
  /**
   * Chains per block: wide enough that each call per unit (σ, draws) covers many vectors, and at
   * least the 64 at which {@link Rng#bernoulli} takes its vector path.
   */
  public static final int BLOCK = 256;
  /** Units per product in the dense path. */
  public static final int RUN = 32;
  /** The most field values a unit may take for its p(on) to be looked up rather than computed. */
  static final int MAX_TABLE = 16;
  /** Whether sparse units with few field values look p(on) up ({@code -Dglauber.gibbs.lookup=false}: never, for A/B runs). */
  static final boolean LOOKUP = !"false".equals(System.getProperty("glauber.gibbs.lookup"));

  private final int n;
  private final int chains;
  private final int blocks;
  private final Units units;
  private final float low;
  private final float span;
  private final float high;
  private final float gap;
  private final float[] bias;
  private final float[] state;
  private final Rng[] rngs;
  private final Team team;
  // sparse: CSR adjacency; dense: W row-major n×n
  private final boolean dense;
  private final int[] start;
  private final int[] adj;
  private final float[] adjWeight;
  private final float[] w;
  private final int[] colourOrder; // units sorted by colour
  private final boolean[] clamped;
  // the lookup: unit i's kind (−1: σ computed), each kind's field values, thresholds and p(on)
  private final int[] kindOf;
  private final int kinds;
  private final int[] kindSize;
  private final float[] kindValue;
  private final float[] kindThreshold;
  private final float[] kindP;
  private final float[] tableScratch;
  // per-part scratch
  private final float[][] p;
  private final float[][] drawn;
  private final float[][] runFields;
  private double temperature;
  private final Team.Body sweepBody = this::sweepBlocks;
  // the next block to claim in the current sweep: each thread takes the next block when it has
  // finished one, so that a thread whose core another process holds for a while is helped by the
  // others instead of holding up the sweep (a block's draws are its own: the split changes nothing)
  private final java.util.concurrent.atomic.AtomicInteger nextBlock = new java.util.concurrent.atomic.AtomicInteger();

  /**
   * @param machine the model; its temperature is the starting temperature
   * @param chains independent chains, ≥ 1
   * @param seed the run's seed: block b's generator and starting states derive from (seed, b)
   * @param team the threads the blocks are split over
   */
  public ColourGibbs(BoltzmannMachine machine, int chains, long seed, Team team) {
    this(machine, machine.couplings().colours(), chains, seed, team);
  }

  /**
   * The same with a given colouring (colours[i] the class of unit i; coupled units must differ).
   */
  public ColourGibbs(BoltzmannMachine machine, int[] colours, int chains, long seed, Team team) {
    this(machine, colours, chains, seed, team, LOOKUP);
  }

  /** The same, with the lookup of p(on) on or off (tests compare the two paths). */
  ColourGibbs(BoltzmannMachine machine, int[] colours, int chains, long seed, Team team, boolean lookup) {
    if (chains < 1) throw new IllegalArgumentException("chains " + chains + " (expected ≥ 1)");
    n = machine.size();
    if (colours == null || colours.length == 0 || colours.length != n) {
      throw new IllegalArgumentException("colour classes for " + (colours == null ? 0 : colours.length) + " units (expected " + n + ", one class per unit)");
    }
    Couplings cp = machine.couplings();
    for (int i = 0; i < n; i++) {
      if (colours[i] < 0) throw new IllegalArgumentException("colour " + colours[i] + " of unit " + i + " (expected ≥ 0)");
      for (int k = 0, d = cp.degree(i); k < d; k++) {
        int j = cp.neighbour(i, k);
        if (colours[j] == colours[i] && cp.weight(i, k) != 0) {
          throw new IllegalArgumentException("units " + i + " and " + j + " are coupled but share colour " + colours[i]);
        }
      }
    }
    this.chains = chains;
    this.blocks = (chains + BLOCK - 1) / BLOCK;
    this.units = machine.units();
    this.low = (float) units.low();
    this.span = (float) (units.high() - units.low());
    this.high = low + span;
    this.gap = (float) units.gap(1.0);
    this.team = team;
    this.temperature = machine.temperature();
    bias = new float[n];
    for (int i = 0; i < n; i++) bias[i] = (float) machine.bias()[i];
    dense = cp instanceof DenseCouplings;
    if (dense) {
      double[] m = ((DenseCouplings) cp).matrix();
      w = new float[n * n];
      for (int k = 0; k < w.length; k++) w[k] = (float) m[k];
      start = null;
      adj = null;
      adjWeight = null;
    } else {
      w = null;
      start = new int[n + 1];
      for (int i = 0; i < n; i++) start[i + 1] = start[i] + cp.degree(i);
      adj = new int[start[n]];
      adjWeight = new float[start[n]];
      for (int i = 0; i < n; i++) {
        for (int k = 0, d = cp.degree(i); k < d; k++) {
          adj[start[i] + k] = cp.neighbour(i, k);
          adjWeight[start[i] + k] = (float) cp.weight(i, k);
        }
      }
    }
    colourOrder = orderByColour(colours, dense);
    // kinds: units whose fields take the same few values share one table of p(on)
    int[] kindOf = null;
    java.util.List<double[]> kindValues = new java.util.ArrayList<>();
    if (!dense && lookup) {
      kindOf = new int[n];
      java.util.Map<java.util.List<Double>, Integer> byValues = new java.util.HashMap<>();
      for (int i = 0; i < n; i++) {
        double[] v = fieldValues(cp, i, machine.bias()[i], units.low(), units.high());
        if (v == null) {
          kindOf[i] = -1;
          continue;
        }
        java.util.List<Double> key = new java.util.ArrayList<>(v.length);
        for (double x : v) key.add(x);
        Integer kind = byValues.get(key);
        if (kind == null) {
          kind = kindValues.size();
          byValues.put(key, kind);
          kindValues.add(v);
        }
        kindOf[i] = kind;
      }
    }
    this.kindOf = kindOf;
    kinds = kindValues.size();
    kindSize = new int[kinds];
    kindValue = new float[kinds * MAX_TABLE];
    kindThreshold = new float[kinds * MAX_TABLE];
    kindP = new float[kinds * MAX_TABLE];
    for (int q = 0; q < kinds; q++) {
      double[] v = kindValues.get(q);
      kindSize[q] = v.length;
      for (int j = 0; j < v.length; j++) {
        kindValue[q * MAX_TABLE + j] = (float) v[j];
        if (j + 1 < v.length) kindThreshold[q * MAX_TABLE + j] = (float) ((v[j] + v[j + 1]) / 2);
      }
    }
    tableScratch = new float[4 * MAX_TABLE];
    tables();
    clamped = new boolean[n];
    state = new float[Math.multiplyExact(chains, n)];
    rngs = new Rng[blocks];
    for (int b = 0; b < blocks; b++) {
      rngs[b] = new Rng(Rng.derive(seed, 0, b));
      Rng init = new Rng(Rng.derive(seed, 1, b));
      int len = blockLength(b);
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < len; k++) state[b * BLOCK * n + i * len + k] = low + span * (init.nextLong() < 0 ? 1 : 0);
      }
    }
    int parts = team.size();
    p = new float[parts][BLOCK];
    drawn = dense ? new float[parts][BLOCK] : null;
    runFields = dense ? new float[parts][RUN * BLOCK] : null;
  }

  /**
   * The values unit i's field h_i = b_i + Σ_k w_ik s_k can take (s_k ∈ {low, high}), ascending, or
   * null when there are more than {@link #MAX_TABLE} or two of them lie so close that a float
   * field could fall on the wrong side of the midpoint between them. Values equal up to double
   * rounding count as one.
   */
  static double[] fieldValues(Couplings cp, int i, double bias, double low, double high) {
    double scale = Math.abs(bias);
    for (int k = 0, d = cp.degree(i); k < d; k++) scale += Math.abs(cp.weight(i, k)) * Math.max(Math.abs(low), Math.abs(high));
    double same = 1e-12 * (1 + scale);
    double[] v = {bias};
    double[] next = new double[2 * MAX_TABLE];
    for (int k = 0, d = cp.degree(i); k < d; k++) {
      double w = cp.weight(i, k);
      if (w == 0) continue;
      for (int j = 0; j < v.length; j++) {
        next[2 * j] = v[j] + w * low;
        next[2 * j + 1] = v[j] + w * high;
      }
      java.util.Arrays.sort(next, 0, 2 * v.length);
      int m = 0;
      for (int j = 0; j < 2 * v.length; j++) {
        if (m > 0 && next[j] - next[m - 1] <= same) continue;
        if (m == MAX_TABLE) return null;
        next[m++] = next[j];
      }
      v = java.util.Arrays.copyOf(next, m);
    }
    // float fields carry rounding of order degree·2⁻²⁴·scale: keep the midpoints far from it
    for (int j = 1; j < v.length; j++) if (v[j] - v[j - 1] < 0x1p-10 * (1 + scale)) return null;
    return v;
  }

  /** p(on) of every kind's field values at the current temperature, by {@link #probabilities}, the computed path's own. */
  private void tables() {
    float[] x = tableScratch;
    for (int q = 0; q < kinds; q++) {
      // a whole number of vectors, so that every value goes through the vector σ of full lanes
      java.util.Arrays.fill(x, 0f);
      System.arraycopy(kindValue, q * MAX_TABLE, x, 0, kindSize[q]);
      probabilities(x, x.length);
      System.arraycopy(x, 0, kindP, q * MAX_TABLE, kindSize[q]);
    }
  }

  /** The number of units whose p(on) is looked up in a table rather than computed by σ. */
  public int lookupUnits() {
    int count = 0;
    if (kindOf != null) for (int k : kindOf) if (k >= 0) count++;
    return count;
  }

  /** Unit i's field values and their p(on) at the current temperature ({values, p}), or null when σ is computed for it. */
  float[][] table(int i) {
    if (kindOf == null || kindOf[i] < 0) return null;
    int q = kindOf[i];
    return new float[][] {
      java.util.Arrays.copyOfRange(kindValue, q * MAX_TABLE, q * MAX_TABLE + kindSize[q]),
      java.util.Arrays.copyOfRange(kindP, q * MAX_TABLE, q * MAX_TABLE + kindSize[q])};
  }

  /** Units sorted by class (stable); the dense path keeps index order, its classes being single units. */
  private static int[] orderByColour(int[] colours, boolean dense) {
    int n = colours.length;
    int[] order = new int[n];
    if (dense) {
      for (int i = 0; i < n; i++) order[i] = i;
      return order;
    }
    int max = 0;
    for (int c : colours) max = Math.max(max, c);
    int[] count = new int[max + 2];
    for (int c : colours) count[c + 1]++;
    for (int c = 0; c <= max; c++) count[c + 1] += count[c];
    for (int i = 0; i < n; i++) order[count[colours[i]]++] = i;
    return order;
  }

  /** Number of chains. */
  public int chains() {
    return chains;
  }

  /** Whether the dense (BLAS) path runs: true for {@link DenseCouplings}, false for sparse ones. */
  public boolean dense() {
    return dense;
  }

  /** The number of float lanes of the Vector API on this machine (1 without it). */
  public static int vectorWidth() {
    return FastMath.VECTOR ? VectorMath.width() : 1;
  }

  /** The temperature of the following sweeps. */
  public double temperature() {
    return temperature;
  }

  /** Sets the temperature of the following sweeps: T ≥ 0, T = ∞ allowed (coins). */
  public void setTemperature(double t) {
    if (!(t >= 0)) throw new IllegalArgumentException("temperature " + t + " (expected T ≥ 0)");
    temperature = t;
    tables();
  }

  /**
   * Holds the units with mask[i] true fixed in every chain (their values are those set by
   * {@link #setState}); the others are free. A mask of all false releases every unit.
   */
  public void clamp(boolean[] mask) {
    if (mask.length != n) throw new IllegalArgumentException("clamp mask of length " + mask.length + " (expected " + n + ", one per unit)");
    System.arraycopy(mask, 0, clamped, 0, n);
  }

  /** Sets chain c's state (n values of the machine's convention). */
  public void setState(int c, double[] s) {
    if (c < 0 || c >= chains) throw new IllegalArgumentException("chain " + c + " (expected 0.." + (chains - 1) + ")");
    if (s.length != n) throw new IllegalArgumentException("state of length " + s.length + " (expected " + n + ")");
    for (int i = 0; i < n; i++) {
      if (!units.admits(s[i])) throw new IllegalArgumentException("value " + s[i] + " at unit " + i + " (expected " + units.low() + " or " + units.high() + ")");
      state[index(c, i)] = (float) s[i];
    }
  }

  /** Chain c's state into out (length ≥ n). */
  public void state(int c, double[] out) {
    for (int i = 0; i < n; i++) out[i] = state[index(c, i)];
  }

  /** The value of unit i in chain c. */
  public float value(int c, int i) {
    return state[index(c, i)];
  }

  private int index(int c, int i) {
    return (c / BLOCK) * BLOCK * n + i * blockLength(c / BLOCK) + c % BLOCK;
  }

  private int blockLength(int b) {
    return Math.min(BLOCK, chains - b * BLOCK);
  }

  /**
   * The local fields h_i = Σ_j w_ij s_j + b_i of unit i in chains [b·BLOCK, b·BLOCK + len) into
   * out[0, len): the adjacency walk of the sparse path, or one row of W times the block's states
   * through {@link Blas#gemm} for dense couplings, as a sweep computes them.
   */
  public void fields(int i, int block, float[] out) {
    if (dense) {
      int len = blockLength(block);
      for (int k = 0; k < len; k++) out[k] = bias[i];
      Blas.gemm(false, false, 1, len, n, 1f, w, i * n, n, state, block * BLOCK * n, len, 1f, out, 0, len);
    } else {
      sparseField(i, block * BLOCK * n, blockLength(block), out);
    }
  }

  /** One sweep of every chain at the current temperature. */
  public void sweep() {
    nextBlock.set(0);
    team.run(Math.min(blocks, team.size()), sweepBody);
  }

  /** {@code count} sweeps. */
  public void sweeps(long count) {
    for (long s = 0; s < count; s++) sweep();
  }

  /**
   * The sweeps of an annealing schedule, each step at its temperature; the temperature stays at the
   * last step's. Every step is checked before the first sweep.
   */
  public void anneal(Schedule schedule) {
    for (Schedule.Step step : schedule.steps()) {
      if (!Double.isFinite(step.temperature()) || step.temperature() < 0) {
        throw new IllegalArgumentException("annealing temperature " + step.temperature() + " (expected finite T ≥ 0)");
      }
    }
    for (Schedule.Step step : schedule.steps()) {
      setTemperature(step.temperature());
      sweeps(step.duration());
    }
  }

  /**
   * Adds the current state's moments: unitSums[i] += Σ_c s_i, pairSums[m] += Σ_c s_i s_j for the
   * m-th pair of {@link Couplings#pairs()} ({@code pairs}, 2·m entries).
   */
  public void addMoments(int[] pairs, double[] unitSums, double[] pairSums) {
    for (int b = 0; b < blocks; b++) {
      int base = b * BLOCK * n;
      int len = blockLength(b);
      for (int i = 0; i < n; i++) {
        double sum = 0;
        for (int k = 0, o = base + i * len; k < len; k++) sum += state[o + k];
        unitSums[i] += sum;
      }
      for (int m = 0; m < pairSums.length; m++) {
        int oi = base + pairs[2 * m] * len;
        int oj = base + pairs[2 * m + 1] * len;
        double sum = 0;
        for (int k = 0; k < len; k++) sum += state[oi + k] * state[oj + k];
        pairSums[m] += sum;
      }
    }
  }

  private void sweepBlocks(int from, int to, int part) {
    for (int b; (b = nextBlock.getAndIncrement()) < blocks; ) {
      if (dense) denseSweep(b, part);
      else sparseSweep(b, part);
    }
  }

  private void sparseSweep(int b, int part) {
    int base = b * BLOCK * n;
    int len = blockLength(b);
    float[] h = p[part];
    int[] kind = kindOf;
    for (int i : colourOrder) {
      if (clamped[i]) continue;
      if (kind != null && kind[i] >= 0) {
        lookupUpdate(i, kind[i], base, len, b, h);
      } else {
        sparseField(i, base, len, h);
        draw(h, len, b, base + i * len);
      }
    }
  }

  /**
   * Unit i's update with p(on) from its kind's table: the fused vector kernel over whole vectors,
   * then the remaining lanes as {@link #draw} does them, so that the stream of uniforms, and with it
   * every draw, is the computed path's.
   */
  private void lookupUpdate(int i, int kind, int base, int len, int b, float[] h) {
    int o = base + i * len;
    int t0 = kind * MAX_TABLE;
    int m = kindSize[kind];
    int k = FastMath.VECTOR && len >= Rng.VECTOR_FROM
        ? VectorMath.gatherLookupDraw(state, base, len, adj, adjWeight, start[i], start[i + 1], bias[i], kindThreshold, kindP, t0, m, rngs[b].seededLanes(), low, high, o, len)
        : 0;
    if (k == len) return;
    for (int c = k; c < len; c++) {
      float acc = bias[i];
      for (int e = start[i], end = start[i + 1]; e < end; e++) acc += adjWeight[e] * state[base + adj[e] * len + c];
      int j = 0;
      while (j < m - 1 && !(acc < kindThreshold[t0 + j])) j++;
      h[c] = kindP[t0 + j];
    }
    rngs[b].bernoulli(h, k, len, h);
    for (int c = k; c < len; c++) state[o + c] = low + span * h[c];
  }

  /** h[0, len) ← b_i + Σ_k w_ik s_{adj_k} over the block at {@code base}. */
  private void sparseField(int i, int base, int len, float[] h) {
    float bi = bias[i];
    int k = FastMath.VECTOR ? VectorMath.gatherFields(state, base, len, adj, adjWeight, start[i], start[i + 1], bi, h, len) : 0;
    for (; k < len; k++) {
      float acc = bi;
      for (int e = start[i], end = start[i + 1]; e < end; e++) acc += adjWeight[e] * state[base + adj[e] * len + k];
      h[k] = acc;
    }
  }

  private void denseSweep(int b, int part) {
    int base = b * BLOCK * n;
    int len = blockLength(b);
    float[] f = runFields[part];
    float[] h = p[part];
    float[] d = drawn[part];
    for (int r0 = 0; r0 < n; r0 += RUN) {
      int r = Math.min(RUN, n - r0);
      for (int j = 0; j < r; j++) java.util.Arrays.fill(f, j * BLOCK, j * BLOCK + len, bias[r0 + j]);
      // F[r×len] += W[r0.., :] · S_block[n×len]
      Blas.gemm(false, false, r, len, n, 1f, w, r0 * n, n, state, base, len, 1f, f, 0, BLOCK);
      for (int j = 0; j < r; j++) {
        int i = r0 + j;
        if (clamped[i]) continue;
        int o = base + i * len;
        System.arraycopy(f, j * BLOCK, h, 0, len);
        for (int k = 0; k < len; k++) d[k] = state[o + k];
        draw(h, len, b, o);
        for (int k = 0; k < len; k++) d[k] = state[o + k] - d[k];
        for (int l = j + 1; l < r; l++) {
          float wli = w[(r0 + l) * n + i];
          if (wli == 0) continue;
          int fo = l * BLOCK;
          for (int k = FastMath.VECTOR ? VectorMath.axpy(wli, d, 0, f, fo, len) : 0; k < len; k++) f[fo + k] += wli * d[k];
        }
      }
    }
  }

  /** state[o, o+len) ← Bernoulli(σ(g·h/T)) mapped to the unit values; h is overwritten. */
  private void draw(float[] h, int len, int b, int o) {
    probabilities(h, len);
    rngs[b].bernoulli(h, 0, len, h); // in place: each draw reads its own p first
    for (int k = 0; k < len; k++) state[o + k] = low + span * h[k];
  }

  /**
   * h[0, len) ← p(on) = σ(g·h/T) at the current temperature, in float (T = 0: 1, 0 or ½ by the
   * sign of h) — {@link io.glauber.model.Glauber#pOn}'s rule; the computed path and the tables both
   * take their p from here.
   */
  private void probabilities(float[] h, int len) {
    double t = temperature;
    if (t == 0) {
      for (int k = 0; k < len; k++) h[k] = h[k] > 0 ? 1f : h[k] < 0 ? 0f : 0.5f;
    } else {
      FastMath.sigmoidInPlace(h, 0, len, (float) (gap / t));
    }
  }
}
