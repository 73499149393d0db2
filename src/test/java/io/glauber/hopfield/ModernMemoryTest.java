package io.glauber.hopfield;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glauber.io.FormatException;
import io.glauber.io.NdArray;
import io.glauber.io.Npz;
import io.glauber.model.SoftmaxMemory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The modern memories' formulas on tiny cases, their file format and its bad inputs. */
class ModernMemoryTest {
  @TempDir Path dir;

  private static final double[][] X = {{1, 1}, {1, -1}};

  @Test
  void softmaxEnergyAndUpdateOfTwoPatternsByHand() {
    // β = 1, x₁ = (1, 1), x₂ = (1, −1); constant β⁻¹ log K + ½M² = log 2 + 1
    // ξ = (1, 0): scores 1, 1, so p = (½, ½), ξ' = (1, 0) (a fixed point) and
    // E = −log(2e) + ½ + log 2 + 1 = ½
    double[] a = {1, 0};
    assertArrayEquals(new double[] {0.5, 0.5}, SoftmaxMemory.weights(X, 1, a), 1e-15);
    assertArrayEquals(a, SoftmaxMemory.update(X, 1, a), 1e-15);
    assertEquals(0.5, SoftmaxMemory.energy(X, 1, a), 1e-15);
    // ξ = (0, 1): scores 1, −1, so p = (σ(2), σ(−2)), ξ' = (1, tanh 1), E = −log(2 cosh 1) + ½ + log 2 + 1 = 1.5 − log cosh 1
    double[] b = {0, 1};
    assertArrayEquals(new double[] {1, Math.tanh(1)}, SoftmaxMemory.update(X, 1, b), 1e-15);
    assertEquals(1.5 - Math.log(Math.cosh(1)), SoftmaxMemory.energy(X, 1, b), 1e-15);
    // β = 2 scales the scores: p = (σ(4), σ(−4)) at ξ = (0, 1)
    assertEquals(Math.tanh(2), SoftmaxMemory.update(X, 2, b)[1], 1e-15);
  }

  @Test
  void softmaxEnergyDecreasesUnderTheUpdateAndIsNeverNegative() {
    SplittableRandom rng = new SplittableRandom(11);
    for (int t = 0; t < 30; t++) {
      int[][] xi = Patterns.random(2 + rng.nextInt(30), 10, rng);
      ModernMemory m = ModernMemory.softmax(xi, 0.1 + 3 * rng.nextDouble());
      double[] s = new double[10];
      for (int i = 0; i < 10; i++) s[i] = 3 * rng.nextDouble() - 1.5;
      double e = m.energy(s);
      for (int step = 0; step < 10; step++) {
        assertTrue(e >= -1e-12, "E = " + e + " < 0 (Ramsauer et al.: E ≥ 0 with the constant)");
        s = SoftmaxMemory.update(m.rows(), m.beta(), s);
        double next = m.energy(s);
        assertTrue(next <= e + 1e-12, "energy rose from " + e + " to " + next);
        e = next;
      }
    }
  }

  @Test
  void denseGapsAreTheBruteForceEnergyDifferencesOfAFlip() {
    SplittableRandom rng = new SplittableRandom(12);
    int[][] xi = Patterns.random(7, 9, rng);
    for (ModernMemory m : new ModernMemory[] {ModernMemory.power(xi, 2), ModernMemory.power(xi, 3), ModernMemory.power(xi, 4),
        ModernMemory.exponential(xi, 0.5)}) {
      DenseAssociativeMemory d = m.dense();
      for (int t = 0; t < 20; t++) {
        double[] s = Patterns.randomState(9, rng);
        for (int i = 0; i < 9; i++) {
          double[] up = s.clone(), down = s.clone();
          up[i] = 1;
          down[i] = -1;
          // E(σ) = −Σ_μ F(x_μ·σ) written out here, not through the class
          double gap = bruteEnergy(xi, m, down) - bruteEnergy(xi, m, up);
          assertEquals(gap, 2 * d.field(i, s), 1e-9 * Math.max(1, Math.abs(gap)), m + ", unit " + i);
          assertEquals(bruteEnergy(xi, m, s), m.energy(s), 1e-9 * Math.max(1, Math.abs(m.energy(s))));
        }
      }
    }
  }

  private static double bruteEnergy(int[][] xi, ModernMemory m, double[] s) {
    double e = 0;
    for (int[] p : xi) {
      double x = 0;
      for (int i = 0; i < p.length; i++) x += p[i] * s[i];
      e -= m.kind() == ModernMemory.Kind.POWER ? Math.pow(x, m.power()) : Math.exp(m.beta() * x);
    }
    return e;
  }

