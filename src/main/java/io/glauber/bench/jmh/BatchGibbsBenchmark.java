package io.glauber.bench.jmh;

import io.glauber.kernel.BatchGibbs;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One half-step of block Gibbs sampling as the batched engine runs it ({@link BatchGibbs}): the
 * product, then σ(s·x + c) and a Bernoulli draw of every entry, the rows split over the engine's
 * team of threads (one single-threaded BLAS call per part when the library runs on one thread, as
 * {@code bin/glauber} sets it). {@code hidden}: P_H ← σ(V·W + c_h), H ~ Bernoulli(P_H);
 * {@code visible}: P_V ← σ(H·Wᵀ + c_v), V ~ Bernoulli(P_V). A CD-1 step is one hidden, one
 * visible and one hidden half-step plus the gradient products ({@link BlasBenchmark#gradient}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BatchGibbsBenchmark {
  @Param({"100"})
  public int batch;

  @Param({"784"})
  public int visible;

  @Param({"500"})
  public int hidden;

  private BatchGibbs gibbs;
  private float[] v;
  private float[] h;
  private float[] w;
  private float[] visibleBias;
  private float[] hiddenBias;
  private float[] ph;
  private float[] pv;

  @Setup
  public void setup() {
    KernelBenchmarks.printBackends();
    SplittableRandom r = new SplittableRandom(1);
    v = BlasBenchmark.binary(batch * visible + batch, r);
    h = BlasBenchmark.binary(batch * hidden, r);
    w = new float[visible * hidden];
    for (int i = 0; i < w.length; i++) w[i] = (float) (0.01 * r.nextGaussian());
    visibleBias = new float[visible];
    hiddenBias = new float[hidden];
    for (int i = 0; i < visible; i++) visibleBias[i] = (float) (0.1 * r.nextGaussian());
    ph = new float[batch * hidden];
    pv = new float[batch * visible];
    gibbs = new BatchGibbs();
    gibbs.reseed(1, 0);
  }

  @TearDown
  public void tearDown() {
    gibbs.close();
  }

  /** P_H ← σ(V·W + c_h) and H ~ Bernoulli(P_H), at T = 1. */
  @Benchmark
  public float[] hiddenHalfStep() {
    gibbs.hidden(v, batch, w, visible, hidden, 1f, hiddenBias, ph, h);
    return h;
  }

  /** P_V ← σ(H·Wᵀ + c_v) and V ~ Bernoulli(P_V), at T = 1. */
  @Benchmark
  public float[] visibleHalfStep() {
    gibbs.visible(h, batch, w, visible, hidden, 1f, visibleBias, pv, v);
    return v;
  }
}
