package io.glauber.learn;

import io.glauber.model.Statistics;

/**
 * Applies a {@link LearningRule} to a model's parameters, in place, keeping the momentum buffers
 * and the sparsity estimates of one training run. Not thread-safe, except that
 * {@link #applyWeightDifferences} may run on disjoint ranges at once: one learner per run.
 *
 * <p>The parameters are flat arrays in the model's layout (see {@link Statistics}). Hidden units,
 * which receive the sparsity term, are the biases [hiddenFrom, hiddenFrom + hiddenCount).
 *
 * <p>Two precisions share one formula ({@link #velocity}): the double path takes clamped and free
 * {@link Statistics}; the float path, for the batched engine's hot loop, takes the differences
 * ⟨·⟩₊ − ⟨·⟩₋ already formed (by BLAS) in float and allocates nothing.
 */
public final class Learner {
  private LearningRule rule;
  private final int weightCount;
  private final int biasCount;
  private final int hiddenFrom;
  private final int hiddenCount;
  private double[] weightVelocity;
  private double[] biasVelocity;
  private volatile float[] weightVelocityF;
  private float[] biasVelocityF;
  private final double[] hiddenActivity;
  private boolean activitySeen;

  /**
   * @param rule the rule
   * @param weightCount number of weights
   * @param biasCount number of biases
   * @param hiddenFrom index of the first hidden bias
   * @param hiddenCount number of hidden biases
   */
  public Learner(LearningRule rule, int weightCount, int biasCount, int hiddenFrom, int hiddenCount) {
    if (hiddenFrom < 0 || hiddenCount < 0 || hiddenFrom + hiddenCount > biasCount) {
      throw new IllegalArgumentException(
          "hidden biases [" + hiddenFrom + ", " + (hiddenFrom + hiddenCount) + ") (expected within 0.." + biasCount + ")");
    }
    this.rule = rule;
    this.weightCount = weightCount;
    this.biasCount = biasCount;
    this.hiddenFrom = hiddenFrom;
    this.hiddenCount = hiddenCount;
    this.hiddenActivity = new double[hiddenCount];
  }

  /** The rule in force. */
  public LearningRule rule() {
    return rule;
  }

  /** Changes the rule (learning-rate or momentum schedules); momentum buffers are kept. */
  public void setRule(LearningRule rule) {
    this.rule = rule;
  }

  /** The momentum buffers (weights then biases), for checkpoints: copies. */
  public double[][] velocities() {
    if (weightVelocityF != null) {
      return new double[][] {toDouble(weightVelocityF), toDouble(biasVelocityF), hiddenActivity.clone()};
    }
    if (weightVelocity == null) return new double[][] {new double[weightCount], new double[biasCount], hiddenActivity.clone()};
    return new double[][] {weightVelocity.clone(), biasVelocity.clone(), hiddenActivity.clone()};
  }

  /** Restores buffers saved by {@link #velocities()}. */
  public void restoreVelocities(double[][] saved, boolean floatPath) {
    if (floatPath) {
      weightVelocityF = toFloat(saved[0]);
      biasVelocityF = toFloat(saved[1]);
    } else {
      weightVelocity = saved[0].clone();
      biasVelocity = saved[1].clone();
    }
    System.arraycopy(saved[2], 0, hiddenActivity, 0, hiddenCount);
    activitySeen = true;
  }

  /**
   * The one formula: the new velocity v' = μ v + η (g − λ w), where g is ⟨·⟩₊ − ⟨·⟩₋ (plus the
   * sparsity term for hidden biases) and λ is 0 for biases.
   */
  static double velocity(double v, double gradient, double w, double decay, LearningRule r) {
    return r.momentum() * v + r.learningRate() * (gradient - decay * w);
  }

  /**
   * {@link #velocity(double, double, double, double, LearningRule)} in float arithmetic, for the
   * weight loop of the float path: a loop of this over float arrays is one the JIT compiles to SIMD
   * instructions, while the double formula's conversions keep it scalar (several times slower on a
   * large W; see docs/BENCHMARKS.md).
   */
  static float velocity(float v, float gradient, float w, float decay, float momentum, float learningRate) {
    return momentum * v + learningRate * (gradient - decay * w);
  }

  /** Updates {@code weights} and {@code biases} in place from clamped and free statistics. */
  public void apply(Statistics clamped, Statistics free, double[] weights, double[] biases) {
    apply(clamped, free, weights, biases, Update.PLAIN);
  }

  /**
   * Updates {@code weights} and {@code biases} in place from clamped and free statistics, the
   * difference d = ⟨·⟩₊ − ⟨·⟩₋ entering the rule as {@code update}'s term g ({@link Update}: β·d
   * for the gradient at temperature 1/β, sign(d) for the fixed step of Ackley et al. 1985).
   */
  public void apply(Statistics clamped, Statistics free, double[] weights, double[] biases, Update update) {
    checkShapes(clamped.pairMeans().length, clamped.unitMeans().length, weights.length, biases.length);
    checkShapes(free.pairMeans().length, free.unitMeans().length, weights.length, biases.length);
    if (weightVelocity == null) {
      weightVelocity = new double[weightCount];
      biasVelocity = new double[biasCount];
    }
    double[] pos = clamped.pairMeans();
    double[] neg = free.pairMeans();
    for (int m = 0; m < weightCount; m++) {
      weightVelocity[m] = velocity(weightVelocity[m], update.term(pos[m] - neg[m]), weights[m], rule.weightDecay(), rule);
      weights[m] += weightVelocity[m];
    }
    double[] up = clamped.unitMeans();
    double[] un = free.unitMeans();
    updateActivity(up);
    for (int i = 0; i < biasCount; i++) {
      double g = update.term(up[i] - un[i]) + sparsityTerm(i);
      biasVelocity[i] = velocity(biasVelocity[i], g, biases[i], 0, rule);
      biases[i] += biasVelocity[i];
    }
  }

