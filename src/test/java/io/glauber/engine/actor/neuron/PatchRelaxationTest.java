package io.glauber.engine.actor.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glauber.engine.actor.Dynamics;
import io.glauber.engine.actor.Granularity;
import io.glauber.model.BoltzmannMachine;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Stochastic Hopfield recall on patch actors, one network reused across probes: a 400-unit
 * Hebbian network (J_ij = (1/N) Σ_μ ξ_i^μ ξ_j^μ, 8 patterns, α = 0.02) at T = 0.3, each pattern
 * probed with 10% of its bits flipped, 30 exact sweeps on patches of 100 units (a dense graph: four
 * patches, one after another per sweep). Every probe ends within overlap 0.9 of its pattern — at
 * T = 0.3 and α = 0.02 the retrieval state's overlap is m ≈ tanh(m/T) ≈ 0.9993 (mean field), so
 * m &lt; 0.9 would mean the dynamics failed to retrieve; every probe runs its 30 sweeps from its own
 * start (the network is restarted, not respawned).
 */
class PatchRelaxationTest {
  static final int N = 400;

  static double[][] patterns(int p, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] xi = new double[p][N];
    for (double[] x : xi) for (int i = 0; i < N; i++) x[i] = r.nextBoolean() ? 1 : -1;
    return xi;
  }

  static BoltzmannMachine hebbian(double[][] xi) {
    double[] j = new double[N * N];
    for (double[] x : xi) for (int a = 0; a < N; a++) for (int b = 0; b < N; b++) if (a != b) j[a * N + b] += x[a] * x[b] / N;
    return BoltzmannMachine.hopfield(j, new double[N]);
  }

  static double overlap(double[] s, double[] x) {
    double m = 0;
    for (int i = 0; i < N; i++) m += s[i] * x[i];
    return m / N;
  }

  @Test
  void stochasticRecallRetrievesEveryPattern() {
    double[][] xi = patterns(8, 3);
    BoltzmannMachine net = hebbian(xi).withTemperature(0.3);
    SplittableRandom r = new SplittableRandom(4);
    List<double[]> probes = new ArrayList<>();
    for (double[] x : xi) {
      double[] p = x.clone();
      for (int i = 0; i < N; i++) if (r.nextDouble() < 0.1) p[i] = -p[i];
      probes.add(p);
    }
    List<double[][]> runs = ActorRelaxation.relax(net, probes, Dynamics.exact(), 30, 5, s -> false, Granularity.patches(100));
    assertEquals(xi.length, runs.size());
    for (int k = 0; k < xi.length; k++) {
      assertEquals(30, runs.get(k).length, "sweeps of probe " + k);
      double m = overlap(runs.get(k)[29], xi[k]);
      assertTrue(m > 0.9, "probe " + k + " ended at overlap " + m + " with its pattern (expected > 0.9)");
    }
  }
}
