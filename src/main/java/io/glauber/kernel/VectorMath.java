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
 *
 * <p>The formulas are written out inside each loop rather than called as helper methods: C2 keeps
 * vectors in registers only when it inlines the whole expression, and a helper whose compiled code
 * is already large is not inlined (InlineSmallCode), which boxes every vector and makes the loop
 * tens of times slower. Keep the loops in step with {@link FastMath}'s scalar formulas, which the
 * tests compare with {@link io.glauber.model.Glauber}. Integer↔float conversions use the 1.5·2²³
 * trick (adding 12582912 puts a small integer in the low mantissa bits) and masked arithmetic is
 * written as blends: JDK 17 does not compile lane conversions and masked operations to vector
 * instructions on every machine (AVX2 here), and falls back to slow Java for them.
 */
final class VectorMath {
  private VectorMath() {}

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Integer> IS = VectorSpecies.of(int.class, S.vectorShape());
  private static final FloatVector ONE = FloatVector.broadcast(S, 1f);
  private static final FloatVector ZERO = FloatVector.zero(S);
  private static final FloatVector VP2 = FloatVector.broadcast(S, P2);
  private static final FloatVector VP3 = FloatVector.broadcast(S, P3);
  private static final FloatVector VP4 = FloatVector.broadcast(S, P4);
  private static final FloatVector VP5 = FloatVector.broadcast(S, P5);
  private static final FloatVector VL0 = FloatVector.broadcast(S, LOGP[0]);
  private static final FloatVector VL1 = FloatVector.broadcast(S, LOGP[1]);
  private static final FloatVector VL2 = FloatVector.broadcast(S, LOGP[2]);
  private static final FloatVector VL3 = FloatVector.broadcast(S, LOGP[3]);
  private static final FloatVector VL4 = FloatVector.broadcast(S, LOGP[4]);
  private static final FloatVector VL5 = FloatVector.broadcast(S, LOGP[5]);
  private static final FloatVector VL6 = FloatVector.broadcast(S, LOGP[6]);
  private static final FloatVector VL7 = FloatVector.broadcast(S, LOGP[7]);
  private static final FloatVector VL8 = FloatVector.broadcast(S, LOGP[8]);

