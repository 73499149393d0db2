package io.glauber.kernel;

/**
 * Float32 elementwise functions for the hot loops: e^x, the logistic σ(x) = 1/(1+e^{−x}) and
 * softplus(x) = log(1+e^x), over arrays, in place.
 *
 * <p>The reference formulas live in {@link io.glauber.model.Glauber} (double precision); these are
 * float approximations of them, tested against it: e^x by Cody–Waite range reduction x = n ln 2 + r
 * and a degree-6 minimax polynomial for e^r (Cephes {@code expf}, relative error ≈ 1 ulp), log(1+z)
 * by the Cephes {@code logf} polynomial on the mantissa with Goldberg's correction
 * log1p(z) = log(y)·z/(y − 1), y = fl(1 + z), for the digits of z that 1 + z rounds away. When the JVM has
 * {@code jdk.incubator.vector} (started with {@code --add-modules jdk.incubator.vector}) the loops
 * run through the Vector API ({@link VectorMath}, 8 lanes on AVX2); otherwise through the scalar
 * code here, same formulas.
 */
public final class FastMath {
  private FastMath() {}

  static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
      && !Boolean.getBoolean("glauber.scalarMath");

  // Cephes expf constants
  static final float LOG2E = 1.44269504088896341f;
  static final float C1 = 0.693359375f;
  static final float C2 = -2.12194440e-4f;
  static final float P0 = 1.9875691500E-4f;
  static final float P1 = 1.3981999507E-3f;
  static final float P2 = 8.3334519073E-3f;
  static final float P3 = 4.1665795894E-2f;
  static final float P4 = 1.6666665459E-1f;
  static final float P5 = 5.0000001201E-1f;
  static final float EXP_HI = 88.3762626647949f;
  static final float EXP_LO = -87.3365447504019f;
  // Cephes logf constants
  static final float SQRTHF = 0.707106781186547524f;
  static final float[] LOGP = {
    7.0376836292E-2f, -1.1514610310E-1f, 1.1676998740E-1f, -1.2420140846E-1f, 1.4249322787E-1f,
    -1.6668057665E-1f, 2.0000714765E-1f, -2.4999993993E-1f, 3.3333331174E-1f};

  /** Whether the Vector API path is in use. */
  public static boolean vectorized() {
    return VECTOR;
  }

  /** e^x in float (x clamped to the finite range of float). */
  public static float exp(float x) {
    x = Math.min(Math.max(x, EXP_LO), EXP_HI);
    float n = (float) Math.floor(x * LOG2E + 0.5f);
    float r = x - n * C1 - n * C2;
    float p = ((((P0 * r + P1) * r + P2) * r + P3) * r + P4) * r + P5;
    p = p * r * r + r + 1f;
    return p * Float.intBitsToFloat(((int) n + 127) << 23);
  }

  /** log(1 + z) in float for z ≥ 0 (z ≤ 1 is the intended range). */
  public static float log1p(float z) {
    float y = 1f + z;
    int bits = Float.floatToRawIntBits(y);
    int e = ((bits >>> 23) & 0xff) - 126;
    float m = Float.intBitsToFloat((bits & 0x807fffff) | 0x3f000000); // m ∈ [0.5, 1)
    if (m < SQRTHF) {
      e -= 1;
      m = m + m - 1f;
    } else {
      m = m - 1f;
    }
    float zz = m * m;
    float p = LOGP[0];
    for (int k = 1; k < LOGP.length; k++) p = p * m + LOGP[k];
    float r = m * zz * p;
    r += C2 * e;
    r -= 0.5f * zz;
    float d = y - 1f;
    return d == 0f ? z : (m + r + C1 * e) * (z / d);
  }

  /** σ(x) = 1/(1+e^{−x}). */
  public static float sigmoid(float x) {
    return 1f / (1f + exp(-x));
  }

  /** softplus(x) = max(x, 0) + log(1 + e^{−|x|}). */
  public static float softplus(float x) {
    return Math.max(x, 0f) + log1p(exp(-Math.abs(x)));
  }

  /** x[from..to) ← σ(s·x), in place. */
  public static void sigmoidInPlace(float[] x, int from, int to, float s) {
    if (VECTOR) {
      VectorMath.sigmoid(x, from, to, s);
    } else {
      for (int k = from; k < to; k++) x[k] = sigmoid(s * x[k]);
    }
  }

  /** x[from..to) ← softplus(s·x), in place. */
  public static void softplusInPlace(float[] x, int from, int to, float s) {
    if (VECTOR) {
      VectorMath.softplus(x, from, to, s);
    } else {
      for (int k = from; k < to; k++) x[k] = softplus(s * x[k]);
    }
  }

  /** Σ_k softplus(s·x[k]) over [from, to), accumulated in double. */
  public static double softplusSum(float[] x, int from, int to, float s) {
    if (VECTOR) return VectorMath.softplusSum(x, from, to, s);
    double sum = 0;
    for (int k = from; k < to; k++) sum += softplus(s * x[k]);
    return sum;
  }

  /** Σ_k [softplus(s1·x[k]) − softplus(s0·x[k])] over [from, to), accumulated in double. */
  public static double softplusDifferenceSum(float[] x, int from, int to, float s1, float s0) {
    if (VECTOR) return VectorMath.softplusDifferenceSum(x, from, to, s1, s0);
    double sum = 0;
    for (int k = from; k < to; k++) sum += softplus(s1 * x[k]) - softplus(s0 * x[k]);
    return sum;
  }

  /**
   * Row-wise affine logistic: x[off + j] ← σ(s·x[off + j] + c[j]) for j ∈ [0, len), the layer
   * conditional σ((input + bias)/T) with s = 1/T and c = bias/T.
   */
  public static void sigmoidAffine(float[] x, int off, int len, float s, float[] c) {
    if (VECTOR) {
      VectorMath.sigmoidAffine(x, off, len, s, c);
    } else {
      for (int j = 0; j < len; j++) x[off + j] = sigmoid(s * x[off + j] + c[j]);
    }
  }

  /** Σ_j [softplus(x[xo + j] + d·w[wo + j]) − softplus(x[xo + j])] over j ∈ [0, n), in double. */
  public static double softplusShiftDifferenceSum(float[] x, int xo, float[] w, int wo, float d, int n) {
    if (VECTOR) return VectorMath.softplusShiftDifferenceSum(x, xo, w, wo, d, n);
    double sum = 0;
    for (int j = 0; j < n; j++) sum += softplus(x[xo + j] + d * w[wo + j]) - softplus(x[xo + j]);
    return sum;
  }
}
