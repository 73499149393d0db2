package io.glauber.bench.jmh;

import io.glauber.kernel.FastMath;
import io.glauber.kernel.Rng;
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
 * The elementwise kernels between the products of a Gibbs step, on one thread: σ over a block
 * ({@link FastMath#sigmoidInPlace}), the layer conditional σ(s·x + c) row by row
 * ({@link FastMath#sigmoidAffine}), the free-energy kernel Σ[softplus(s₁x) − softplus(s₀x)]
 * ({@link FastMath#softplusDifferenceSum}), and Bernoulli draws out[k] ← [u &lt; p[k]]
 * ({@link Rng#bernoulli}). {@code size} entries per call: 500 is one hidden row, 50,000 a batch of
 * 100 rows of 500. They run through the Vector API ({@code kernel.VectorMath}) when the JVM has
 * {@code jdk.incubator.vector} ({@code bin/glauber} adds it) and as scalar Java otherwise, or with
 * {@code -jvmArgsAppend -Dglauber.scalarMath=true}.
 *
 * <p>The σ kernels work in place: from the second call on they apply σ to values in (0, 1), which
 * runs the same instructions as the engine's inputs (no branch depends on the value).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ElementwiseBenchmark {
  @Param({"500", "50000"})
  public int size;

  /** Row length of {@link #sigmoidAffine}: the hidden layer of the 784-500 benchmark. */
  private static final int COLUMNS = 500;

  private float[] x;
  private float[] input;
  private float[] bias;
  private float[] p;
  private float[] sample;
  private Rng rng;

  @Setup
  public void setup() {
    KernelBenchmarks.printBackends();
    SplittableRandom r = new SplittableRandom(1);
    x = new float[size];
    input = new float[size];
    p = new float[size];
    sample = new float[size];
    bias = new float[COLUMNS];
    for (int i = 0; i < size; i++) {
      x[i] = (float) (4 * r.nextGaussian());
      input[i] = x[i];
      p[i] = (float) r.nextDouble();
    }
    for (int j = 0; j < COLUMNS; j++) bias[j] = (float) (0.1 * r.nextGaussian());
    rng = new Rng(Rng.derive(1, 0, 0));
  }

  /** x ← σ(x). */
  @Benchmark
  public float[] sigmoid() {
    FastMath.sigmoidInPlace(x, 0, size, 1f);
    return x;
  }

  /** x[row] ← σ(s·x[row] + c) for each row of {@value #COLUMNS} (the last row may be shorter). */
  @Benchmark
  public float[] sigmoidAffine() {
    for (int off = 0; off < size; off += COLUMNS) FastMath.sigmoidAffine(x, off, Math.min(COLUMNS, size - off), 1f, bias);
    return x;
  }

  /** Σ_k [softplus(x_k) − softplus(x_k / 2)]: the tempered free-energy difference (AIS). */
  @Benchmark
  public double softplusDifference() {
    return FastMath.softplusDifferenceSum(input, 0, size, 1f, 0.5f);
  }

  /** out[k] ← [u_k &lt; p[k]], u_k uniform. */
  @Benchmark
  public float[] bernoulli() {
    rng.bernoulli(p, 0, size, sample);
    return sample;
  }
}