  /**
   * e^x for x ∈ [EXP_LO, EXP_HI] (callers clamp): Cody–Waite reduction x = n·ln 2 + r and Cephes'
   * degree-6 polynomial for e^r, scaled by 2ⁿ through the exponent bits — the vector form of
   * {@link FastMath#exp}. Small and static, so C2 inlines it and the vectors stay in registers.
   */
  private static FloatVector exp(FloatVector x) {
    FloatVector k = x.fma(LOG2E, 12582912f);
    FloatVector n = k.sub(12582912f);
    FloatVector r = x.sub(n.mul(C1)).sub(n.mul(C2));
    FloatVector p = r.fma(P0, P1).fma(r, VP2).fma(r, VP3).fma(r, VP4).fma(r, VP5);
    p = p.mul(r.mul(r)).add(r).add(1f);
    return p.mul(k.reinterpretAsInts().sub(0x4B400000 - 127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
  }

  /** σ(a) = 1 / (1 + e^{−a}). */
  private static FloatVector sigmoid(FloatVector a) {
    return ONE.div(exp(a.neg().max(EXP_LO).min(EXP_HI)).add(1f));
  }

  /** x[from..to) ← σ(s·x). */
  static void sigmoid(float[] x, int from, int to, float s) {
    int k = from;
    int bound = from + S.loopBound(to - from);
    for (; k < bound; k += S.length()) {
      sigmoid(FloatVector.fromArray(S, x, k).mul(s)).intoArray(x, k);
    }
    for (; k < to; k++) x[k] = FastMath.sigmoid(s * x[k]);
  }

  /** x[off + j] ← σ(s·x[off + j] + c[j]). */
  static void sigmoidAffine(float[] x, int off, int len, float s, float[] c) {
    int j = 0;
    int bound = S.loopBound(len);
    for (; j < bound; j += S.length()) {
      sigmoid(FloatVector.fromArray(S, x, off + j).mul(s).add(FloatVector.fromArray(S, c, j))).intoArray(x, off + j);
    }
    for (; j < len; j++) x[off + j] = FastMath.sigmoid(s * x[off + j] + c[j]);
  }

  // The softplus kernels below write e^x and log1p out in full in each loop. Factored into helpers
  // (as σ above is) they ran markedly slower, even with CompileCommand=inline: C2 stopped keeping
  // the nested vectors unboxed. io.glauber.bench.jmh.ElementwiseBenchmark#softplusDifference measures
  // the kernel; docs/BENCHMARKS.md has the figures. The algorithm is FastMath.softplus, tested lane
  // for lane in FastMathTest.

  /** x[from..to) ← softplus(s·x). */
  static void softplus(float[] x, int from, int to, float s) {
    int k = from;
    int bound = from + S.loopBound(to - from);
    for (; k < bound; k += S.length()) {
      FloatVector a = FloatVector.fromArray(S, x, k).mul(s);
      FloatVector saux = a.abs().neg().max(EXP_LO).min(EXP_HI);
      FloatVector sauk = saux.fma(LOG2E, 12582912f);
      FloatVector saun = sauk.sub(12582912f);
      FloatVector saur = saux.sub(saun.mul(C1)).sub(saun.mul(C2));
      FloatVector saup = saur.fma(P0, P1).fma(saur, VP2).fma(saur, VP3).fma(saur, VP4).fma(saur, VP5);
      saup = saup.mul(saur.mul(saur)).add(saur).add(1f);
      FloatVector sau = saup.mul(sauk.reinterpretAsInts().sub(0x4B400000 - 127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
      FloatVector sagy = sau.add(1f);
      IntVector sagb = sagy.reinterpretAsInts();
      FloatVector sage = sagb.lanewise(VectorOperators.LSHR, 23).and(0xff).add(0x4B400000 - 126).reinterpretAsFloats().sub(12582912f);
      FloatVector sagm = sagb.and(0x807fffff).or(0x3f000000).reinterpretAsFloats();
      VectorMask<Float> sags = sagm.lt(SQRTHF);
      sage = sage.sub(ZERO.blend(1f, sags));
      sagm = sagm.add(ZERO.blend(sagm, sags)).sub(1f);
      FloatVector sagz = sagm.mul(sagm);
      FloatVector sagq = sagm.fma(VL0, VL1).fma(sagm, VL2).fma(sagm, VL3).fma(sagm, VL4).fma(sagm, VL5).fma(sagm, VL6).fma(sagm, VL7).fma(sagm, VL8);
      FloatVector sagr = sagm.mul(sagz).mul(sagq).add(sage.mul(C2)).sub(sagz.mul(0.5f));
      FloatVector sagl = sagm.add(sagr).add(sage.mul(C1));
      FloatVector sagd = sagy.sub(1f);
      VectorMask<Float> sago = sagd.eq(0f);
      FloatVector sag = sagl.mul(sau.div(sagd.blend(1f, sago))).blend(sau, sago);
      FloatVector sa = a.max(0f).add(sag);
      sa.intoArray(x, k);
    }
    for (; k < to; k++) x[k] = FastMath.softplus(s * x[k]);
  }

  /** Σ softplus(s·x[k]), each vector's lanes added in double. */
  static double softplusSum(float[] x, int from, int to, float s) {
    int k = from;
    int bound = from + S.loopBound(to - from);
    double sum = 0;
    for (; k < bound; k += S.length()) {
      FloatVector a = FloatVector.fromArray(S, x, k).mul(s);
      FloatVector saux = a.abs().neg().max(EXP_LO).min(EXP_HI);
      FloatVector sauk = saux.fma(LOG2E, 12582912f);
      FloatVector saun = sauk.sub(12582912f);
      FloatVector saur = saux.sub(saun.mul(C1)).sub(saun.mul(C2));
      FloatVector saup = saur.fma(P0, P1).fma(saur, VP2).fma(saur, VP3).fma(saur, VP4).fma(saur, VP5);
      saup = saup.mul(saur.mul(saur)).add(saur).add(1f);
      FloatVector sau = saup.mul(sauk.reinterpretAsInts().sub(0x4B400000 - 127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
      FloatVector sagy = sau.add(1f);
      IntVector sagb = sagy.reinterpretAsInts();
      FloatVector sage = sagb.lanewise(VectorOperators.LSHR, 23).and(0xff).add(0x4B400000 - 126).reinterpretAsFloats().sub(12582912f);
      FloatVector sagm = sagb.and(0x807fffff).or(0x3f000000).reinterpretAsFloats();
      VectorMask<Float> sags = sagm.lt(SQRTHF);
      sage = sage.sub(ZERO.blend(1f, sags));
      sagm = sagm.add(ZERO.blend(sagm, sags)).sub(1f);
      FloatVector sagz = sagm.mul(sagm);
      FloatVector sagq = sagm.fma(VL0, VL1).fma(sagm, VL2).fma(sagm, VL3).fma(sagm, VL4).fma(sagm, VL5).fma(sagm, VL6).fma(sagm, VL7).fma(sagm, VL8);
      FloatVector sagr = sagm.mul(sagz).mul(sagq).add(sage.mul(C2)).sub(sagz.mul(0.5f));
      FloatVector sagl = sagm.add(sagr).add(sage.mul(C1));
      FloatVector sagd = sagy.sub(1f);
      VectorMask<Float> sago = sagd.eq(0f);
      FloatVector sag = sagl.mul(sau.div(sagd.blend(1f, sago))).blend(sau, sago);
      FloatVector sa = a.max(0f).add(sag);
      sum += sa.reduceLanes(VectorOperators.ADD);
    }
    for (; k < to; k++) sum += FastMath.softplus(s * x[k]);
    return sum;
  }

  /**
   * Σ [softplus(s1·x[k]) − softplus(s0·x[k])]; the differences are small, so they are accumulated
   * per lane in float and the lanes added once.
   */
  static double softplusDifferenceSum(float[] x, int from, int to, float s1, float s0) {
    int k = from;
    int bound = from + S.loopBound(to - from);
    double sum = 0;
    FloatVector acc = ZERO;
    for (; k < bound; k += S.length()) {
      FloatVector v = FloatVector.fromArray(S, x, k);
      FloatVector a = v.mul(s1);
      FloatVector b = v.mul(s0);
      FloatVector saux = a.abs().neg().max(EXP_LO).min(EXP_HI);
      FloatVector sauk = saux.fma(LOG2E, 12582912f);
      FloatVector saun = sauk.sub(12582912f);
      FloatVector saur = saux.sub(saun.mul(C1)).sub(saun.mul(C2));
      FloatVector saup = saur.fma(P0, P1).fma(saur, VP2).fma(saur, VP3).fma(saur, VP4).fma(saur, VP5);
      saup = saup.mul(saur.mul(saur)).add(saur).add(1f);
      FloatVector sau = saup.mul(sauk.reinterpretAsInts().sub(0x4B400000 - 127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
      FloatVector sagy = sau.add(1f);
      IntVector sagb = sagy.reinterpretAsInts();
      FloatVector sage = sagb.lanewise(VectorOperators.LSHR, 23).and(0xff).add(0x4B400000 - 126).reinterpretAsFloats().sub(12582912f);
      FloatVector sagm = sagb.and(0x807fffff).or(0x3f000000).reinterpretAsFloats();
      VectorMask<Float> sags = sagm.lt(SQRTHF);
      sage = sage.sub(ZERO.blend(1f, sags));
      sagm = sagm.add(ZERO.blend(sagm, sags)).sub(1f);
      FloatVector sagz = sagm.mul(sagm);
      FloatVector sagq = sagm.fma(VL0, VL1).fma(sagm, VL2).fma(sagm, VL3).fma(sagm, VL4).fma(sagm, VL5).fma(sagm, VL6).fma(sagm, VL7).fma(sagm, VL8);
      FloatVector sagr = sagm.mul(sagz).mul(sagq).add(sage.mul(C2)).sub(sagz.mul(0.5f));
      FloatVector sagl = sagm.add(sagr).add(sage.mul(C1));
      FloatVector sagd = sagy.sub(1f);
      VectorMask<Float> sago = sagd.eq(0f);
      FloatVector sag = sagl.mul(sau.div(sagd.blend(1f, sago))).blend(sau, sago);
      FloatVector sa = a.max(0f).add(sag);
      FloatVector sbux = b.abs().neg().max(EXP_LO).min(EXP_HI);
      FloatVector sbuk = sbux.fma(LOG2E, 12582912f);
      FloatVector sbun = sbuk.sub(12582912f);
      FloatVector sbur = sbux.sub(sbun.mul(C1)).sub(sbun.mul(C2));
      FloatVector sbup = sbur.fma(P0, P1).fma(sbur, VP2).fma(sbur, VP3).fma(sbur, VP4).fma(sbur, VP5);
      sbup = sbup.mul(sbur.mul(sbur)).add(sbur).add(1f);
      FloatVector sbu = sbup.mul(sbuk.reinterpretAsInts().sub(0x4B400000 - 127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
      FloatVector sbgy = sbu.add(1f);
      IntVector sbgb = sbgy.reinterpretAsInts();
      FloatVector sbge = sbgb.lanewise(VectorOperators.LSHR, 23).and(0xff).add(0x4B400000 - 126).reinterpretAsFloats().sub(12582912f);
      FloatVector sbgm = sbgb.and(0x807fffff).or(0x3f000000).reinterpretAsFloats();
      VectorMask<Float> sbgs = sbgm.lt(SQRTHF);
      sbge = sbge.sub(ZERO.blend(1f, sbgs));
      sbgm = sbgm.add(ZERO.blend(sbgm, sbgs)).sub(1f);
      FloatVector sbgz = sbgm.mul(sbgm);
      FloatVector sbgq = sbgm.fma(VL0, VL1).fma(sbgm, VL2).fma(sbgm, VL3).fma(sbgm, VL4).fma(sbgm, VL5).fma(sbgm, VL6).fma(sbgm, VL7).fma(sbgm, VL8);
      FloatVector sbgr = sbgm.mul(sbgz).mul(sbgq).add(sbge.mul(C2)).sub(sbgz.mul(0.5f));
      FloatVector sbgl = sbgm.add(sbgr).add(sbge.mul(C1));
      FloatVector sbgd = sbgy.sub(1f);
      VectorMask<Float> sbgo = sbgd.eq(0f);
      FloatVector sbg = sbgl.mul(sbu.div(sbgd.blend(1f, sbgo))).blend(sbu, sbgo);
      FloatVector sb = b.max(0f).add(sbg);
      acc = acc.add(sa.sub(sb));
    }
    sum += acc.reduceLanes(VectorOperators.ADD);
    for (; k < to; k++) sum += FastMath.softplus(s1 * x[k]) - FastMath.softplus(s0 * x[k]);
    return sum;
  }

  /** Σ_j [softplus(x[xo + j] + d·w[wo + j]) − softplus(x[xo + j])] for j ∈ [0, n). */
  static double softplusShiftDifferenceSum(float[] x, int xo, float[] w, int wo, float d, int n) {
    int j = 0;
    int bound = S.loopBound(n);
    double sum = 0;
    FloatVector acc = ZERO;
    for (; j < bound; j += S.length()) {
      FloatVector b = FloatVector.fromArray(S, x, xo + j);
      FloatVector a = FloatVector.fromArray(S, w, wo + j).fma(FloatVector.broadcast(S, d), b);
      FloatVector saux = a.abs().neg().max(EXP_LO).min(EXP_HI);
      FloatVector sauk = saux.fma(LOG2E, 12582912f);
      FloatVector saun = sauk.sub(12582912f);
      FloatVector saur = saux.sub(saun.mul(C1)).sub(saun.mul(C2));
      FloatVector saup = saur.fma(P0, P1).fma(saur, VP2).fma(saur, VP3).fma(saur, VP4).fma(saur, VP5);
      saup = saup.mul(saur.mul(saur)).add(saur).add(1f);
      FloatVector sau = saup.mul(sauk.reinterpretAsInts().sub(0x4B400000 - 127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
      FloatVector sagy = sau.add(1f);
      IntVector sagb = sagy.reinterpretAsInts();
      FloatVector sage = sagb.lanewise(VectorOperators.LSHR, 23).and(0xff).add(0x4B400000 - 126).reinterpretAsFloats().sub(12582912f);
      FloatVector sagm = sagb.and(0x807fffff).or(0x3f000000).reinterpretAsFloats();
      VectorMask<Float> sags = sagm.lt(SQRTHF);
      sage = sage.sub(ZERO.blend(1f, sags));
      sagm = sagm.add(ZERO.blend(sagm, sags)).sub(1f);
      FloatVector sagz = sagm.mul(sagm);
      FloatVector sagq = sagm.fma(VL0, VL1).fma(sagm, VL2).fma(sagm, VL3).fma(sagm, VL4).fma(sagm, VL5).fma(sagm, VL6).fma(sagm, VL7).fma(sagm, VL8);
      FloatVector sagr = sagm.mul(sagz).mul(sagq).add(sage.mul(C2)).sub(sagz.mul(0.5f));
      FloatVector sagl = sagm.add(sagr).add(sage.mul(C1));
      FloatVector sagd = sagy.sub(1f);
      VectorMask<Float> sago = sagd.eq(0f);
      FloatVector sag = sagl.mul(sau.div(sagd.blend(1f, sago))).blend(sau, sago);
      FloatVector sa = a.max(0f).add(sag);
      FloatVector sbux = b.abs().neg().max(EXP_LO).min(EXP_HI);
      FloatVector sbuk = sbux.fma(LOG2E, 12582912f);
      FloatVector sbun = sbuk.sub(12582912f);
      FloatVector sbur = sbux.sub(sbun.mul(C1)).sub(sbun.mul(C2));
      FloatVector sbup = sbur.fma(P0, P1).fma(sbur, VP2).fma(sbur, VP3).fma(sbur, VP4).fma(sbur, VP5);
      sbup = sbup.mul(sbur.mul(sbur)).add(sbur).add(1f);
      FloatVector sbu = sbup.mul(sbuk.reinterpretAsInts().sub(0x4B400000 - 127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
      FloatVector sbgy = sbu.add(1f);
      IntVector sbgb = sbgy.reinterpretAsInts();
      FloatVector sbge = sbgb.lanewise(VectorOperators.LSHR, 23).and(0xff).add(0x4B400000 - 126).reinterpretAsFloats().sub(12582912f);
      FloatVector sbgm = sbgb.and(0x807fffff).or(0x3f000000).reinterpretAsFloats();
      VectorMask<Float> sbgs = sbgm.lt(SQRTHF);
      sbge = sbge.sub(ZERO.blend(1f, sbgs));
      sbgm = sbgm.add(ZERO.blend(sbgm, sbgs)).sub(1f);
      FloatVector sbgz = sbgm.mul(sbgm);
      FloatVector sbgq = sbgm.fma(VL0, VL1).fma(sbgm, VL2).fma(sbgm, VL3).fma(sbgm, VL4).fma(sbgm, VL5).fma(sbgm, VL6).fma(sbgm, VL7).fma(sbgm, VL8);
      FloatVector sbgr = sbgm.mul(sbgz).mul(sbgq).add(sbge.mul(C2)).sub(sbgz.mul(0.5f));
      FloatVector sbgl = sbgm.add(sbgr).add(sbge.mul(C1));
      FloatVector sbgd = sbgy.sub(1f);
      VectorMask<Float> sbgo = sbgd.eq(0f);
      FloatVector sbg = sbgl.mul(sbu.div(sbgd.blend(1f, sbgo))).blend(sbu, sbgo);
      FloatVector sb = b.max(0f).add(sbg);
      acc = acc.add(sa.sub(sb));
    }
    sum += acc.reduceLanes(VectorOperators.ADD);
    for (; j < n; j++) sum += FastMath.softplus(x[xo + j] + d * w[wo + j]) - FastMath.softplus(x[xo + j]);
    return sum;
  }

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

  /** The float lanes of a vector. */
  static int width() {
    return S.length();
  }

  /**
   * h[k] ← bias + Σ_{e ∈ [from, to)} w[e]·x[base + adj[e]·stride + k] for k in whole vectors below
   * len: the local fields of one unit across chains laid out unit-major. Returns the first k not done.
   */
  static int gatherFields(float[] x, int base, int stride, int[] adj, float[] w, int from, int to, float bias, float[] h, int len) {
    int k = 0;
    int bound = S.loopBound(len);
    for (; k < bound; k += S.length()) {
      FloatVector acc = FloatVector.broadcast(S, bias);
      for (int e = from; e < to; e++) {
        acc = FloatVector.fromArray(S, x, base + adj[e] * stride + k).fma(FloatVector.broadcast(S, w[e]), acc);
      }
      acc.intoArray(h, k);
    }
    return k;
  }

  /**
   * One unit's heat-bath update across chains, fused, with p(on) looked up: for k in whole vectors
   * below len, the field h = bias + Σ_{e ∈ [from, to)} w[e]·x[base + adj[e]·stride + k] (as
   * {@link #gatherFields}), p = prob[t0 + j] for the j with thr[t0 + j − 1] ≤ h &lt; thr[t0 + j]
   * (m values, m − 1 ascending thresholds between them), a uniform u from the lane's xoshiro128+
   * drawn exactly as {@link #bernoulli} draws it, and x[out + k] ← (u &lt; p ? high : low). Returns
   * the first k not done; {@code st} as in {@link #bernoulli}.
   *
   * <p>The table replaces σ's e^x and division by m − 1 compares and blends (the caller keeps m
   * small); the draw and the store follow in the same pass, so the fields never go to memory.
   */
  static int gatherLookupDraw(float[] x, int base, int stride, int[] adj, float[] w, int from, int to, float bias,
      float[] thr, float[] prob, int t0, int m, int[] st, float low, float high, int out, int len) {
    int n = IS.length();
    IntVector s0 = IntVector.fromArray(IS, st, 0);
    IntVector s1 = IntVector.fromArray(IS, st, n);
    IntVector s2 = IntVector.fromArray(IS, st, 2 * n);
    IntVector s3 = IntVector.fromArray(IS, st, 3 * n);
    FloatVector lo = FloatVector.broadcast(S, low);
    float top = prob[t0 + m - 1];
    int k = 0;
    int bound = S.loopBound(len);
    for (; k < bound; k += n) {
      FloatVector h = FloatVector.broadcast(S, bias);
      for (int e = from; e < to; e++) {
        h = FloatVector.fromArray(S, x, base + adj[e] * stride + k).fma(FloatVector.broadcast(S, w[e]), h);
      }
      // descending, so that the last blend applied is that of the lowest threshold above h
      FloatVector p = FloatVector.broadcast(S, top);
      for (int j = m - 2; j >= 0; j--) p = p.blend(prob[t0 + j], h.lt(thr[t0 + j]));
      // bernoulli's xoshiro128+ step, written out again: a helper cannot hand back four state
      // vectors without boxing them (see the class comment); keep the two in step
      IntVector result = s0.add(s3);
      IntVector t = s1.lanewise(VectorOperators.LSHL, 9);
      s2 = s2.lanewise(VectorOperators.XOR, s0);
      s3 = s3.lanewise(VectorOperators.XOR, s1);
      s1 = s1.lanewise(VectorOperators.XOR, s2);
      s0 = s0.lanewise(VectorOperators.XOR, s3);
      s2 = s2.lanewise(VectorOperators.XOR, t);
      s3 = s3.lanewise(VectorOperators.ROL, 11);
      FloatVector u = ((FloatVector) result.lanewise(VectorOperators.LSHR, 8).convert(VectorOperators.I2F, 0)).mul(0x1p-24f);
      lo.blend(high, u.lt(p)).intoArray(x, out + k);
    }
    s0.intoArray(st, 0);
    s1.intoArray(st, n);
    s2.intoArray(st, 2 * n);
    s3.intoArray(st, 3 * n);
    return k;
  }

  /** y[yo + k] += a·x[xo + k] for k in whole vectors below len. Returns the first k not done. */
  static int axpy(float a, float[] x, int xo, float[] y, int yo, int len) {
    int k = 0;
    int bound = S.loopBound(len);
    FloatVector va = FloatVector.broadcast(S, a);
    for (; k < bound; k += S.length()) {
      FloatVector.fromArray(S, x, xo + k).fma(va, FloatVector.fromArray(S, y, yo + k)).intoArray(y, yo + k);
    }
    return k;
  }
}
