package io.glauber.engine.batch;

import io.glauber.kernel.BatchGibbs;
import io.glauber.kernel.Blas;
import io.glauber.kernel.Rng;
import io.glauber.learn.Learner;
import io.glauber.model.Rbm;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Mini-batch training of a binary RBM by CD-k, PCD-k or parallel tempering, in float32 on the
 * shared kernel; the weight change is the shared {@link Learner}'s.
 *
 * <p>Each step takes a mini-batch V₀ of B rows and forms
 *
 * <pre>
 *   ΔW ≈ ⟨v hᵀ⟩₊ − ⟨v hᵀ⟩₋ = V₀ᵀ P(H|V₀)/B − V₋ᵀ P(H|V₋)/C
 *   Δa = mean(V₀) − mean(V₋)       Δb = mean P(H|V₀) − mean P(H|V₋)
 * </pre>
 *
 * (one BLAS product over the stacked rows [V₀; V₋] of B + C rows, the bias differences as weighted
 * column sums through BLAS; the hidden units are summed out analytically on both sides; for PCD the
 * positive phase P(H|V₀) and the chains' last hidden layer P(H|V₋) are one product over the same
 * stacked rows),
 * where the C negative rows V₋ come from
 * <ul>
 *   <li>CD-k: C = B chains started at the batch, k block-Gibbs sweeps (Hinton 2002);</li>
 *   <li>PCD-k: C persistent chains, independent of B, carried across updates (Tieleman 2008);</li>
 *   <li>PT: R replicas of C chains at inverse temperatures β_r = 1/T_r, one sweep each per step,
 *       then swap moves between neighbouring replicas (even pairs, then odd pairs) accepted with probability
 *       min(1, exp((β_r − β_{r+1})(E_r − E_{r+1}))), E(v,h) = −a·v − b·h − vᵀWh; the β = 1 replica
 *       gives the statistics (Desjardins et al. 2010; Fischer &amp; Igel 2012).</li>
 * </ul>
 * Learning-rate and momentum schedules are applied per epoch ({@link TrainConfig#ruleAt}); weight
 * decay and sparsity are the learner's. Initialisation follows Hinton's practical guide (2010, §8):
 * W ~ N(0, 0.01²), a_i = log(p_i/(1−p_i)) of the data means clipped to p ∈ [0.01, 0.99], b = 0.
 *
 * <p>Reproducibility: the random streams of step s are derived from (seed, s) and the row order of
 * epoch e from (seed, e), so a run resumed from a {@link TrainingCheckpoint} continues exactly as
 * the uninterrupted run would (up to the summation order of multi-threaded BLAS). Buffers are
 * allocated once; the step loop allocates nothing.
 */
public final class RbmTrainer implements Trainer {
  private static final long ORDER_STREAM = 1_000_003L;
  private static final long INIT_STREAM = 1_000_033L;

  private final TrainConfig cfg;
  private final float[] data;
  private final int rows;
  private final int nv;
  private final int nh;
  private final int b;
  private final int c;
  private final int replicas;
  private final int stepsPerEpoch;
  private final float[] w;
  private final float[] bias; // [a | b], the learner's layout
  private final Learner learner;
  private final BatchGibbs gibbs = new BatchGibbs();
  private final StackedGradient gradient;
  private Function<Rbm, Map<String, Object>> extraMetrics;

  private int epoch;
  private long step;
  private long draws; // index of the next step's random streams; equals step in training
  private long lastCheckpoint = System.nanoTime();

  // buffers, allocated once
  private final int[] order;
  private final float[] v0, ph0, h0;
  private final float[] vn, phn, pvn; // negative rows (C or B) of the β = 1 chain
  private final float[] chainH; // persistent hidden states: replicas × C × nh
  private final float[] chainV; // PT: visible states, replicas × C × nv
  private final float[] dw, db, hiddenMean;
  private final float[][] cv, ch; // per replica: β·a and β·b
  private final float[] beta;
  private final float[] energyTmp;
  private final float[] hScratch;
  private final float[] pvBatch;
  private final float[] hStack; // PCD: samples of the stacked hidden layer
  private final double[] energies;
  private final long[] swapAttempts, swapAccepts;

  /** A fresh run on {@code data} (rows×cols, values in [0, 1]) with Hinton's initialisation. */
  public RbmTrainer(TrainConfig cfg, float[] data, int rows, int cols) {
    this(cfg, data, rows, cols, null);
  }

  /** A run starting from {@code start} instead of the initialisation. */
  public RbmTrainer(TrainConfig cfg, float[] data, int rows, int cols, Rbm start) {
    if (data.length != (long) rows * cols) {
      throw new IllegalArgumentException("data of " + data.length + " values (expected rows×cols = " + (long) rows * cols + ")");
    }
    if (start != null && (start.nVisible() != cols || start.nHidden() != cfg.hidden())) {
      throw new IllegalArgumentException("start model " + start + " (expected " + cols + "×" + cfg.hidden() + ")");
    }
    this.cfg = cfg;
    this.data = data;
    this.rows = rows;
    this.nv = cols;
    this.nh = cfg.hidden();
    this.b = Math.min(cfg.batchSize(), rows);
    this.stepsPerEpoch = rows / b;
    this.replicas = cfg.method() == TrainConfig.Method.PT ? cfg.temperatures().length : 1;
    this.c = cfg.method() == TrainConfig.Method.CD ? b : cfg.chains();
    this.w = new float[nv * nh];
    this.bias = new float[nv + nh];
    if (start == null) initialise(); else load(start);
    this.learner = new Learner(cfg.ruleAt(0), nv * nh, nv + nh, nv, nh);
    order = new int[rows];
    v0 = new float[b * nv];
    ph0 = new float[b * nh];
    h0 = new float[b * nh];
    vn = new float[c * nv];
    phn = new float[c * nh];
    pvn = new float[c * nv];
    boolean persistent = cfg.method() != TrainConfig.Method.CD;
    chainH = persistent ? new float[replicas * c * nh] : new float[0];
    chainV = cfg.method() == TrainConfig.Method.PT ? new float[replicas * c * nv] : new float[0];
    dw = new float[nv * nh];
    db = new float[nv + nh];
    hiddenMean = new float[nh];
    beta = new float[replicas];
    cv = new float[replicas][nv];
    ch = new float[replicas][nh];
    for (int r = 0; r < replicas; r++) beta[r] = (float) (1.0 / cfg.temperatures()[r]);
    energyTmp = cfg.method() == TrainConfig.Method.PT ? new float[c * nh] : new float[0];
    energies = new double[replicas * c];
    hScratch = cfg.method() == TrainConfig.Method.PT ? new float[c * nh] : new float[0];
    pvBatch = new float[b * nv];
    gradient = new StackedGradient(nv, nh, gibbs);
    gradient.visibleStack(b, c); // allocates the stacks once
    hStack = cfg.method() == TrainConfig.Method.PCD ? new float[(b + c) * nh] : new float[0];
    swapAttempts = new long[Math.max(0, replicas - 1)];
    swapAccepts = new long[Math.max(0, replicas - 1)];
    if (persistent) initialiseChains();
  }

  /** Hinton's initialisation from the run's seed. */
  private void initialise() {
    Rng rng = new Rng(Rng.derive(cfg.seed(), 0, INIT_STREAM));
    for (int k = 0; k < w.length; k++) w[k] = (float) (cfg.initStd() * rng.nextGaussian());
    double[] mean = new double[nv];
    for (int r = 0; r < rows; r++) for (int i = 0; i < nv; i++) mean[i] += data[r * nv + i];
    for (int i = 0; i < nv; i++) {
      double p = Math.min(0.99, Math.max(0.01, mean[i] / rows));
      bias[i] = (float) Math.log(p / (1 - p));
    }
  }

  private void load(Rbm m) {
    for (int k = 0; k < w.length; k++) w[k] = (float) m.w()[k];
    for (int i = 0; i < nv; i++) bias[i] = (float) m.visibleBias()[i];
    for (int j = 0; j < nh; j++) bias[nv + j] = (float) m.hiddenBias()[j];
  }

  /** Persistent chains start at data rows (hidden units sampled given them), as in Tieleman 2008. */
  private void initialiseChains() {
    Rng rng = new Rng(Rng.derive(cfg.seed(), 0, INIT_STREAM + 1));
    gibbs.reseed(cfg.seed(), -1);
    refreshBiases();
    for (int r = 0; r < replicas; r++) {
      for (int n = 0; n < c; n++) System.arraycopy(data, rng.nextInt(rows) * nv, vn, n * nv, nv);
      if (chainV.length > 0) System.arraycopy(vn, 0, chainV, r * c * nv, c * nv);
      gibbs.hidden(vn, c, w, nv, nh, beta[r], ch[r], phn, null);
      gibbs.sample(phn, c, nh, phn);
      System.arraycopy(phn, 0, chainH, r * c * nh, c * nh);
    }
  }

  /** Sets a function of the model whose entries are added to each epoch's metrics (e.g. evaluation). */
  public RbmTrainer withEpochMetrics(Function<Rbm, Map<String, Object>> f) {
    this.extraMetrics = f;
    return this;
  }

  @Override
  public int epoch() {
    return epoch;
  }

  @Override
  public long step() {
    return step;
  }

  /** The configuration. */
  public TrainConfig config() {
    return cfg;
  }

  /** Threads of the elementwise passes (the products use the BLAS library's threads). */
  public int threads() {
    return gibbs.threads();
  }

  /** Mini-batch updates per epoch (the last partial batch of an epoch is dropped). */
  public int stepsPerEpoch() {
    return stepsPerEpoch;
  }

  @Override
  public Rbm rbm() {
    double[] wd = new double[w.length];
    for (int k = 0; k < w.length; k++) wd[k] = w[k];
    double[] a = new double[nv];
    double[] hb = new double[nh];
    for (int i = 0; i < nv; i++) a[i] = bias[i];
    for (int j = 0; j < nh; j++) hb[j] = bias[nv + j];
    return new Rbm(nv, nh, wd, a, hb);
  }

  @Override
  public void train(EpochListener listener) {
    train(listener, null);
  }

  /**
   * Runs the remaining epochs; when {@code checkpointDir} is given, writes a checkpoint every
   * {@link TrainConfig#checkpointEvery()} steps and every {@link TrainConfig#checkpointMinutes()}
   * minutes; at the end of each epoch when neither is set; and at the end of the last epoch.
   */
  public void train(EpochListener listener, Path checkpointDir) {
    while (epoch < cfg.epochs()) {
      long t0 = System.nanoTime();
      long s0 = step;
      learner.setRule(cfg.ruleAt(epoch));
      permutation(epoch);
      for (int batch = (int) (step - (long) epoch * stepsPerEpoch); batch < stepsPerEpoch; batch++) {
        for (int r = 0; r < b; r++) System.arraycopy(data, order[batch * b + r] * nv, v0, r * nv, nv);
        update(v0);
        if (checkpointDir != null && ((cfg.checkpointEvery() > 0 && step % cfg.checkpointEvery() == 0)
            || (cfg.checkpointMinutes() > 0 && System.nanoTime() - lastCheckpoint >= cfg.checkpointMinutes() * 60e9))) {
          checkpoint(checkpointDir);
        }
      }
      epoch++;
      double seconds = (System.nanoTime() - t0) / 1e9;
      // an epoch's end is a checkpoint unless the step or time knobs say how often (small data sets
      // run thousands of epochs a minute), and the last epoch's end always is
      boolean paced = cfg.checkpointEvery() > 0 || cfg.checkpointMinutes() > 0;
      if (checkpointDir != null && (!paced || epoch == cfg.epochs())) checkpoint(checkpointDir);
      if (listener != null) listener.epochDone(epoch, metrics(seconds, step - s0));
    }
  }

  private Map<String, Object> metrics(double seconds, long steps) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("epoch", epoch);
    m.put("step", step);
    m.put("method", cfg.method().name().toLowerCase(java.util.Locale.ROOT));
    m.put("seconds", seconds);
    m.put("samples_per_s", steps * b / Math.max(seconds, 1e-9));
    m.put("learning_rate", learner.rule().learningRate());
    m.put("momentum", learner.rule().momentum());
    m.put("recon_error_train", reconstructionError(Math.min(rows, cfg.monitorRows())));
    if (replicas > 1) {
      double[] acc = swapAcceptance();
      m.put("pt_swap_acceptance", acc);
      Arrays.fill(swapAttempts, 0);
      Arrays.fill(swapAccepts, 0);
    }
    m.put("blas", Blas.backendId());
    m.put("threads", gibbs.threads());
    if (extraMetrics != null) m.putAll(extraMetrics.apply(rbm()));
    return m;
  }

  /** Swap acceptance rate of each neighbouring pair of replicas since the last epoch's report. */
  public double[] swapAcceptance() {
    double[] acc = new double[swapAttempts.length];
    for (int r = 0; r < acc.length; r++) acc[r] = swapAttempts[r] == 0 ? Double.NaN : swapAccepts[r] / (double) swapAttempts[r];
    return acc;
  }

  /**
   * Mean squared reconstruction error Σ_i (v_i − p(v_i=1|h))² per row, h = p(h|v) (mean field), over
   * the first {@code n} rows of the data.
   */
  public double reconstructionError(int n) {
    if (n == 0) return Double.NaN;
    double sum = 0;
    refreshBiases();
    for (int from = 0; from < n; from += b) {
      int m = Math.min(b, n - from);
      System.arraycopy(data, from * nv, v0, 0, m * nv);
      gibbs.hidden(v0, m, w, nv, nh, 1f, ch[0], ph0, null);
      gibbs.visible(ph0, m, w, nv, nh, 1f, cv[0], pvBatch, null);
      float[] pv = pvBatch;
      for (int k = 0; k < m * nv; k++) {
        double d = v0[k] - pv[k];
        sum += d * d;
      }
    }
    return sum / n;
  }

  private void permutation(int e) {
    for (int r = 0; r < rows; r++) order[r] = r;
    Rng rng = new Rng(Rng.derive(cfg.seed(), e, ORDER_STREAM));
    for (int i = rows - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }

  private void refreshBiases() {
    for (int r = 0; r < replicas; r++) {
      float s = beta[r];
      for (int i = 0; i < nv; i++) cv[r][i] = s * bias[i];
      for (int j = 0; j < nh; j++) ch[r][j] = s * bias[nv + j];
    }
  }

  /**
   * One update from the mini-batch {@code batch} (B×nv): statistics, then the learner. The weight
   * change of each block of rows of W is applied by the thread that has just formed that block of
   * ΔW (see {@link #gradient}).
   */
  public void update(float[] batch) {
    statistics(batch);
    gradient(dw, db, hiddenMean, true);
    step++;
  }

  /**
   * The statistics of one step without applying them: {@code dW} = ⟨v hᵀ⟩₊ − ⟨v hᵀ⟩₋,
   * {@code dBias} = ⟨[v, h]⟩₊ − ⟨[v, h]⟩₋ and {@code hiddenClamped} = ⟨h⟩₊; advances the chains and
   * the random streams as a training step does.
   */
  void differences(float[] batch, float[] dW, float[] dBias, float[] hiddenClamped) {
    statistics(batch);
    gradient(dW, dBias, hiddenClamped, false);
  }

  /** Runs the chains of one step, leaving [V₀; V₋] and [P₀; P₋] in the gradient's stacks. */
  private void statistics(float[] batch) {
    gibbs.reseed(cfg.seed(), draws++);
    refreshBiases();
    switch (cfg.method()) {
      case CD -> {
        // positive phase P(H|V₀) and a sample H₀ to start the chains, then k sweeps
        gibbs.hidden(batch, b, w, nv, nh, 1f, ch[0], ph0, h0);
        for (int s = 0; s < cfg.k(); s++) {
          gibbs.visible(h0, c, w, nv, nh, 1f, cv[0], pvn, vn);
          gibbs.hidden(vn, c, w, nv, nh, 1f, ch[0], phn, s + 1 < cfg.k() ? h0 : null);
        }
        stack(batch);
      }
      case PCD -> {
        for (int s = 0; s < cfg.k(); s++) {
          gibbs.visible(chainH, c, w, nv, nh, 1f, cv[0], pvn, vn);
          if (s + 1 < cfg.k()) gibbs.hidden(vn, c, w, nv, nh, 1f, ch[0], phn, chainH);
        }
        // the last sweep's hidden layer and the positive phase share one product over [V₀; V₋]
        float[] vStack = gradient.visibleStack(b, c);
        System.arraycopy(batch, 0, vStack, 0, b * nv);
        System.arraycopy(vn, 0, vStack, b * nv, c * nv);
        gibbs.hidden(vStack, b + c, w, nv, nh, 1f, ch[0], gradient.hiddenStack(), hStack);
        System.arraycopy(hStack, b * nh, chainH, 0, c * nh);
      }
      case PT -> {
        gibbs.hidden(batch, b, w, nv, nh, 1f, ch[0], ph0, null);
        tempering();
        stack(batch);
      }
    }
  }

  /** The step's statistics from the stacks ({@link StackedGradient}); with {@code learn}, the learner's change. */
  private void gradient(float[] dW, float[] dBias, float[] hiddenClamped, boolean learn) {
    gradient.differences(dW, dBias, hiddenClamped, learn ? learner : null, w, bias);
  }

  /** [V₀; V₋] and [P₀; P₋] from the separate buffers. */
  private void stack(float[] batch) {
    gradient.positive(batch, ph0, b, c);
    gradient.negative(vn, phn, c);
  }

  /** k sweeps of every replica, statistics from β = 1 into (vn, phn), then one round of swaps. */
  private void tempering() {
    for (int s = 0; s < cfg.k(); s++) {
      for (int r = 0; r < replicas; r++) {
        float[] hr = replicaRows(chainH, r, nh);
        gibbs.visible(hr, c, w, nv, nh, beta[r], cv[r], pvn, vn);
        gibbs.hidden(vn, c, w, nv, nh, beta[r], ch[r], phn, hr);
        System.arraycopy(hr, 0, chainH, r * c * nh, c * nh);
        System.arraycopy(vn, 0, chainV, r * c * nv, c * nv);
        if (r == 0) System.arraycopy(phn, 0, energyTmp, 0, c * nh); // keep P(H|V) of β = 1
      }
    }
    // (vn, phn) ← the β = 1 replica
    System.arraycopy(chainV, 0, vn, 0, c * nv);
    System.arraycopy(energyTmp, 0, phn, 0, c * nh);
    if (replicas < 2) return;
    for (int r = 0; r < replicas; r++) energies(r);
    Rng rng = gibbs.rng(0);
    // even pairs, then odd pairs: every neighbouring pair is tried once per step
    for (int parity = 0; parity < 2; parity++) for (int r = parity; r + 1 < replicas; r += 2) {
      double dBeta = beta[r] - beta[r + 1];
      for (int n = 0; n < c; n++) {
        double logA = dBeta * (energies[r * c + n] - energies[(r + 1) * c + n]);
        swapAttempts[r]++;
        if (logA >= 0 || rng.nextDouble() < Math.exp(logA)) {
          swapAccepts[r]++;
          swapRows(chainH, r, r + 1, n, nh);
          swapRows(chainV, r, r + 1, n, nv);
          double e = energies[r * c + n];
          energies[r * c + n] = energies[(r + 1) * c + n];
          energies[(r + 1) * c + n] = e;
        }
      }
    }
  }

  /** The kernel reads rows from offset 0: a replica's rows are copied into a scratch buffer. */
  private float[] replicaRows(float[] states, int r, int cols) {
    System.arraycopy(states, r * c * cols, hScratch, 0, c * cols);
    return hScratch;
  }

  /** E(v, h) = −a·v − b·h − vᵀWh for every chain of replica r (at β = 1). */
  private void energies(int r) {
    int vo = r * c * nv;
    int ho = r * c * nh;
    Blas.gemm(false, false, c, nh, nv, 1f, chainV, vo, w, 0, 0f, energyTmp, 0);
    for (int n = 0; n < c; n++) {
      double e = 0;
      for (int i = 0; i < nv; i++) e -= bias[i] * chainV[vo + n * nv + i];
      for (int j = 0; j < nh; j++) {
        float h = chainH[ho + n * nh + j];
        if (h != 0f) e -= bias[nv + j] + energyTmp[n * nh + j];
      }
      energies[r * c + n] = e;
    }
  }

  private void swapRows(float[] states, int r, int q, int n, int cols) {
    int a = (r * c + n) * cols;
    int z = (q * c + n) * cols;
    for (int k = 0; k < cols; k++) {
      float t = states[a + k];
      states[a + k] = states[z + k];
      states[z + k] = t;
    }
  }


  // ---- checkpoints ----

  /**
   * A trainer resumed from the newest good checkpoint in {@code dir}, or a fresh one when there is
   * none; bad checkpoints are described to {@code problems} and skipped.
   */
  public static RbmTrainer resumeOrStart(TrainConfig cfg, float[] data, int rows, int cols, Path dir,
      java.util.function.Consumer<String> problems) {
    RbmTrainer t = new RbmTrainer(cfg, data, rows, cols);
    TrainingCheckpoint.latest(dir, problems).ifPresent(t::restore);
    return t;
  }

  @Override
  public Path checkpoint(Path dir) {
    lastCheckpoint = System.nanoTime();
    return TrainingCheckpoint.write(dir, snapshot());
  }

  /** The full state of the run. */
  public TrainingCheckpoint.State snapshot() {
    return new TrainingCheckpoint.State(cfg.toString(), nv, nh, epoch, step, w.clone(), bias.clone(),
        learner.velocities(), chainH.clone(), chainV.clone(), swapAttempts.clone(), swapAccepts.clone());
  }

  /** Restores a state written by {@link #snapshot()} for the same configuration and data shape. */
  public void restore(TrainingCheckpoint.State s) {
    if (s.nVisible() != nv || s.nHidden() != nh || s.chainH().length != chainH.length || s.chainV().length != chainV.length) {
      throw new IllegalArgumentException("checkpoint of a " + s.nVisible() + "×" + s.nHidden() + " run with "
          + s.chainH().length + " chain values (expected " + nv + "×" + nh + " with " + chainH.length + ")");
    }
    if (!s.config().equals(cfg.toString())) {
      throw new IllegalArgumentException("checkpoint of another configuration: " + s.config() + " (expected " + cfg + ")");
    }
    System.arraycopy(s.w(), 0, w, 0, w.length);
    System.arraycopy(s.bias(), 0, bias, 0, bias.length);
    System.arraycopy(s.chainH(), 0, chainH, 0, chainH.length);
    System.arraycopy(s.chainV(), 0, chainV, 0, chainV.length);
    System.arraycopy(s.swapAttempts(), 0, swapAttempts, 0, swapAttempts.length);
    System.arraycopy(s.swapAccepts(), 0, swapAccepts, 0, swapAccepts.length);
    if (s.step() > 0) learner.restoreVelocities(s.velocities(), true);
    epoch = s.epoch();
    step = s.step();
    draws = s.step();
  }

  @Override
  public void close() {
    gibbs.close();
  }
}
