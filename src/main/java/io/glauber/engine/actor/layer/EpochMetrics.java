package io.glauber.engine.actor.layer;

import io.glauber.exact.ExactRbm;
import io.glauber.model.Rbm;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one epoch of layer-actor training measured.
 *
 * @param epoch 1-based epoch number
 * @param batches mini-batches learned in it
 * @param seconds wall time of the epoch's learning (evaluation excluded)
 * @param exactLogLikelihood mean log p(v) over the training data, nats per pattern, by exact
 *     enumeration ({@link ExactRbm}) when the smaller layer has at most {@value #EXACT_MAX_UNITS}
 *     units and evaluation is on; NaN otherwise
 * @param reconstructionMismatch mean fraction of visible units whose CD-k reconstruction differs
 *     from the data (NaN under PCD)
 * @param model the parameters after the epoch
 */
public record EpochMetrics(int epoch, int batches, double seconds, double exactLogLikelihood, double reconstructionMismatch, Rbm model) {

  /** The largest smaller layer for which the exact log-likelihood is computed each epoch. */
  public static final int EXACT_MAX_UNITS = 20;

  /** Whether the exact log-likelihood can be computed for this shape. */
  public static boolean exactFeasible(int nVisible, int nHidden) {
    return Math.min(nVisible, nHidden) <= EXACT_MAX_UNITS;
  }

  static EpochMetrics of(int epoch, int batches, double seconds, double mismatch, Rbm model, double[][] data, boolean evaluate) {
    double ll = evaluate && exactFeasible(model.nVisible(), model.nHidden())
        ? ExactRbm.of(model).meanLogLikelihood(data) : Double.NaN;
    return new EpochMetrics(epoch, batches, seconds, ll, mismatch, model);
  }

  /** The metrics as a JSON-ready map (NaN entries left out): epoch, batches, seconds, exact_ll, recon_mismatch, engine. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("engine", "actor-layer");
    m.put("epoch", epoch);
    m.put("batches", batches);
    m.put("seconds", seconds);
    if (!Double.isNaN(exactLogLikelihood)) m.put("exact_ll", exactLogLikelihood);
    if (!Double.isNaN(reconstructionMismatch)) m.put("recon_mismatch", reconstructionMismatch);
    return m;
  }
}
