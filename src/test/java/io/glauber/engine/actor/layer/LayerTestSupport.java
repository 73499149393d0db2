package io.glauber.engine.actor.layer;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.glauber.model.Rbm;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Shared test fixtures: the verifying configuration, small random RBMs, bars and stripes. */
final class LayerTestSupport {
  private LayerTestSupport() {}

  /** Every message is serialised and deserialised, and Java serialization is refused. */
  static Config verifyingConfig() {
    return ConfigFactory.parseString(
            "akka.actor.serialize-messages = on\n"
                + "akka.actor.allow-java-serialization = off\n"
                + "akka.actor.warn-about-java-serializer-usage = on\n"
                + "akka.loglevel = WARNING\n")
        .withFallback(LayerEngine.config());
  }

  /** An RBM with W ~ N(0, scale²) and biases ~ N(0, (scale/2)²). */
  static Rbm randomRbm(int nv, int nh, double scale, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] w = new double[nv * nh];
    double[] a = new double[nv];
    double[] b = new double[nh];
    for (int m = 0; m < w.length; m++) w[m] = scale * gaussian(rng);
    for (int i = 0; i < nv; i++) a[i] = 0.5 * scale * gaussian(rng);
    for (int j = 0; j < nh; j++) b[j] = 0.5 * scale * gaussian(rng);
    return new Rbm(nv, nh, w, a, b);
  }

  /**
   * Bars and stripes on a side×side grid: every pattern whose rows are all constant or whose
   * columns are all constant (2·2^side − 2 distinct patterns; 30 for 4×4).
   */
  static double[][] barsAndStripes(int side) {
    List<double[]> out = new ArrayList<>();
    for (int mask = 0; mask < 1 << side; mask++) { // horizontal: row r on when bit r set
      double[] p = new double[side * side];
      for (int r = 0; r < side; r++) for (int c = 0; c < side; c++) p[r * side + c] = (mask >> r) & 1;
      out.add(p);
    }
    for (int mask = 1; mask < (1 << side) - 1; mask++) { // vertical, without all-off and all-on
      double[] p = new double[side * side];
      for (int r = 0; r < side; r++) for (int c = 0; c < side; c++) p[r * side + c] = (mask >> c) & 1;
      out.add(p);
    }
    return out.toArray(new double[0][]);
  }

  private static double gaussian(SplittableRandom rng) {
    double u = 1 - rng.nextDouble();
    double v = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
