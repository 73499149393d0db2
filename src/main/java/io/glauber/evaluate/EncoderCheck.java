package io.glauber.evaluate;

import io.glauber.exact.ExactConditional;
import io.glauber.model.BoltzmannMachine;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether a Boltzmann machine has solved an N-M-N encoder problem (Ackley, Hinton and Sejnowski
 * 1985): units [0, N) are the input group V1, [N, 2N) the output group V2, the rest the hidden
 * group H, and pattern k turns on unit k of V1 and unit N+k of V2. With V1 alone clamped to pattern
 * k's input, the exact conditional distribution of H and V2 at the machine's temperature
 * ({@link ExactConditional}) gives
 *
 * <ul>
 *   <li>the recall: the most probable V2 pattern under its marginal, which must be pattern k's output;</li>
 *   <li>the code: the most probable H pattern under its marginal; the N codes must be distinct.</li>
 * </ul>
 *
 * Exact rather than sampled, so the verdict does not depend on the engine that trained the machine
 * nor on the check's own random draws.
 *
 * <p>Beside them, the codes of the training phase: the most probable H pattern with V1 and V2
 * both clamped to pattern k ({@code clampedCodes}), the states the clamped phase sees, a reading
 * of "found N codes" that asks less than ours (V2 need not follow from V1).
 *
 * <p>The spacing of the codes: the smallest Hamming distance between two patterns' codes
 * ({@code codeDistance}, 0 when two codes are equal). The paper's 4-3-4 measure is the time "to find
 * four well-spaced codes", codes "optimally spaced out" so that "no pair differ by only a single
 * bit" (p. 160): distance ≥ 2.
 *
 * <p>And the codes the paper reads off the weights (Fig. 3b: "the first and fourth units
 * … are both employing the code &lt;−, +&gt;"): the signs of the weights from V1's unit k to the
 * hidden units ({@code weightCodes}, a weight of 0 being its own sign).
 *
 * @param recalled patterns whose output is recalled from the input alone
 * @param distinctCodes number of distinct hidden codes among the N patterns
 * @param patterns N
 * @param weightCodes number of distinct sign patterns of the V1–H weights among the N input units
 * @param clampedCodes number of distinct most probable H patterns with V1 and V2 clamped to each pattern
 * @param codeDistance the smallest Hamming distance between the codes of two patterns (0: two codes equal)
 */
public record EncoderCheck(int recalled, int distinctCodes, int patterns, int weightCodes, int clampedCodes, int codeDistance) {

  /** Every code distinct and no two a single bit apart: the paper's "well-spaced" 4-3-4 codes. */
  public boolean codesSpaced() {
    return codesDistinct() && codeDistance >= 2;
  }

  /** Every pattern recalled and every code distinct. */
  public boolean solved() {
    return recalled == patterns && codesDistinct();
  }

  /** The N sign patterns of the V1–H weights distinct (the paper's codes as Fig. 3b reads them off the weights). */
  public boolean weightCodesDistinct() {
    return weightCodes == patterns;
  }

  /** The N codes distinct: the paper's measure ("the median time required to discover four different codes"). */
  public boolean codesDistinct() {
    return distinctCodes == patterns;
  }

  /** Checks {@code machine} on the N-·-N encoder, N = {@code outer}. */
  public static EncoderCheck of(BoltzmannMachine machine, int outer) {
    int n = machine.size();
    if (outer < 1 || 2 * outer >= n) {
      throw new IllegalArgumentException("encoder with " + outer + " units per visible group in a machine of " + n + " units (expected 2N < n)");
    }
    boolean[] clamped = new boolean[n];
    for (int i = 0; i < outer; i++) clamped[i] = true;
    int[] output = new int[outer];
    for (int i = 0; i < outer; i++) output[i] = outer + i;
    int[] hidden = new int[n - 2 * outer];
    for (int i = 0; i < hidden.length; i++) hidden[i] = 2 * outer + i;
    double[] state = new double[n];
    double low = machine.units().low();
    double high = machine.units().high();
    int recalled = 0;
    Set<String> codes = new HashSet<>();
    double[][] code = new double[outer][];
    for (int k = 0; k < outer; k++) {
      Arrays.fill(state, low);
      state[k] = high;
      ExactConditional c = ExactConditional.of(machine, clamped, state);
      double[] out = c.mostProbable(output);
      boolean right = true;
      for (int i = 0; i < outer; i++) right &= out[i] == (i == k ? high : low);
      if (right) recalled++;
      code[k] = c.mostProbable(hidden);
      codes.add(Arrays.toString(code[k]));
    }
    int distance = hidden.length;
    for (int a = 0; a < outer; a++) {
      for (int b = a + 1; b < outer; b++) {
        int d = 0;
        for (int i = 0; i < hidden.length; i++) if (code[a][i] != code[b][i]) d++;
        distance = Math.min(distance, d);
      }
    }
    boolean[] both = new boolean[n];
    for (int i = 0; i < 2 * outer; i++) both[i] = true;
    Set<String> clampedCodes = new HashSet<>();
    for (int k = 0; k < outer; k++) {
      Arrays.fill(state, low);
      state[k] = high;
      state[outer + k] = high;
      clampedCodes.add(Arrays.toString(ExactConditional.of(machine, both, state).mostProbable(hidden)));
    }
    Set<String> signs = new HashSet<>();
    for (int k = 0; k < outer; k++) {
      int[] sign = new int[hidden.length];
      for (int j = 0; j < machine.couplings().degree(k); j++) {
        int to = machine.couplings().neighbour(k, j);
        if (to >= 2 * outer) sign[to - 2 * outer] = (int) Math.signum(machine.couplings().weight(k, j));
      }
      signs.add(Arrays.toString(sign));
    }
    return new EncoderCheck(recalled, codes.size(), outer, signs.size(), clampedCodes.size(), distance);
  }
}
