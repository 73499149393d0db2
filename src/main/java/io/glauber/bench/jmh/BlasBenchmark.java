package io.glauber.bench.jmh;

import io.glauber.kernel.Blas;
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

/**
 * The three sgemm shapes of one CD/PCD step of the batched engine, one {@link Blas#gemm} call each
 * on the library's threads: V·W (rows×n_v by n_v×n_h, the hidden input), H·Wᵀ (the visible input)
 * and Vᵀ·H (n_v×rows by rows×n_h, a gradient product). Each costs 2·rows·n_v·n_h flops; GFLOP/s =
 * that ÷ the time per call. {@code rows} = 2·batch is the stacked product of {@code RbmTrainer} (the
 * positive phase and the chains' last hidden product in one call). {@link BatchGibbsBenchmark}
 * times the same products split over the engine's team, as the trainer runs them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BlasBenchmark {
  @Param({"100", "200"})
  public int rows;

  @Param({"784"})
  public int visible;

  @Param({"500"})
  public int hidden;

  private float[] v;
  private float[] h;
  private float[] w;
  private float[] outHidden;
  private float[] outVisible;
  private float[] outGradient;

  @Setup
  public void setup() {
    KernelBenchmarks.printBackends();
    SplittableRandom r = new SplittableRandom(1);
    v = binary(rows * visible + rows, r); // slack as RbmTrainer keeps for netlib's bounds check of column blocks
    h = binary(rows * hidden, r);
    w = new float[visible * hidden];
    for (int i = 0; i < w.length; i++) w[i] = (float) (0.01 * r.nextGaussian());
    outHidden = new float[rows * hidden];
    outVisible = new float[rows * visible];
    outGradient = new float[visible * hidden];
  }

  static float[] binary(int n, SplittableRandom r) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) x[i] = r.nextBoolean() ? 1f : 0f;
    return x;
  }

  /** P_H's input: V (rows×n_v) · W (n_v×n_h). */
  @Benchmark
  public float[] hiddenInput() {
    Blas.gemm(false, false, rows, hidden, visible, 1f, v, w, 0f, outHidden);
    return outHidden;
  }

  /** P_V's input: H (rows×n_h) · Wᵀ. */
  @Benchmark
  public float[] visibleInput() {
    Blas.gemm(false, true, rows, visible, hidden, 1f, h, w, 0f, outVisible);
    return outVisible;
  }

  /** A gradient product: Vᵀ (n_v×rows) · H (rows×n_h). */
  @Benchmark
  public float[] gradient() {
    Blas.gemm(true, false, visible, hidden, rows, 1f, v, h, 0f, outGradient);
    return outGradient;
  }
}
