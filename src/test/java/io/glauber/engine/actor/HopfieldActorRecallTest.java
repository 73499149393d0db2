package io.glauber.engine.actor;

import io.glauber.engine.actor.neuron.ActorRelaxation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glauber.hopfield.HopfieldBatchRecall;
import io.glauber.hopfield.HopfieldRecall;
import io.glauber.hopfield.HopfieldStorage;
import io.glauber.hopfield.Patterns;
import io.glauber.hopfield.RecallResult;
import io.glauber.model.BoltzmannMachine;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Hopfield recall with one neuron actor per unit (exact mode: colour classes behind a barrier,
 * which for a dense network is a fixed-order sequential sweep) against the batched engine (random
 * order per sweep) on the same probes. Both are valid asynchronous T = 0 dynamics, so they need not
 * agree probe by probe, but the distribution of final overlaps must agree: the difference of mean
 * overlaps is held to 4 standard errors of that difference (estimated from the per-probe spreads).
 */
class HopfieldActorRecallTest {

  @Test
  void actorExactModeReproducesTheBatchedEnginesOverlapsOnTheSameProbes() {
    SplittableRandom rng = new SplittableRandom(17);
    int n = 120;
    int[][] xi = Patterns.random(14, n, rng); // α ≈ 0.117: near capacity, so recall sometimes fails
    BoltzmannMachine net = HopfieldStorage.hebb(xi);
    List<double[]> probes = new ArrayList<>();
    List<Integer> target = new ArrayList<>();
    for (int k = 0; k < 56; k++) {
      probes.add(Patterns.corrupt(xi[k % xi.length], 0.2, rng));
      target.add(k % xi.length);
    }
    List<RecallResult> batch = new HopfieldBatchRecall(net, 2).asynchronous(probes.toArray(new double[0][]), 60, 5);
    List<double[][]> runs = ActorRelaxation.relax(net, probes, Dynamics.exact(), 30, 5);
    List<double[]> actors = new ArrayList<>();
    for (double[][] r : runs) actors.add(r[r.length - 1]);

    double[] a = new double[probes.size()];
    double[] b = new double[probes.size()];
    for (int k = 0; k < probes.size(); k++) {
      a[k] = Patterns.overlap(xi[target.get(k)], actors.get(k));
      b[k] = Patterns.overlap(xi[target.get(k)], batch.get(k).state());
      assertTrue(HopfieldRecall.isFixedPoint(net, actors.get(k)), "actor run " + k + " did not reach a fixed point in 30 sweeps");
    }
    double diff = mean(a) - mean(b);
    double se = Math.sqrt(variance(a) / a.length + variance(b) / b.length);
    assertTrue(Math.abs(diff) <= 4 * se + 1e-12,
        () -> String.format("mean overlap: actors %.4f, batched %.4f, difference %.4f > 4 SE = %.4f", mean(a), mean(b), diff, 4 * se));
    assertTrue(mean(a) > 0.8, "recall mostly succeeds at this load: mean overlap " + mean(a));
  }

  @Test
  void aRunEndsAtItsFirstFixedPoint() {
    SplittableRandom rng = new SplittableRandom(23);
    int[][] xi = Patterns.random(4, 60, rng);
    BoltzmannMachine net = HopfieldStorage.hebb(xi);
    List<double[]> probes = new ArrayList<>();
    for (int k = 0; k < 8; k++) probes.add(Patterns.corrupt(xi[k % xi.length], 0.25, rng));
    List<double[][]> runs = ActorRelaxation.relax(net, probes, Dynamics.exact(), 50, 3, s -> HopfieldRecall.isFixedPoint(net, s));
    for (int k = 0; k < runs.size(); k++) {
      double[][] r = runs.get(k);
      assertTrue(r.length < 50, "run " + k + " went on for all 50 sweeps");
      assertTrue(HopfieldRecall.isFixedPoint(net, r[r.length - 1]), "run " + k + " ended off a fixed point");
      for (int s = 0; s < r.length - 1; s++) assertTrue(!HopfieldRecall.isFixedPoint(net, r[s]), "run " + k + " went past the fixed point of sweep " + (s + 1));
    }
  }

  private static double mean(double[] x) {
    double s = 0;
    for (double v : x) s += v;
    return s / x.length;
  }

  private static double variance(double[] x) {
    double m = mean(x);
    double s = 0;
    for (double v : x) s += (v - m) * (v - m);
    return s / (x.length - 1);
  }
}
