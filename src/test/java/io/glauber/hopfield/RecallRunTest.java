package io.glauber.hopfield;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glauber.engine.actor.Mode;
import io.glauber.hopfield.RecallSettings.Engine;
import io.glauber.hopfield.RecallSettings.Update;
import io.glauber.model.RandomMachines;
import io.glauber.model.Units;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library side of {@code glauber recall}: the run on either engine, its scoring and its settings. */
class RecallRunTest {
  @TempDir Path dir;

  private static final int[][] STORED = Patterns.random(5, 100, new SplittableRandom(4));
  private static final HopfieldModel MODEL = new HopfieldModel(HopfieldStorage.hebb(STORED), STORED);

  private static RecallSettings settings(Update update, Engine engine) {
    return new RecallSettings(update, engine, Mode.EXACT, 0.5, null, 100, 2, 7, RecallSettings.DEFAULT_RETRIEVAL_OVERLAP);
  }

  @Test
  void corruptedProbesAreRelaxedAsTheBatchedRecallDoesAndScoredAgainstThePatternTheyCameFrom() {
    RecallProbes probes = RecallProbes.corrupted(STORED, 0.1, 4, 3);
    RecallReport report = RecallRun.run(MODEL, probes, settings(Update.ASYNC, Engine.BATCH));
    assertEquals(new HopfieldBatchRecall(MODEL.network(), 2).asynchronous(probes.states(), 100, 7), report.results());
    for (int k = 0; k < 20; k++) assertEquals(k / 4, report.scores().get(k).target(), "probe " + k);
    assertEquals(1.0, report.retrievedFraction(), 0.0, "α = 0.05 and 10% noise: every probe retrieved");
    assertEquals(1.0, report.meanOverlap(), 0.0);
    assertEquals(List.of("probes", "update", "mean_overlap", "retrieved_fraction", "mean_sweeps", "two_cycles", "seconds", "blas_backend"),
        List.copyOf(report.summary().keySet()));
    assertEquals("async", report.summary().get("update"));
  }

  @Test
  void onNeuronActorsEveryProbeEndsAtAFixedPointWithItsEnergyTrace() {
    RecallProbes probes = RecallProbes.corrupted(STORED, 0.1, 1, 5);
    RecallReport report = RecallRun.run(MODEL, probes, settings(Update.ASYNC, Engine.ACTOR));
    for (RecallResult r : report.results()) {
      assertTrue(r.converged() && HopfieldRecall.isFixedPoint(MODEL.network(), r.state()), r.toString());
      assertEquals(MODEL.network().energy(r.state()), r.energy(), 1e-9);
    }
    assertEquals(1.0, report.retrievedFraction(), 0.0);
  }

  @Test
  void theRetrievalOverlapDecidesWhatCountsAsRetrieved() {
    // a final state 2 bits (overlap 0.96) from pattern 0 and the negative of pattern 1 (overlap −1)
    double[] near = Patterns.state(STORED[0]);
    near[0] = -near[0];
    near[1] = -near[1];
    double[] negative = Patterns.state(STORED[1]);
    for (int i = 0; i < negative.length; i++) negative[i] = -negative[i];
    List<RecallResult> results = List.of(new RecallResult(near, 1, true, false, new double[2]),
        new RecallResult(negative, 1, true, false, new double[2]));
    List<RecallReport.Score> closest = List.of(RecallReport.score(results.get(0), STORED, -1), RecallReport.score(results.get(1), STORED, -1));
    assertEquals(0, closest.get(0).target());
    assertEquals(1, closest.get(1).target(), "the closest pattern by |m|");
    assertEquals(-1.0, closest.get(1).overlap(), 0.0);
    RecallSettings strict = new RecallSettings(Update.ASYNC, Engine.BATCH, Mode.EXACT, 0, null, 1, 1, 1, 0.97);
    assertEquals(0.5, new RecallReport(results, closest, 0, settings(Update.ASYNC, Engine.BATCH)).retrievedFraction(), 0.0);
    assertEquals(0.0, new RecallReport(results, closest, 0, strict).retrievedFraction(), 0.0);
  }

  @Test
  void settingsAndProbesAreValidatedUpFront() {
    // which updates an engine has depends on the memory (a softmax memory's actors run sync only), so the run checks it
    assertEquals("update sync of a Hopfield network on the actor engine (expected async or stochastic)", assertThrows(IllegalArgumentException.class,
        () -> RecallRun.run(MODEL, RecallProbes.corrupted(STORED, 0.1, 1, 1), settings(Update.SYNC, Engine.ACTOR))).getMessage());
    assertThrows(IllegalArgumentException.class, () -> settings(Update.ANNEAL, Engine.BATCH), "anneal without a schedule");
    assertThrows(IllegalArgumentException.class,
        () -> new RecallSettings(Update.ASYNC, Engine.BATCH, Mode.EXACT, 0, null, 1, 1, 1, 1.5), "retrieval overlap above 1");
    assertThrows(IllegalArgumentException.class,
        () -> new RecallSettings(Update.STOCHASTIC, Engine.BATCH, Mode.EXACT, -1, null, 1, 1, 1, 0.95), "negative temperature");
    assertEquals("update 'hogwild' (expected async, sync, stochastic or anneal)",
        assertThrows(IllegalArgumentException.class, () -> Update.parse("hogwild")).getMessage());
    assertEquals("corruption 1.5 (expected a fraction in [0, 1])",
        assertThrows(IllegalArgumentException.class, () -> RecallProbes.corrupted(STORED, 1.5, 1, 1)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> RecallProbes.corrupted(STORED, 0.1, 0, 1), "no probes per pattern");
  }

  @Test
  void aModelFileKeepsItsPatternsAndOnlyAHopfieldNetworkIsOne() throws Exception {
    Path file = dir.resolve("h.npz");
    MODEL.write(file, false);
    HopfieldModel back = HopfieldModel.read(file);
    assertArrayEquals(STORED, back.patterns());
    assertEquals(MODEL.network(), back.network());
    Path bare = dir.resolve("bare.npz");
    new HopfieldModel(MODEL.network(), null).write(bare, false);
    assertNull(HopfieldModel.read(bare).patterns());
    Path binary = dir.resolve("binary.npz");
    io.glauber.io.ModelFiles.write(binary, RandomMachines.gaussian(4, Units.BINARY, 1, 0, 4, 1, new SplittableRandom(1)), false);
    assertEquals(binary + ": not a Hopfield network (expected spin units and no hidden units)",
        assertThrows(IllegalArgumentException.class, () -> HopfieldModel.read(binary)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new HopfieldModel(MODEL.network(), new int[][] {{1, -1}}), "patterns of the wrong length");
  }
}