  @Test
  void everyKindSurvivesTheFileRoundTrip() {
    int[][] xi = Patterns.random(5, 6, new SplittableRandom(3));
    for (ModernMemory m : new ModernMemory[] {ModernMemory.softmax(xi, 0.25), ModernMemory.power(xi, 3), ModernMemory.exponential(xi, 1.5)}) {
      Path f = dir.resolve(m.kind() + ".npz");
      m.write(f, false);
      AssociativeMemory back = AssociativeMemory.read(f);
      ModernMemory r = assertInstanceOf(back);
      assertEquals(m.kind(), r.kind());
      assertArrayEquals(m.patterns(), r.patterns());
      assertEquals(m.beta(), r.beta(), 0.0);
      assertEquals(m.power(), r.power());
    }
  }

  private static ModernMemory assertInstanceOf(AssociativeMemory m) {
    assertTrue(m instanceof ModernMemory, m.getClass().getName());
    return (ModernMemory) m;
  }

  private Path file(Map<String, NdArray> arrays) {
    Path f = dir.resolve("bad" + arrays.hashCode() + ".npz");
    Npz.write(f, arrays, true);
    return f;
  }

  private static Map<String, NdArray> softmaxArrays() {
    Map<String, NdArray> a = new LinkedHashMap<>();
    a.put("patterns", NdArray.ofInt(new int[] {1, -1, 1, 1, 1, -1}, 2, 3));
    a.put("kind", NdArray.scalarInt(0));
    a.put("beta", NdArray.scalar(2.0));
    return a;
  }

  @Test
  void badFilesAreOneLineErrorsNamingTheFileAndTheArray() {
    Map<String, NdArray> noBeta = softmaxArrays();
    noBeta.remove("beta");
    Path f = file(noBeta);
    assertEquals(f + ": array 'beta' missing (expected 0-d float β > 0 of a softmax memory)",
        assertThrows(FormatException.class, () -> AssociativeMemory.read(f)).getMessage());

    Map<String, NdArray> flat = softmaxArrays();
    flat.put("patterns", NdArray.ofInt(new int[] {1, -1, 1}, 3));
    Path g = file(flat);
    assertEquals(g + ": 'patterns' has shape [3] (expected K × N with K, N ≥ 1)", assertThrows(FormatException.class, () -> ModernMemory.read(g)).getMessage());

    Map<String, NdArray> notSpin = softmaxArrays();
    notSpin.put("patterns", NdArray.ofInt(new int[] {1, 0, 1, 1, 1, -1}, 2, 3));
    Path h = file(notSpin);
    assertEquals(h + ": pattern 0, unit 1 = 0 (expected -1 or +1)", assertThrows(FormatException.class, () -> ModernMemory.read(h)).getMessage());

    Map<String, NdArray> badKind = softmaxArrays();
    badKind.put("kind", NdArray.scalarInt(7));
    Path k = file(badKind);
    assertEquals(k + ": kind 7 (expected 0 = softmax, 1 = power, 2 = exponential)", assertThrows(FormatException.class, () -> ModernMemory.read(k)).getMessage());

    Map<String, NdArray> powerWithout = softmaxArrays();
    powerWithout.put("kind", NdArray.scalarInt(1));
    Path p = file(powerWithout);
    assertEquals(p + ": array 'power' missing (expected 0-d integer n ≥ 2 of F(x) = xⁿ)", assertThrows(FormatException.class, () -> ModernMemory.read(p)).getMessage());

    Map<String, NdArray> negative = softmaxArrays();
    negative.put("beta", NdArray.scalar(-1.0));
    Path n = file(negative);
    assertEquals(n + ": beta -1.0 of a softmax memory (expected finite β > 0)", assertThrows(FormatException.class, () -> ModernMemory.read(n)).getMessage());
  }

  @Test
  void probesOfTheWrongWidthAreRefused() {
    ModernMemory m = ModernMemory.softmax(new int[][] {{1, -1, 1}}, 1);
    RecallSettings s = new RecallSettings(RecallSettings.Update.SYNC, RecallSettings.Engine.BATCH, io.glauber.engine.actor.Mode.EXACT, 0, null,
        10, 1, 1, RecallSettings.DEFAULT_RETRIEVAL_OVERLAP);
    assertEquals("probe 0 has 4 units (expected N = 3)",
        assertThrows(IllegalArgumentException.class, () -> m.recall(new RecallProbes(new double[][] {{1, 1, 1, 1}}, null), s)).getMessage());
  }
}
