package io.glauber.experiments;

import io.glauber.data.DataSpecs;
import io.glauber.data.Dataset;
import io.glauber.engine.batch.RbmTrainer;
import io.glauber.engine.batch.TrainConfig;
import io.glauber.evaluate.RbmMeasures;
import java.util.Arrays;

/**
 * The learning curves of docs/RBM.md on bars and stripes 4×4, 16 hidden units: mean exact
 * log-likelihood every {@code every} epochs for the configuration of BarsAndStripesTest with the
 * given method (pt, pcd or cd), printed as "epoch ll [swap acceptance]".
 *
 * <pre>
 * java --add-modules=jdk.incubator.vector -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *   io.glauber.experiments.BarsAndStripesCurve pt 500 [seed]
 * </pre>
 */
public final class BarsAndStripesCurve {
  private BarsAndStripesCurve() {}

  public static void main(String[] args) {
    String method = args[0];
    int every = Integer.parseInt(args[1]);
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
    Dataset bas = DataSpecs.load("bas:4x4");
    String hocon = "seed = " + seed + ", model.hidden = 16, train { method = " + method + ", k = 1, epochs = 10000, batch-size = 30,"
        + " chains = " + (method.equals("pt") ? 30 : 300) + ", weight-decay = 0, momentum { start = 0.5, final = 0.5 },"
        + " learning-rate = 0.1, learning-rate-schedule = linear, learning-rate-final = 0.001,"
        + " pt.temperatures = [1, 1.3, 1.7, 2.2, 2.9, 3.8, 5], monitor-rows = 30 }";
    try (RbmTrainer t = new RbmTrainer(TrainConfig.parse(hocon), bas.values(), bas.rows(), bas.cols())) {
      t.train((e, m) -> {
        if (e % every == 0) {
          double ll = RbmMeasures.exactLogLikelihood(t.rbm(), bas.values(), bas.rows());
          Object acc = m.get("pt_swap_acceptance");
          System.out.printf("%d %.4f %s%n", e, ll, acc instanceof double[] a ? Arrays.toString(a) : "");
        }
      });
    }
  }
}
