package io.glauber.bench;

import io.glauber.model.Glauber;
import io.glauber.model.Units;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How far an asynchronous trajectory strays from a sequential one driven by the same random
 * numbers (Daskalakis, Dikkala and Jayanti 2018, "HOGWILD!-Gibbs can be PanAccurate": under
 * Dobrushin's condition the Hamming distance stays O(τ log n) with high probability).
 *
 * <p>Model: the periodic L×L Ising lattice (J = 1, spins, no field, n = L²) at temperature T. Both
 * chains start from the same random state and make the same random-scan updates: step t updates
 * site i_t with uniform u_t, by {@link Glauber#update} from the field Σ_j s_j of its four neighbours.
 * The sequential chain reads its neighbours' current states; the asynchronous one reads each
 * neighbour as it was d steps ago, d uniform in {0, …, τ} drawn per read — a delay of at most τ
 * update steps, the staleness model of De Sa et al. (2016) and Daskalakis et al. (2018). The
 * distance is the number of sites where the two chains differ after {@code sweeps}·n steps.
 */
public final class CoupledTrajectories {
  private CoupledTrajectories() {}

  /** Changes remembered per site: enough for any site's history over τ steps unless τ is a large part of n. */
  private static final int HISTORY = 16;

  /** One coupled run: the Hamming distance after {@code sweeps}·n steps. */
  public static int hamming(int side, double temperature, int tau, int sweeps, long seed) {
    int n = side * side;
    SplittableRandom r = new SplittableRandom(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) x[i] = r.nextBoolean() ? 1 : -1;
    double[] y = x.clone();
    // per site: the times and values of its last HISTORY changes in the asynchronous chain (ring buffers)
    long[][] when = new long[n][HISTORY];
    double[][] was = new double[n][HISTORY];
    int[] head = new int[n];
    for (int i = 0; i < n; i++) java.util.Arrays.fill(when[i], Long.MIN_VALUE);
    SplittableRandom delays = r.split();
    long steps = (long) sweeps * n;
    int[] nb = new int[4];
    for (long t = 0; t < steps; t++) {
      int i = r.nextInt(n);
      double u = r.nextDouble();
      neighbours(i, side, nb);
      double hx = 0;
      double hy = 0;
      for (int j : nb) {
        hx += x[j];
        hy += tau == 0 ? y[j] : valueAt(when[j], was[j], head[j], y[j], Math.max(0, t - delays.nextInt(tau + 1)));
      }
      x[i] = Glauber.update(Units.SPIN, hx, temperature, u);
      double next = Glauber.update(Units.SPIN, hy, temperature, u);
      if (next != y[i]) {
        // remember the old value as valid until t
        int h = (head[i] + 1) % HISTORY;
        when[i][h] = t;
        was[i][h] = y[i];
        head[i] = h;
        y[i] = next;
      }
    }
    int d = 0;
    for (int i = 0; i < n; i++) if (x[i] != y[i]) d++;
    return d;
  }

  /**
   * The asynchronous chain's s_j as it was before step {@code s}: its current value unless it
   * changed at or after s, else the value it had before the earliest such change still remembered.
   */
  private static double valueAt(long[] when, double[] was, int head, double now, long s) {
    double v = now;
    for (int k = 0, h = head; k < HISTORY; k++, h = (h + HISTORY - 1) % HISTORY) {
      if (when[h] < s) break;
      v = was[h];
    }
    return v;
  }

  private static void neighbours(int i, int side, int[] out) {
    int row = i / side;
    int col = i % side;
    out[0] = row * side + (col + 1) % side;
    out[1] = row * side + (col + side - 1) % side;
    out[2] = ((row + 1) % side) * side + col;
    out[3] = ((row + side - 1) % side) * side + col;
  }

  /**
   * The grid: for every side and τ, the mean and largest Hamming distance over {@code runs} coupled
   * runs, and the mean divided by τ·ln n (flat in n if the O(τ log n) bound is tight; falling if the
   * distance grows more slowly). Dobrushin's total influence of the lattice is 4·tanh(1/T).
   */
  public static List<Map<String, Object>> grid(int[] sides, int[] taus, double temperature, int sweeps, int runs, long seed) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int side : sides) {
      for (int tau : taus) {
        double sum = 0;
        int max = 0;
        for (int k = 0; k < runs; k++) {
          int d = hamming(side, temperature, tau, sweeps, seed + 7919L * k + side * 31L + tau);
          sum += d;
          max = Math.max(max, d);
        }
        int n = side * side;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("n", n);
        row.put("tau_steps", tau);
        row.put("temperature", temperature);
        row.put("total_influence_alpha", 4 * Math.tanh(1 / temperature));
        row.put("sweeps", sweeps);
        row.put("runs", runs);
        row.put("hamming_mean", sum / runs);
        row.put("hamming_max", max);
        row.put("hamming_over_tau_ln_n", tau == 0 ? 0.0 : sum / runs / (tau * Math.log(n)));
        rows.add(row);
      }
    }
    return rows;
  }
}
