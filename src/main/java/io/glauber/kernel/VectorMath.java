package io.glauber.kernel;

import static io.glauber.kernel.FastMath.*;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API bodies of {@link FastMath}: the same Cephes formulas, lane-parallel. Loaded only
 * when the JVM has {@code jdk.incubator.vector}.
 */
final class VectorMath {
  private VectorMath() {}

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final FloatVector ONE = FloatVector.broadcast(S, 1f);

  static FloatVector exp(FloatVector x) {
    x = x.max(EXP_LO).min(EXP_HI);
    // round to nearest by the 1.5·2²³ trick (no FLOOR lane op in JDK 17); |r| ≤ ln2/2 as in Cephes
    FloatVector n = x.fma(LOG2E, 12582912f).sub(12582912f);
    FloatVector r = x.sub(n.mul(C1)).sub(n.mul(C2));
    FloatVector p = r.fma(P0, P1);
    p = p.fma(r, FloatVector.broadcast(S, P2));
    p = p.fma(r, FloatVector.broadcast(S, P3));
    p = p.fma(r, FloatVector.broadcast(S, P4));
    p = p.fma(r, FloatVector.broadcast(S, P5));
    p = p.mul(r.mul(r)).add(r).add(1f);
    IntVector e = ((IntVector) n.convert(VectorOperators.F2I, 0)).add(127).lanewise(VectorOperators.LSHL, 23);
    return p.mul(e.reinterpretAsFloats());
  }

  private static FloatVector log1pImpl(FloatVector z) {
    FloatVector y = z.add(1f);
    IntVector bits = y.reinterpretAsInts();
    FloatVector ef = (FloatVector) bits.lanewise(VectorOperators.LSHR, 23).and(0xff).sub(126)
        .convert(VectorOperators.I2F, 0);
    FloatVector m = bits.and(0x807fffff).or(0x3f000000).reinterpretAsFloats();
    VectorMask<Float> small = m.lt(SQRTHF);
    ef = ef.sub(1f, small);
    m = m.add(m, small).sub(1f);
    FloatVector zz = m.mul(m);
    FloatVector p = FloatVector.broadcast(S, LOGP[0]);
    for (int k = 1; k < LOGP.length; k++) p = p.fma(m, FloatVector.broadcast(S, LOGP[k]));
    FloatVector r = m.mul(zz).mul(p);
    r = r.add(ef.mul(C2));
    r = r.sub(zz.mul(0.5f));
    FloatVector logy = m.add(r).add(ef.mul(C1));
    // Goldberg's correction log1p(z) = log(y)·z/(y − 1), y = fl(1 + z): restores the digits of z
    // that the rounding of 1 + z lost; where y = 1, log1p(z) = z to float precision
    FloatVector d = y.sub(1f);
    VectorMask<Float> one = d.eq(0f);
    return logy.mul(z.div(d.blend(1f, one))).blend(z, one);
  }

  static FloatVector softplus(FloatVector x) {
    FloatVector u = exp(x.abs().neg());
    return x.max(0f).add(log1pImpl(u));
  }

  static void sigmoid(float[] x, int from, int to, float s) {
    int k = from;
    int bound = from + S.loopBound(to - from);
    for (; k < bound; k += S.length()) {
      FloatVector v = FloatVector.fromArray(S, x, k).mul(-s);
      ONE.div(exp(v).add(1f)).intoArray(x, k);
    }
    for (; k < to; k++) x[k] = FastMath.sigmoid(s * x[k]);
  }

  static void softplus(float[] x, int from, int to, float s) {
    int k = from;
    int bound = from + S.loopBound(to - from);
    for (; k < bound; k += S.length()) {
      softplus(FloatVector.fromArray(S, x, k).mul(s)).intoArray(x, k);
    }
    for (; k < to; k++) x[k] = FastMath.softplus(s * x[k]);
  }

  static double softplusSum(float[] x, int from, int to, float s) {
    int k = from;
    int bound = from + S.loopBound(to - from);
    double sum = 0;
    for (; k < bound; k += S.length()) {
      sum += softplus(FloatVector.fromArray(S, x, k).mul(s)).reduceLanes(VectorOperators.ADD);
    }
    for (; k < to; k++) sum += FastMath.softplus(s * x[k]);
    return sum;
  }

  static double softplusDifferenceSum(float[] x, int from, int to, float s1, float s0) {
    int k = from;
    int bound = from + S.loopBound(to - from);
    double sum = 0;
    for (; k < bound; k += S.length()) {
      FloatVector v = FloatVector.fromArray(S, x, k);
      sum += softplus(v.mul(s1)).sub(softplus(v.mul(s0))).reduceLanes(VectorOperators.ADD);
    }
    for (; k < to; k++) sum += FastMath.softplus(s1 * x[k]) - FastMath.softplus(s0 * x[k]);
    return sum;
  }

  static void sigmoidAffine(float[] x, int off, int len, float s, float[] c) {
    int j = 0;
    int bound = S.loopBound(len);
    for (; j < bound; j += S.length()) {
      FloatVector v = FloatVector.fromArray(S, x, off + j).mul(-s).sub(FloatVector.fromArray(S, c, j));
      ONE.div(exp(v).add(1f)).intoArray(x, off + j);
    }
    for (; j < len; j++) x[off + j] = FastMath.sigmoid(s * x[off + j] + c[j]);
  }

  private static final VectorSpecies<Integer> IS = VectorSpecies.of(int.class, S.vectorShape());
  private static final FloatVector ZERO = FloatVector.zero(S);

  /**
   * Bernoulli draws with xoshiro128+ in every lane: out[k] ← [u &lt; p[k]], u the top 24 bits of the
   * lane's output × 2⁻²⁴. Returns the first index not done (the tail is left to the caller).
   * {@code st} holds the four state words of every lane, word-major, updated in place.
   */
  static int bernoulli(int[] st, float[] p, int from, int to, float[] out) {
    int n = IS.length();
    IntVector s0 = IntVector.fromArray(IS, st, 0);
    IntVector s1 = IntVector.fromArray(IS, st, n);
    IntVector s2 = IntVector.fromArray(IS, st, 2 * n);
    IntVector s3 = IntVector.fromArray(IS, st, 3 * n);
    int k = from;
    int bound = from + S.loopBound(to - from);
    for (; k < bound; k += n) {
      IntVector result = s0.add(s3);
      IntVector t = s1.lanewise(VectorOperators.LSHL, 9);
      s2 = s2.lanewise(VectorOperators.XOR, s0);
      s3 = s3.lanewise(VectorOperators.XOR, s1);
      s1 = s1.lanewise(VectorOperators.XOR, s2);
      s0 = s0.lanewise(VectorOperators.XOR, s3);
      s2 = s2.lanewise(VectorOperators.XOR, t);
      s3 = s3.lanewise(VectorOperators.ROL, 11);
      FloatVector u = ((FloatVector) result.lanewise(VectorOperators.LSHR, 8).convert(VectorOperators.I2F, 0)).mul(0x1p-24f);
      ZERO.blend(1f, u.lt(FloatVector.fromArray(S, p, k))).intoArray(out, k);
    }
    s0.intoArray(st, 0);
    s1.intoArray(st, n);
    s2.intoArray(st, 2 * n);
    s3.intoArray(st, 3 * n);
    return k;
  }
}
