package io.glauber.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.glauber.model.Units;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The study's distances: TV over all units and the sparse variation distance over pairs; the classical mixing bound. */
class AsynchronyStudyTest {
  @Test
  void sparseDistanceOverPairsSeesOnlyTwoUnitMarginals() {
    double[] uniform = new double[8];
    java.util.Arrays.fill(uniform, 1.0 / 8);
    List<int[]> samples = new ArrayList<>();
    for (int k = 0; k < 10; k++) samples.add(k % 2 == 0 ? new int[] {0, 0, 0} : new int[] {1, 1, 1});
    // all three units equal: every pair marginal puts ½ on (0,0) and on (1,1) against ¼ on each of four
    assertEquals(0.5, AsynchronyStudy.sparseTvPairs(samples, uniform, Units.BINARY), 1e-12);
    assertEquals(0.75, AsynchronyStudy.tv(samples, uniform, Units.BINARY), 1e-12);
    // the exact pair marginals reproduced by an all-states sample: distance 0
    List<int[]> all = new ArrayList<>();
    for (int k = 0; k < 8; k++) all.add(new int[] {k & 1, (k >> 1) & 1, (k >> 2) & 1});
    assertEquals(0, AsynchronyStudy.sparseTvPairs(all, uniform, Units.BINARY), 1e-12);
  }

  @Test
  void sequentialMixingBoundNeedsDobrushinsCondition() {
    assertEquals(Math.log(8 / 0.25) / 0.5, AsynchronyStudy.sequentialMixingBoundSweeps(8, 0.5, 0.25), 1e-12);
    assertEquals(Double.NaN, AsynchronyStudy.sequentialMixingBoundSweeps(8, 1.2, 0.25));
  }
}