  /**
   * Updates float parameters in place from already-formed differences: {@code weightDiff[m]} =
   * ⟨s_i s_j⟩₊ − ⟨s_i s_j⟩₋, {@code biasDiff[i]} = ⟨s_i⟩₊ − ⟨s_i⟩₋, {@code hiddenClamped[j]} =
   * ⟨h_j⟩₊ (used only by the sparsity term; may be null when it is off).
   */
  public void applyDifferences(float[] weights, float[] weightDiff, float[] biases, float[] biasDiff, float[] hiddenClamped) {
    checkShapes(weightDiff.length, biasDiff.length, weights.length, biases.length);
    applyWeightDifferences(weights, weightDiff, 0, weightCount);
    applyBiasDifferences(biases, biasDiff, hiddenClamped);
  }

  /**
   * The weight part of {@link #applyDifferences(float[], float[], float[], float[], float[])} for
   * weights [from, to) only. Disjoint ranges may run on different threads at once (each touches its
   * own weights and momentum entries), which lets the batched engine update each block of W while
   * the block of ΔW it has just formed is still in its core's cache. Every range of a step must be
   * applied before {@link #applyBiasDifferences} of that step, which completes it.
   */
  public void applyWeightDifferences(float[] weights, float[] weightDiff, int from, int to) {
    applyWeightDifferences(weights, weightDiff, weights, from, to);
  }

  /**
   * {@link #applyWeightDifferences(float[], float[], int, int)} out of place: the changed weights
   * [from, to) go to {@code result} (which may be {@code weights}); {@code weights} is only read.
   * This lets an owner that hands out immutable snapshots of W (the layer actors' supervisor) write
   * the next version into a spare array instead of copying it.
   */
  public void applyWeightDifferences(float[] weights, float[] weightDiff, float[] result, int from, int to) {
    if (weights.length != weightCount || weightDiff.length != weightCount || result.length != weightCount
        || from < 0 || to > weightCount || from > to) {
      throw new IllegalArgumentException("weights [" + from + ", " + to + ") of arrays of length " + weights.length
          + ", " + weightDiff.length + " and " + result.length + " (expected within " + weightCount + ")");
    }
    float[] vel = floatVelocities();
    LearningRule r = rule;
    float mu = (float) r.momentum();
    float eta = (float) r.learningRate();
    float lambda = (float) r.weightDecay();
    for (int m = from; m < to; m++) {
      float w = weights[m];
      float v = velocity(vel[m], weightDiff[m], w, lambda, mu, eta);
      vel[m] = v;
      result[m] = w + v;
    }
  }

  /** The bias part of the float path (and the sparsity estimate), after the weights of the step. */
  public void applyBiasDifferences(float[] biases, float[] biasDiff, float[] hiddenClamped) {
    if (biases.length != biasCount || biasDiff.length != biasCount) {
      throw new IllegalArgumentException("biases of length " + biases.length + " and unit statistics of length "
          + biasDiff.length + " (expected " + biasCount + ")");
    }
    floatVelocities();
    LearningRule r = rule;
    if (hiddenClamped != null && r.sparse()) updateActivity(hiddenClamped);
    for (int i = 0; i < biasCount; i++) {
      float v = (float) velocity(biasVelocityF[i], biasDiff[i] + sparsityTerm(i), biases[i], 0, r);
      biasVelocityF[i] = v;
      biases[i] += v;
    }
  }

  private float[] floatVelocities() {
    if (weightVelocityF == null) {
      synchronized (this) {
        if (weightVelocityF == null) {
          biasVelocityF = new float[biasCount];
          weightVelocityF = new float[weightCount];
        }
      }
    }
    return weightVelocityF;
  }

  private void updateActivity(double[] clampedUnitMeans) {
    if (!rule.sparse()) return;
    double d = activitySeen ? rule.sparsityDecay() : 0.0;
    for (int j = 0; j < hiddenCount; j++) {
      hiddenActivity[j] = d * hiddenActivity[j] + (1 - d) * clampedUnitMeans[hiddenFrom + j];
    }
    activitySeen = true;
  }

  private void updateActivity(float[] hiddenClamped) {
    double d = activitySeen ? rule.sparsityDecay() : 0.0;
    for (int j = 0; j < hiddenCount; j++) hiddenActivity[j] = d * hiddenActivity[j] + (1 - d) * hiddenClamped[j];
    activitySeen = true;
  }

  private double sparsityTerm(int bias) {
    if (!rule.sparse() || bias < hiddenFrom || bias >= hiddenFrom + hiddenCount) return 0.0;
    return rule.sparsityCost() * (rule.sparsityTarget() - hiddenActivity[bias - hiddenFrom]);
  }

  private void checkShapes(int pairs, int units, int weights, int biases) {
    if (pairs != weightCount || weights != weightCount) {
      throw new IllegalArgumentException("weights of length " + weights + " and pair statistics of length " + pairs + " (expected " + weightCount + ")");
    }
    if (units != biasCount || biases != biasCount) {
      throw new IllegalArgumentException("biases of length " + biases + " and unit statistics of length " + units + " (expected " + biasCount + ")");
    }
  }

  private static double[] toDouble(float[] x) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) out[i] = x[i];
    return out;
  }

  private static float[] toFloat(double[] x) {
    float[] out = new float[x.length];
    for (int i = 0; i < x.length; i++) out[i] = (float) x[i];
    return out;
  }
}
