package io.glauber.hopfield;

import java.util.Arrays;

/**
 * The outcome of one recall run.
 *
 * @param state the final state σ (±1 values)
 * @param sweeps number of sweeps (asynchronous) or steps (synchronous) performed
 * @param converged whether the run ended at a fixed point: a full T = 0 sweep with no update that
 *     lowered the energy (asynchronous), or σ(t+1) = σ(t) (synchronous)
 * @param cycle whether synchronous dynamics ended in a 2-cycle σ(t+1) = σ(t−1) ≠ σ(t)
 * @param energies E(σ) at the start and after each sweep or step (length sweeps + 1)
 */
public record RecallResult(double[] state, int sweeps, boolean converged, boolean cycle, double[] energies) {

  public RecallResult {
    if (sweeps < 0) throw new IllegalArgumentException("sweeps " + sweeps + " (expected ≥ 0)");
    if (energies.length != sweeps + 1) {
      throw new IllegalArgumentException(
          "energy trace of length " + energies.length + " (expected sweeps + 1 = " + (sweeps + 1) + ")");
    }
    state = state.clone();
    energies = energies.clone();
  }

  /** The final energy. */
  public double energy() {
    return energies[energies.length - 1];
  }

  /** Overlaps m_μ of the final state with each pattern. */
  public double[] overlaps(int[][] patterns) {
    return Patterns.overlaps(patterns, state);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecallResult r && Arrays.equals(r.state, state) && r.sweeps == sweeps
        && r.converged == converged && r.cycle == cycle && Arrays.equals(r.energies, energies);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(state) * 31 + sweeps;
  }

  @Override
  public String toString() {
    return "RecallResult[sweeps=" + sweeps + ", converged=" + converged + ", cycle=" + cycle + ", energy=" + energy() + "]";
  }
}
