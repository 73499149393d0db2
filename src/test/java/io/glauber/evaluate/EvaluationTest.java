package io.glauber.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glauber.data.DataSpecs;
import io.glauber.data.Dataset;
import io.glauber.exact.ExactBoltzmann;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.RandomMachines;
import io.glauber.model.Units;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval} on a general Boltzmann machine, and the training curves. */
class EvaluationTest {
  @TempDir Path dir;

  @Test
  void aSpinMachineIsEvaluatedOnBinaryDataMappedToSpins() {
    Dataset d = DataSpecs.load("bas:3x3");
    BoltzmannMachine spin = RandomMachines.gaussian(9, Units.SPIN, 0.3, 0.3, 9, 1.0, new SplittableRandom(2));
    double[][] spins = d.rowsAsDouble();
    for (int r = 0; r < spins.length; r++) spins[r] = BoltzmannMachine.convertState(spins[r], Units.BINARY, Units.SPIN);
    Map<String, Object> m = Evaluation.evaluate("exact-ll", spin, d, null, 1);
    assertEquals(ExactBoltzmann.of(spin).meanLogLikelihood(spins), (double) m.get("value"), 0.0);
    assertEquals(Map.of("rows", 14, "value", m.get("value"), "unit", "nats per pattern"), m);
    assertEquals("metric pseudo-ll is for RBMs (this model is a Boltzmann machine; use exact-ll)",
        assertThrows(IllegalArgumentException.class, () -> Evaluation.evaluate("pseudo-ll", spin, d, null, 1)).getMessage());
  }

  @Test
  void theCurvesAreDrawnFromTheNumericFiguresOfEachEpoch() throws Exception {
    TrainingCurves curves = new TrainingCurves();
    curves.add(1, Map.of("epoch", 1, "exact_ll", -5.0, "recon_error", 3.0, "blas_backend", "java"));
    curves.add(2, Map.of("epoch", 2, "exact_ll", -4.0, "recon_error", Double.NaN));
    curves.write(dir, false);
    assertTrue(Files.size(dir.resolve("curve-ll.png")) > 1000 && Files.size(dir.resolve("curve-recon.png")) > 1000);
  }
}
