package io.glauber.engine.batch;

import io.glauber.kernel.BatchGibbs;
import io.glauber.learn.ContrastiveDivergence;
import io.glauber.learn.HalfSteps;
import io.glauber.learn.NegativePhase;
import io.glauber.learn.ParallelTempering;
import io.glauber.learn.PersistentContrastiveDivergence;
import io.glauber.learn.StackedGradient;

/**
 * Computes shards of training steps: the step's {@link NegativePhase} (CD-k, stacked PCD-k or
 * parallel tempering, as {@link RbmTrainer} runs them) over the shard's batch rows and chains, on
 * per-row random streams keyed by {@link ShardSpec#key}, its statistics weighted by the whole
 * step's row counts. The same worker serves the single-process trainer (the shard
 * {@link ShardSpec#whole}, the learner's change fused into the statistics' product) and every
 * member of a data-parallel run. The negative phase is rebuilt only when the shard's shape changes.
 * Not thread-safe: one per thread of work.
 */
public final class ShardWorker implements AutoCloseable {
  private final BatchGibbs gibbs;
  private final boolean ownGibbs;
  private ShardSpec spec;
  private StackedGradient gradient;
  private NegativePhase phase;
  private ParallelTempering tempering;
  private final BatchGibbs.RowKeys keys = (rows, row) -> spec.key(rows, row);

  /** A worker on its own sampler (a team of up to two threads). */
  public ShardWorker() {
    this(new BatchGibbs(), true);
  }

  /** A worker on the caller's sampler (not closed by {@link #close}). */
  public ShardWorker(BatchGibbs gibbs) {
    this(gibbs, false);
  }

  private ShardWorker(BatchGibbs gibbs, boolean own) {
    this.gibbs = gibbs;
    this.ownGibbs = own;
  }

  /**
   * Runs the negative phase of {@code work} (its chains advanced in place) and returns the filled
   * statistics, to be formed by {@link StackedGradient#differences}; valid until the next call.
   */
  public StackedGradient statistics(ShardWork work) {
    prepare(work.spec());
    gibbs.reseedRows(spec.seed(), work.draws(), keys);
    if (tempering != null) tempering.resetSwapCounts();
    NegativePhase.Chains chains = spec.persistent()
        ? new NegativePhase.Chains(spec.replicas(), spec.shardChains(), work.chainV(), work.chainH()) : null;
    return phase.step(new NegativePhase.Start(work.batch(), spec.shardRows(), work.w(), work.bias(), chains)).statistics();
  }

  /** The shard's statistics and chains after {@code work} (the arrays of the statistics are new). */
  public ShardResult compute(ShardWork work) {
    int nv = work.spec().nVisible();
    int nh = work.spec().nHidden();
    float[] dW = new float[nv * nh];
    float[] dBias = new float[nv + nh];
    float[] hidden = new float[nh];
    statistics(work).differences(dW, dBias, hidden, null, work.w(), work.bias());
    return new ShardResult(dW, dBias, hidden, work.chainV(), work.chainH(), swapAttempts(), swapAccepts());
  }

  /** Swaps tried per neighbouring pair of replicas in the last step (empty unless PT). */
  public long[] swapAttempts() {
    return tempering == null ? new long[0] : tempering.swapAttempts();
  }

  /** Swaps accepted per neighbouring pair in the last step (empty unless PT). */
  public long[] swapAccepts() {
    return tempering == null ? new long[0] : tempering.swapAccepts();
  }

  private void prepare(ShardSpec s) {
    if (s.equals(spec)) return;
    int nv = s.nVisible();
    int nh = s.nHidden();
    int n = s.shardRows();
    int m = s.shardChains();
    StackedGradient g = new StackedGradient(nv, nh, gibbs);
    g.normalisers(s.batchRows(), s.negativeRows());
    g.visibleStack(n, m); // allocates the stacks once
    HalfSteps passes = HalfSteps.of(gibbs, nv, nh);
    ParallelTempering pt = s.method() == TrainConfig.Method.PT
        ? new ParallelTempering(s.k(), s.temperatures(), nv, nh, m, n, gibbs, g) : null;
    phase = switch (s.method()) {
      case CD -> new ContrastiveDivergence(s.k(), nv, nh, passes, g);
      case PCD -> PersistentContrastiveDivergence.stacked(s.k(), nv, nh, passes, g);
      case PT -> pt;
    };
    gradient = g;
    tempering = pt;
    spec = s;
  }

  @Override
  public void close() {
    if (ownGibbs) gibbs.close();
  }
}
