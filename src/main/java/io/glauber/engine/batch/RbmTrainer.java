package io.glauber.engine.batch;

import io.glauber.data.Dataset;
import io.glauber.data.Shuffle;
import io.glauber.kernel.BatchGibbs;
import io.glauber.kernel.Blas;
import io.glauber.kernel.RbmKernel;
import io.glauber.kernel.Rng;
import io.glauber.learn.ContrastiveDivergence;
import io.glauber.learn.Initialisation;
import io.glauber.learn.Learner;
import io.glauber.learn.NegativePhase;
import io.glauber.learn.ParallelTempering;
import io.glauber.learn.PersistentContrastiveDivergence;
import io.glauber.learn.StackedGradient;
import io.glauber.model.Rbm;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Mini-batch training of a binary RBM by CD-k, PCD-k or parallel tempering, in float32 on the
 * shared kernel: each step is one {@link NegativePhase} ({@link ContrastiveDivergence},
 * {@link PersistentContrastiveDivergence#stacked}, {@link ParallelTempering}) whose statistics
 * ({@link StackedGradient}) the shared {@link Learner} turns into the weight change.
 *
 * <p>Each step takes a mini-batch V₀ of B rows and forms
 *
 * <pre>
 *   ΔW ≈ ⟨v hᵀ⟩₊ − ⟨v hᵀ⟩₋ = V₀ᵀ P(H|V₀)/B − V₋ᵀ P(H|V₋)/C
 *   Δa = mean(V₀) − mean(V₋)       Δb = mean P(H|V₀) − mean P(H|V₋)
 * </pre>
 *
 * where the C negative rows V₋ come from B chains started at the batch (CD), C persistent chains
 * (PCD; started at random data rows with hidden units sampled given them, as in Tieleman 2008) or
 * the β = 1 replica of R tempered replicas of C chains (PT). Learning-rate and momentum schedules
 * are applied per epoch ({@link TrainConfig#ruleAt}); weight decay and sparsity are the learner's.
 * The start is {@link Initialisation#hinton} unless a model is given.
 *
 * <p>Reproducibility: the random streams of step s are derived from (seed, s) — one stream per
 * batch row and per chain ({@link ShardSpec#key}), so that neither the number of threads nor a
 * split of the step over shards changes what is drawn — and the row order of epoch e from
 * (seed, e), so a run resumed from a {@link TrainingCheckpoint} continues exactly as the
 * uninterrupted run would (up to the summation order of multi-threaded BLAS). Buffers are
 * allocated once; the step loop allocates nothing but a step's few small records.
 *
 * <p>Data parallelism ({@link #dataParallel}): each step's statistics come from a
 * {@link StepStatistics} that splits it into shards, computes them elsewhere and sums them; this
 * trainer keeps the parameters, the chains and the learner, and applies the shared rule once to
 * the sum. A step whose statistics fail ({@link StepStatistics.ShardFailure}) changes nothing, so
 * the trainer's state is the last consistent one.
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
  private final ShardSpec wholeStep;
  private final ShardWorker worker;
  private StepStatistics shards; // null: the worker in this process, the learner fused into the statistics
  private final long[] swapAttempts; // tempering swaps per neighbouring pair since the last report
  private final long[] swapAccepts;
  private Function<Rbm, Map<String, Object>> extraMetrics;
  private String bestMetric; // the epoch metric whose highest value marks the best model, or null
  private int bestEpoch;     // 0 while there is none
  private double bestValue = Double.NEGATIVE_INFINITY;
  private float[] bestW = new float[0];
  private float[] bestBias = new float[0];

  private int epoch;
  private long step;
  private long draws; // index of the next step's random streams; equals step in training
  private long lastCheckpoint = System.nanoTime();

  // buffers, allocated once
  private final int[] order;
  private final float[] v0;
  private final float[] chainH; // persistent hidden states: replicas × C × nh
  private final float[] chainV; // PT: visible states, replicas × C × nv
  private final float[] dw, db, hiddenMean;
  private final float[] cv, ch; // β = 1 biases a and b, for the monitor and the chains' start
  private final float[] monitorPh, monitorPv;

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
    load(start != null ? start : Initialisation.hinton(data, rows, cols, nh, cfg.initStd(),
        new Rng(Rng.derive(cfg.seed(), 0, INIT_STREAM))));
    this.learner = new Learner(cfg.ruleAt(0), nv * nh, nv + nh, nv, nh);
    order = new int[rows];
    v0 = new float[b * nv];
    boolean persistent = cfg.method() != TrainConfig.Method.CD;
    chainH = persistent ? new float[replicas * c * nh] : new float[0];
    chainV = cfg.method() == TrainConfig.Method.PT ? new float[replicas * c * nv] : new float[0];
    dw = new float[nv * nh];
    db = new float[nv + nh];
    hiddenMean = new float[nh];
    cv = new float[nv];
    ch = new float[nh];
    monitorPh = new float[b * nh];
    monitorPv = new float[b * nv];
    wholeStep = ShardSpec.whole(cfg, nv, nh, b);
    worker = new ShardWorker(gibbs);
    swapAttempts = new long[replicas - 1];
    swapAccepts = new long[replicas - 1];
    if (persistent) initialiseChains();
  }

  private void load(Rbm m) {
    for (int k = 0; k < w.length; k++) w[k] = (float) m.w()[k];
    for (int i = 0; i < nv; i++) bias[i] = (float) m.visibleBias()[i];
    for (int j = 0; j < nh; j++) bias[nv + j] = (float) m.hiddenBias()[j];
  }

  /**
   * Persistent chains start at data rows (hidden units sampled given them), as in Tieleman 2008;
   * chain n of replica r picks its row and draws its hidden units on streams of its own.
   */
  private void initialiseChains() {
    float[] vn = new float[c * nv];
    float[] phn = new float[c * nh];
    float[] chr = new float[nh];
    for (int r = 0; r < replicas; r++) {
      gibbs.reseedRows(cfg.seed(), -1 - r, (all, n) -> n);
      float beta = (float) (1.0 / cfg.temperatures()[r]);
      for (int j = 0; j < nh; j++) chr[j] = beta * bias[nv + j];
      for (int n = 0; n < c; n++) {
        int row = new Rng(Rng.derive(cfg.seed(), (long) r * c + n, INIT_STREAM + 1)).nextInt(rows);
        System.arraycopy(data, row * nv, vn, n * nv, nv);
      }
      if (chainV.length > 0) System.arraycopy(vn, 0, chainV, r * c * nv, c * nv);
      gibbs.hidden(vn, c, w, nv, nh, beta, chr, phn, null);
      gibbs.sample(phn, c, nh, phn);
      System.arraycopy(phn, 0, chainH, r * c * nh, c * nh);
    }
  }

  /**
   * Takes each step's statistics from {@code statistics} (shards computed elsewhere and summed)
   * instead of computing them in this process; null returns to the local computation. The caller
   * keeps ownership of {@code statistics}.
   */
  public RbmTrainer dataParallel(StepStatistics statistics) {
    this.shards = statistics;
    return this;
  }

  /** Sets a function of the model whose entries are added to each epoch's metrics (e.g. evaluation). */
  public RbmTrainer withEpochMetrics(Function<Rbm, Map<String, Object>> f) {
    this.extraMetrics = f;
    return this;
  }

  /**
   * Keeps the model of the epoch whose {@code metric} (a key of the epoch metrics, higher is better:
   * {@code exact_ll}, {@code ais_ll}, …, usually added by {@link #withEpochMetrics}) is the highest so
   * far, with that epoch; epochs without the metric do not count. Why: a learning rate that is
   * still large at the end leaves the last epoch anywhere in the model's wandering, while the best
   * evaluated one is a figure the run has actually reached. Each epoch's metrics then carry
   * {@code best_epoch} and {@code best_<metric>}; checkpoints keep the best model.
   */
  public RbmTrainer keepingBest(String metric) {
    this.bestMetric = metric;
    return this;
  }

  /** The best-evaluated model of the run (see {@link #keepingBest}), or empty before one was evaluated. */
  public java.util.Optional<Best> best() {
    return bestEpoch == 0 ? java.util.Optional.empty() : java.util.Optional.of(new Best(bestEpoch, bestValue, model(bestW, bestBias)));
  }

  /**
   * The best-evaluated model of a run.
   *
   * @param epoch the epoch (1-based) after which it was evaluated
   * @param value its metric
   * @param model its parameters
   */
  public record Best(int epoch, double value, Rbm model) {}

  private void noteBest(Map<String, Object> m) {
    if (bestMetric == null || !(m.get(bestMetric) instanceof Number x)) return;
    if (x.doubleValue() > bestValue) {
      bestValue = x.doubleValue();
      bestEpoch = epoch;
      bestW = w.clone();
      bestBias = bias.clone();
    }
    m.put("best_epoch", bestEpoch);
    m.put("best_" + bestMetric, bestValue);
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
    return model(w, bias);
  }

  private Rbm model(float[] weights, float[] biases) {
    double[] a = new double[nv];
    double[] hb = new double[nh];
    for (int i = 0; i < nv; i++) a[i] = biases[i];
    for (int j = 0; j < nh; j++) hb[j] = biases[nv + j];
    return new Rbm(nv, nh, RbmKernel.toDouble(weights), a, hb);
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
      Map<String, Object> m = metrics(seconds, step - s0);
      noteBest(m);
      // an epoch's end is a checkpoint unless the step or time knobs say how often (small data sets
      // run thousands of epochs a minute), and the last epoch's end always is
      boolean paced = cfg.checkpointEvery() > 0 || cfg.checkpointMinutes() > 0;
      if (checkpointDir != null && (!paced || epoch == cfg.epochs())) checkpoint(checkpointDir);
      if (listener != null) listener.epochDone(epoch, m);
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
      m.put("pt_swap_acceptance", swapAcceptance());
      java.util.Arrays.fill(swapAttempts, 0);
      java.util.Arrays.fill(swapAccepts, 0);
    }
    m.put("blas", Blas.backendId());
    m.put("threads", gibbs.threads());
    if (extraMetrics != null) m.putAll(extraMetrics.apply(rbm()));
    return m;
  }

  /** Swap acceptance rate of each neighbouring pair of replicas since the last epoch's report (empty unless PT). */
  public double[] swapAcceptance() {
    double[] acc = new double[swapAttempts.length];
    for (int r = 0; r < acc.length; r++) acc[r] = swapAttempts[r] == 0 ? Double.NaN : swapAccepts[r] / (double) swapAttempts[r];
    return acc;
  }

  /**
   * Mean squared reconstruction error Σ_i (v_i − p(v_i=1|h))² per row, h = p(h|v) (mean field), over
   * the first {@code n} rows of the data ({@link BatchGibbs#squaredReconstructionError}).
   */
  public double reconstructionError(int n) {
    if (n == 0) return Double.NaN;
    System.arraycopy(bias, 0, cv, 0, nv);
    System.arraycopy(bias, nv, ch, 0, nh);
    return gibbs.squaredReconstructionError(data, n, w, nv, nh, 1f, cv, ch, v0, monitorPh, monitorPv) / n;
  }

  private void permutation(int e) {
    for (int r = 0; r < rows; r++) order[r] = r;
    Shuffle.shuffle(order, new Rng(Rng.derive(cfg.seed(), e, ORDER_STREAM)));
  }

  /**
   * One update from the mini-batch {@code batch} (B×nv): the negative phase's statistics, then the
   * learner. In this process, the weight change of each block of rows of W is applied by the thread
   * that has just formed that block of ΔW ({@link StackedGradient#differences}); under
   * {@link #dataParallel}, the learner applies the same rule to the shards' summed statistics
   * ({@link Learner#applyDifferences}).
   */
  public void update(float[] batch) {
    if (shards == null) {
      statistics(batch).differences(dw, db, hiddenMean, learner, w, bias);
    } else {
      ShardResult sum = shards.compute(work(batch));
      draws++;
      addSwaps(sum.swapAttempts(), sum.swapAccepts());
      learner.applyDifferences(w, sum.dW(), bias, sum.dBias(), sum.hiddenClamped());
    }
    step++;
  }

  /**
   * The statistics of one step without applying them: {@code dW} = ⟨v hᵀ⟩₊ − ⟨v hᵀ⟩₋,
   * {@code dBias} = ⟨[v, h]⟩₊ − ⟨[v, h]⟩₋ and {@code hiddenClamped} = ⟨h⟩₊; advances the chains and
   * the random streams as a training step does.
   */
  void differences(float[] batch, float[] dW, float[] dBias, float[] hiddenClamped) {
    statistics(batch).differences(dW, dBias, hiddenClamped, null, w, bias);
  }

  /** Runs the negative phase of one step on this step's random streams. */
  private StackedGradient statistics(float[] batch) {
    StackedGradient g = worker.statistics(work(batch));
    draws++;
    addSwaps(worker.swapAttempts(), worker.swapAccepts());
    return g;
  }

  /** The whole step on {@code batch}: this step's streams, the parameters and all chains (not copied). */
  private ShardWork work(float[] batch) {
    return new ShardWork(wholeStep, draws, w, bias, batch, chainV, chainH);
  }

  private void addSwaps(long[] attempts, long[] accepts) {
    for (int r = 0; r < swapAttempts.length; r++) {
      swapAttempts[r] += attempts[r];
      swapAccepts[r] += accepts[r];
    }
  }


  // ---- checkpoints ----

  /**
   * The batched engine's entry point for a configured run on {@code data}: resumed from the newest
   * good checkpoint in {@code dir} when {@code resume} (bad ones are described to {@code problems}
   * and skipped), else a fresh run, the old checkpoints in {@code dir} deleted first.
   */
  public static RbmTrainer open(TrainConfig cfg, Dataset data, Path dir, boolean resume, java.util.function.Consumer<String> problems) {
    if (!resume) TrainingCheckpoint.clear(dir);
    return resumeOrStart(cfg, data.values(), data.rows(), data.cols(), dir, problems);
  }

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
        learner.velocities(), chainH.clone(), chainV.clone(),
        swapAttempts.clone(), swapAccepts.clone(),
        bestEpoch, bestValue, bestW.clone(), bestBias.clone());
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
    if (s.swapAttempts().length != swapAttempts.length || s.swapAccepts().length != swapAccepts.length) {
      throw new IllegalArgumentException("checkpoint with swap counts of " + s.swapAttempts().length + " and "
          + s.swapAccepts().length + " pairs (expected " + swapAttempts.length + ")");
    }
    System.arraycopy(s.swapAttempts(), 0, swapAttempts, 0, swapAttempts.length);
    System.arraycopy(s.swapAccepts(), 0, swapAccepts, 0, swapAccepts.length);
    if (s.step() > 0) learner.restoreVelocities(s.velocities(), true);
    bestEpoch = s.bestEpoch();
    bestValue = s.bestEpoch() == 0 ? Double.NEGATIVE_INFINITY : s.bestValue();
    bestW = s.bestW().clone();
    bestBias = s.bestBias().clone();
    epoch = s.epoch();
    step = s.step();
    draws = s.step();
  }

  @Override
  public void close() {
    gibbs.close();
  }
}
