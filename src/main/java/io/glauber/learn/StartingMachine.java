package io.glauber.learn;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.Topology;
import io.glauber.model.Units;
import java.util.SplittableRandom;

/**
 * The starting Boltzmann machine of a configuration's {@code model} section: binary units, the
 * data's visible units first, {@code hidden} hidden units after them, couplings on a
 * {@link Topology}, weights w_ij ~ N(0, init-std²) and zero biases (seed 003: "small values chosen
 * from a zero mean Gaussian with a standard deviation of about 0.01").
 *
 * <pre>
 * model {
 *   hidden = 4
 *   topology = full          # full | restricted (visible–hidden only) | groups
 *   groups = "in=0-3, out=4-7, hidden=8-9"            # topology = groups: NAME=FROM-TO, ...
 *   connect = "in-in, in-hidden, out-out, out-hidden"  # topology = groups: GROUP-GROUP, ...
 *   init-std = 0.01
 * }
 * </pre>
 */
public final class StartingMachine {
  private StartingMachine() {}

  /** The topology of {@code model.topology} for {@code nVisible} visible and {@code model.hidden} hidden units. */
  public static Topology topology(Config c, int nVisible) {
    try {
      int hidden = c.getInt("model.hidden");
      if (hidden < 0) throw new IllegalArgumentException("config: model.hidden = " + hidden + " (expected ≥ 0)");
      String kind = c.hasPath("model.topology") ? c.getString("model.topology") : "full";
      return switch (kind) {
        case "full" -> Topology.full(nVisible + hidden);
        case "restricted" -> Topology.restricted(nVisible, hidden);
        case "groups" -> Topology.parse(nVisible + hidden, c.getString("model.groups"), c.getString("model.connect"));
        default -> throw new IllegalArgumentException("config: model.topology = " + kind + " (expected full, restricted or groups)");
      };
    } catch (ConfigException e) {
      throw new IllegalArgumentException("config: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw e.getMessage().startsWith("config:") ? e : new IllegalArgumentException("config: model: " + e.getMessage());
    }
  }

  /** The starting machine at temperature {@code temperature}, its weights drawn from {@code rng}. */
  public static BoltzmannMachine from(Config c, int nVisible, double temperature, SplittableRandom rng) {
    Topology topology = topology(c, nVisible);
    double std;
    try {
      std = c.hasPath("model.init-std") ? c.getDouble("model.init-std") : 0.01;
    } catch (ConfigException e) {
      throw new IllegalArgumentException("config: " + e.getMessage());
    }
    if (!(std >= 0) || Double.isInfinite(std)) throw new IllegalArgumentException("config: model.init-std = " + std + " (expected finite ≥ 0)");
    return topology.machine(Units.BINARY, nVisible, temperature, std, rng);
  }
}
