package io.glauber.engine.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.glauber.evaluate.EncoderCheck;
import io.glauber.evaluate.EncoderExperiment;
import io.glauber.learn.TwoPhaseSettings;
import java.io.File;
import org.junit.jupiter.api.Test;

/**
 * A few runs of the 4-2-4 encoder of config/bm-encoder-424.conf on the batched engine, at a fixed
 * seed: each solves the problem (checked exactly by {@link EncoderCheck}: every output recalled
 * from the input alone, four distinct codes), and the same seed repeats the same runs.
 */
class EncoderRunsTest {

  private static EncoderExperiment experiment(int runs) {
    Config c = ConfigFactory.parseString("runs = " + runs + ", encoder.parallel = 2")
        .withFallback(ConfigFactory.parseFile(new File("config/bm-encoder-424.conf"))).resolve();
    return EncoderExperiment.from(c, TwoPhaseSettings.from(c));
  }

  @Test
  void fourRunsOfTheFourTwoFourEncoderSolveItAndRepeatWithTheSeed() {
    EncoderExperiment e = experiment(4);
    EncoderExperiment.Result r = e.run(AnnealedPhases::create, "batch", 5);
    assertEquals(1.0, r.successRate(), () -> "runs: " + r.runs());
    for (EncoderExperiment.Run run : r.runs()) {
      assertTrue(run.check().solved() && run.cycles() <= e.maxCycles(), run.toString());
      assertTrue(run.codesCycles() >= 1 && run.codesCycles() <= run.cycles(), "four distinct codes no later than recall: " + run);
      assertEquals(4, run.bestCodes(), run.toString());
      assertTrue(run.clampedCodesCycles() == -1 || run.clampedCodesCycles() >= 1 && run.clampedCodesCycles() <= run.cycles(), run.toString());
      assertEquals(run.clampedCodesCycles(), run.fields().get("clamped_codes_cycles"));
    }
    EncoderExperiment.Result again = e.run(AnnealedPhases::create, "batch", 5);
    for (int i = 0; i < 4; i++) assertEquals(r.runs().get(i).cycles(), again.runs().get(i).cycles(), "run " + i + " repeats");
    assertEquals(4, r.summary().get("runs"));
    assertEquals("batch", r.summary().get("engine"));
    assertEquals("recall", r.summary().get("criterion"));
    assertEquals(1.0, r.summary().get("codes_success_rate"), "every recalled run had four distinct codes first");
  }

  /**
   * The paper's criterion (four distinct codes) stops a run at the first cycle with four distinct
   * codes: the same cycle that a run under the stricter criterion records as its codes_cycles,
   * since both follow the same draws up to there.
   */
  @Test
  void thePapersCriterionStopsAtTheFirstCycleWithFourDistinctCodes() {
    EncoderExperiment recall = experiment(2);
    Config c = ConfigFactory.parseString("runs = 2, encoder.parallel = 2, encoder.criterion = codes")
        .withFallback(ConfigFactory.parseFile(new File("config/bm-encoder-424.conf"))).resolve();
    EncoderExperiment codes = EncoderExperiment.from(c, TwoPhaseSettings.from(c));
    EncoderExperiment.Result a = recall.run(AnnealedPhases::create, "batch", 9);
    EncoderExperiment.Result b = codes.run(AnnealedPhases::create, "batch", 9);
    for (int i = 0; i < 2; i++) {
      EncoderExperiment.Run r = b.runs().get(i);
      assertTrue(r.solved() && r.check().codesDistinct(), r.toString());
      assertEquals(a.runs().get(i).codesCycles(), r.cycles(), "run " + i);
    }
    assertEquals(a.summary().get("codes_median_cycles"), b.summary().get("codes_median_cycles"), "the paper's measure, read from either run");
    assertEquals(b.summary().get("median_cycles"), b.summary().get("codes_median_cycles"));
  }
}
