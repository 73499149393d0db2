package io.glauber.exact;

/** A streaming, numerically stable log Σ_k e^{x_k}: rescales whenever a larger term arrives. */
public final class LogSumExp {
  private double max = Double.NEGATIVE_INFINITY;
  private double sum = 0.0;

  /** Adds e^x to the sum. */
  public void add(double x) {
    if (x <= max) {
      sum += Math.exp(x - max);
    } else {
      sum = sum * Math.exp(max - x) + 1.0;
      max = x;
    }
  }

  /** Merges another partial sum into this one. */
  public void add(LogSumExp other) {
    if (other.sum == 0) return;
    if (other.max <= max) {
      sum += other.sum * Math.exp(other.max - max);
    } else {
      sum = sum * Math.exp(max - other.max) + other.sum;
      max = other.max;
    }
  }

  /** log Σ e^{x_k}; −∞ for an empty sum. */
  public double value() {
    return sum == 0 ? Double.NEGATIVE_INFINITY : max + Math.log(sum);
  }

  /** log Σ_k e^{x_k} over an array. */
  public static double of(double[] x) {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : x) m = Math.max(m, v);
    if (m == Double.NEGATIVE_INFINITY) return m;
    double s = 0;
    for (double v : x) s += Math.exp(v - m);
    return m + Math.log(s);
  }
}
