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
    // every single-unit marginal is ½/½ as in the uniform distribution
    assertEquals(0, AsynchronyStudy.sparseTvSingle(samples, uniform, Units.BINARY), 1e-12);
    assertEquals(0.5, AsynchronyStudy.sparseTvSingle(List.of(new int[] {1, 0, 0}), uniform, Units.BINARY), 1e-12);
    // the exact pair marginals reproduced by an all-states sample: distance 0
    List<int[]> all = new ArrayList<>();
    for (int k = 0; k < 8; k++) all.add(new int[] {k & 1, (k >> 1) & 1, (k >> 2) & 1});
    assertEquals(0, AsynchronyStudy.sparseTvPairs(all, uniform, Units.BINARY), 1e-12);
  }

  @Test
  void boundColumnsOnlyForAsyncRowsUnderDobrushinsCondition() {
    java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
    row.put("mode", "async");
    row.put("units", 8);
    row.put("total_influence_alpha", 0.76);
    row.put("staleness_steps", 2.0);
    row.put("delay_distribution", "fixed");
    AsynchronyStudy.putBounds(row);
    assertEquals(2 * 0.76 * 2 / (0.24 * 8), (double) row.get("bias_bound_pairs"), 1e-12);
    assertEquals(0.76 * 2 / (0.24 * 8), (double) row.get("bias_bound_single"), 1e-12);
    assertEquals(true, row.get("bias_bound_pairs_vacuous"));
    // τ* is the 0.999 quantile of a Poisson count of mean 2: 8
    assertEquals(8.0, (double) row.get("staleness_max_steps"), 0);
    assertEquals(io.glauber.exact.AsyncBounds.asyncMixingBoundSweeps(8, 0.76, 8, 0.25), (double) row.get("async_mixing_bound_sweeps"), 1e-12);
    row.put("mode", "exclusive");
    AsynchronyStudy.putBounds(row);
    assertEquals(Double.NaN, (double) row.get("bias_bound_pairs"));
    row.put("mode", "async");
    row.put("total_influence_alpha", 1.5);
    AsynchronyStudy.putBounds(row);
    assertEquals(Double.NaN, (double) row.get("async_mixing_bound_sweeps"));
    assertEquals(false, row.get("bias_bound_pairs_vacuous"));
  }

  @Test
  void delayQuantilesFromTheDelaysName() {
    assertEquals(1, AsynchronyStudy.delayQuantileOverMean("fixed"), 0);
    assertEquals(Math.log(1000), AsynchronyStudy.delayQuantileOverMean("exponential/edge"), 1e-9);
    assertEquals(Math.exp(3.090232306167813 - 0.5), AsynchronyStudy.delayQuantileOverMean("log-normal(1.0)/edge"), 1e-9);
  }

  @Test
  void replotReadsItsOwnCsvBack(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Files.writeString(dir.resolve("asynchrony.csv"), """
        model,units,mode,staleness_ratio,delay_applies,delay_distribution,tv,tv_iid_expected,informed_updates_per_s,total_influence_alpha,staleness_steps,staleness_over_n,sparse_tv_pairs
        "ring8-hot",8,"exact",0.0,false,"none",0.18,0.17,40000,0.76,0.0,0.0,0.04
        "ring8-hot",8,"async",1.0,true,"log-normal(1.0)/edge",0.36,0.17,600,0.76,2.5,0.3125,0.17
        """);
    java.nio.file.Path out = dir.resolve("out");
    AsynchronyStudy.replot(dir, out, false);
    List<String> lines = java.nio.file.Files.readAllLines(out.resolve("asynchrony.csv"));
    assertEquals("model,units,mode,staleness_ratio,delay_applies,delay_distribution,tv,tv_iid_expected,informed_updates_per_s,total_influence_alpha,staleness_steps,staleness_over_n,sparse_tv_pairs,"
        + "bias_bound_single,bias_bound_pairs,bias_bound_pairs_vacuous,staleness_max_steps,async_mixing_bound_sweeps", lines.get(0));
    assertEquals(true, lines.get(2).startsWith("\"ring8-hot\",8,\"async\",1.0,true,\"log-normal(1.0)/edge\",0.36,0.17,600,0.76,2.5,0.3125,0.17,"), lines.get(2));
    assertEquals(true, java.nio.file.Files.size(out.resolve("asynchrony-bias.png")) > 0);
  }
}
