package io.glauber.evaluate;

import io.glauber.kernel.BatchGibbs;
import io.glauber.kernel.Blas;
import io.glauber.kernel.FastMath;
import io.glauber.kernel.Rng;
import io.glauber.kernel.Team;
import io.glauber.model.Rbm;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Annealed importance sampling of an RBM's log partition function (Neal 2001; Salakhutdinov &amp;
 * Murray 2008, "On the quantitative analysis of deep belief networks", ICML).
 *
 * <p>The path runs from a base-rate model A (visible biases a_A fitted to the data, W = 0, hidden
 * biases 0) to the target B along
 *
 * <pre>
 *   p*_k(v) = exp((1−β_k) a_A·v + β_k a_B·v) · Π_j (1 + exp(β_k (b_j + v·W_j)))
 *   log Z_A = Σ_i log(1 + e^{a_A,i}) + n_h log 2
 * </pre>
 *
 * with β_0 = 0 &lt; β_1 &lt; … &lt; β_K = 1: steps of 1/1000 to 0.5, 1/10,000 to 0.9 and 1/100,000 to 1
 * (14,500 intermediate distributions, {@link #standardSchedule()}). Each of M runs draws v_1 from
 * A, then alternates the importance weight update log w += log p*_k(v_k) − log p*_{k−1}(v_k) with
 * one block-Gibbs transition T_k (h ~ σ(β_k(b + vW)), v ~ σ((1−β_k)a_A + β_k(a_B + Wh))) that leaves
 * p_k invariant. Then Ẑ_B/Z_A = mean_m w_m, so log Ẑ_B = log Z_A + log mean w. The M runs form the
 * rows of one batch: the two products per β go through BLAS and the elementwise work is split over
 * a {@link Team}.
 *
 * <p>Spread: with r_m = w_m / max w, the standard error of log mean w is approximately
 * sd(r)/(mean(r)·√M) (delta method); the result also gives log(mean w ± 3·se(w)), the "±3 standard
 * deviations" interval of Salakhutdinov &amp; Murray. AIS underestimates log Z in expectation
 * (Jensen), and the delta-method spread is optimistic when the weights are heavy-tailed.
 */
public final class Ais {
  private Ais() {}

  /**
   * The settings of a run.
   *
   * @param runs M, the number of independent annealing runs
   * @param betas the schedule, increasing from 0 to 1
   * @param seed the seed of the runs' random streams
   */
  public record Settings(int runs, double[] betas, long seed) {
    public Settings {
      if (runs < 2) throw new IllegalArgumentException("AIS runs " + runs + " (expected ≥ 2)");
      if (betas.length < 2 || betas[0] != 0 || betas[betas.length - 1] != 1) {
        throw new IllegalArgumentException("AIS schedule of " + betas.length + " β from " + (betas.length > 0 ? betas[0] : "-") + " (expected 0 … 1)");
      }
      for (int k = 1; k < betas.length; k++) {
        if (!(betas[k] > betas[k - 1])) throw new IllegalArgumentException("AIS β_" + k + " = " + betas[k] + " (expected increasing)");
      }
      betas = betas.clone();
    }

    /** 100 runs over the standard schedule. */
    public static Settings standard(long seed) {
      return new Settings(100, standardSchedule(), seed);
    }
  }

  /**
   * The result.
   *
   * @param logZ log Ẑ_B
   * @param logZStdErr delta-method standard error of log Ẑ_B
   * @param logZLow log(mean w − 3·se(w)) + log Z_A (−∞ when the interval reaches 0)
   * @param logZHigh log(mean w + 3·se(w)) + log Z_A
   * @param logZBase log Z_A
   * @param runs M
   * @param betas K + 1, the number of β including 0 and 1
   * @param seconds wall time
   */
  public record Result(double logZ, double logZStdErr, double logZLow, double logZHigh, double logZBase,
      int runs, int betas, double seconds) {

    /** The fields as metrics. */
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("ais_logz", logZ);
      m.put("ais_logz_stderr", logZStdErr);
      m.put("ais_logz_low", logZLow);
      m.put("ais_logz_high", logZHigh);
      m.put("ais_logz_base", logZBase);
      m.put("ais_runs", runs);
      m.put("ais_betas", betas);
      m.put("ais_seconds", seconds);
      return m;
    }
  }

  /** β from 0 by 1/1000 to 0.5, by 1/10,000 to 0.9, by 1/100,000 to 1: 14,501 values. */
  public static double[] standardSchedule() {
    double[] b = new double[500 + 4000 + 10000 + 1];
    int k = 0;
    for (int s = 0; s < 500; s++) b[k++] = s / 1000.0;
    for (int s = 0; s < 4000; s++) b[k++] = 0.5 + s / 10_000.0;
    for (int s = 0; s < 10000; s++) b[k++] = 0.9 + s / 100_000.0;
    b[k] = 1.0;
    return b;
  }

  /**
   * The base-rate visible biases of Salakhutdinov &amp; Murray: a_A,i = log(p_i/(1−p_i)) of the data
   * means p_i, smoothed as (Σ v_i + 1)/(N + 2); {@code data == null} gives a_A = 0 (uniform base).
   */
  public static float[] baseRateBiases(float[] data, int rows, int cols) {
    float[] a = new float[cols];
    if (data == null) return a;
    double[] sum = new double[cols];
    for (int r = 0; r < rows; r++) for (int i = 0; i < cols; i++) sum[i] += data[r * cols + i];
    for (int i = 0; i < cols; i++) {
      double p = (sum[i] + 1) / (rows + 2.0);
      a[i] = (float) Math.log(p / (1 - p));
    }
    return a;
  }

  /** Estimates log Z of {@code rbm} (at T = 1) with the base-rate model of {@code data}. */
  public static Result logPartition(Rbm rbm, float[] data, int rows, Settings s) {
    if (rbm.temperature() != 1.0) throw new IllegalArgumentException("AIS of " + rbm + " (expected T = 1)");
    long t0 = System.nanoTime();
    int nv = rbm.nVisible();
    int nh = rbm.nHidden();
    int m = s.runs();
    float[] w = toFloat(rbm.w());
    float[] aB = toFloat(rbm.visibleBias());
    float[] bB = toFloat(rbm.hiddenBias());
    float[] aA = baseRateBiases(data, rows, nv);
    float[] dA = new float[nv];
    for (int i = 0; i < nv; i++) dA[i] = aB[i] - aA[i];
    double logZA = nh * Math.log(2);
    for (float x : aA) logZA += io.glauber.model.Glauber.softplus(x);

    float[] v = new float[m * nv];
    float[] pv = new float[m * nv];
    float[] x = new float[m * nh];
    float[] h = new float[m * nh];
    float[] cv = new float[nv];
    double[] logw = new double[m];
    float[] vis = new float[m];
    double[] betas = s.betas();
    try (Team team = Team.ofCores(2); BatchGibbs gibbs = new BatchGibbs(team)) {
      Rng[] rngs = new Rng[team.size()];
      for (int p = 0; p < rngs.length; p++) rngs[p] = new Rng(0);
      // v_1 ~ A
      gibbs.reseed(s.seed(), 0);
      for (int r = 0; r < m; r++) System.arraycopy(aA, 0, pv, r * nv, nv);
      for (int k = 0; k < pv.length; k++) pv[k] = FastMath.sigmoid(pv[k]);
      gibbs.sample(pv, m, nv, v);
      float[] stepBetas = new float[2];
      float[] dBeta = new float[1];
      boolean[] sampleH = new boolean[1];
      // the product V·W of the runs is split into the parts' row blocks when the native library runs
      // on one thread (BatchGibbs#splitsProduct), else one call before the parts start
      boolean split = gibbs.splitsProduct((long) m * nv * nh);
      Team.Body body = (from, to, part) -> {
        if (split && to > from) Blas.gemm(false, false, to - from, nh, nv, 1f, v, from * nv, nv, w, 0, nh, 0f, x, from * nh, nh);
        float b1 = stepBetas[1];
        float b0 = stepBetas[0];
        Rng rng = rngs[part];
        for (int r = from; r < to; r++) {
          int o = r * nh;
          for (int j = 0; j < nh; j++) x[o + j] += bB[j];
          double inc = FastMath.softplusDifferenceSum(x, o, o + nh, b1, b0);
          logw[r] += inc + (double) dBeta[0] * vis[r];
          if (sampleH[0]) {
            FastMath.sigmoidInPlace(x, o, o + nh, b1);
            rng.bernoulli(x, o, o + nh, h);
          }
        }
      };
      for (int k = 1; k < betas.length; k++) {
        float bk = (float) betas[k];
        stepBetas[0] = (float) betas[k - 1];
        stepBetas[1] = bk;
        dBeta[0] = (float) (betas[k] - betas[k - 1]);
        sampleH[0] = k + 1 < betas.length;
        for (int p = 0; p < rngs.length; p++) rngs[p].setState(Rng.derive(s.seed(), k, 1000 + p));
        if (!split) Blas.gemm(false, false, m, nh, nv, 1f, v, w, 0f, x);
        Blas.gemm(false, false, m, 1, nv, 1f, v, dA, 0f, vis); // (a_B − a_A)·v of every run
        team.run(m, body);
        if (!sampleH[0]) break;
        for (int i = 0; i < nv; i++) cv[i] = (1 - bk) * aA[i] + bk * aB[i];
        gibbs.reseed(s.seed(), k);
        gibbs.visible(h, m, w, nv, nh, bk, cv, pv, v);
      }
    }
    double max = Arrays.stream(logw).max().orElseThrow();
    double mean = 0;
    for (double lw : logw) mean += Math.exp(lw - max);
    mean /= m;
    double var = 0;
    for (double lw : logw) var += Math.pow(Math.exp(lw - max) - mean, 2);
    var /= (m - 1);
    double seMean = Math.sqrt(var / m);
    double logMean = max + Math.log(mean);
    return new Result(logZA + logMean, seMean / mean,
        mean - 3 * seMean > 0 ? logZA + max + Math.log(mean - 3 * seMean) : Double.NEGATIVE_INFINITY,
        logZA + max + Math.log(mean + 3 * seMean), logZA, m, betas.length, (System.nanoTime() - t0) / 1e9);
  }

  private static float[] toFloat(double[] x) {
    float[] out = new float[x.length];
    for (int i = 0; i < x.length; i++) out[i] = (float) x[i];
    return out;
  }
}
