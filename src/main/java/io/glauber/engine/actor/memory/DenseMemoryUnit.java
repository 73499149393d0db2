package io.glauber.engine.actor.memory;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;
import io.glauber.engine.actor.JsonMessage;

/**
 * One hidden memory neuron μ of a dense associative memory E(σ) = −Σ_μ F(ξ^μ·σ) (Krotov and Hopfield
 * 2016, F = xⁿ; Demircigil et al. 2017, F = e^{βx}) in the two-layer form of Krotov and Hopfield
 * (2020): it owns its synapses ξ^μ (the stored pattern, the same weights both ways) and its input
 * current h_μ = ξ^μ·σ, which it keeps up to date from the feature neurons' flips
 * (h_μ += d ξ^μ_j when unit j changes by d). Asked about feature unit i in state σ_i, it answers the
 * two currents it would have with σ_i = +1 and σ_i = −1, h_μ − ξ^μ_i σ_i ± ξ^μ_i: the unit's energy gap
 * is Σ_μ [F(up_μ) − F(down_μ)], which {@link DenseFeatureLayer} forms from all K answers (for e^{βx}
 * relative to the largest current, which needs all of them, as the softmax normaliser does). The
 * arithmetic is that of {@code hopfield.DenseAssociativeMemory}, operation for operation.
 */
public final class DenseMemoryUnit {
  private DenseMemoryUnit() {}

  /** What a dense memory unit receives. */
  public sealed interface Command extends JsonMessage permits Load, Ask {}

  /** A new feature state of run {@code run}: take h_μ = ξ^μ·σ and answer {@link DenseFeatureLayer.Current}. */
  public record Load(int run, double[] state, ActorRef<DenseFeatureLayer.Command> replyTo) implements Command {}

  /**
   * Update {@code update} of run {@code run}: first apply the last flip (unit {@code flipped} changed by
   * {@code change}; {@code flipped} &lt; 0 when nothing changed), then answer
   * {@link DenseFeatureLayer.Candidates} for unit {@code unit}, now in state {@code value}.
   */
  public record Ask(int run, long update, int flipped, double change, int unit, double value, ActorRef<DenseFeatureLayer.Command> replyTo)
      implements Command {}

  /**
   * @param index μ
   * @param pattern ξ^μ, ±1 (owned by the actor from now on)
   */
  public static Behavior<Command> create(int index, double[] pattern) {
    return loaded(index, pattern, 0.0);
  }

  /** The unit with its current h_μ. */
  private static Behavior<Command> loaded(int index, double[] pattern, double current) {
    return Behaviors.receive(Command.class)
        .onMessage(Load.class, l -> {
          double h = 0;
          for (int i = 0; i < pattern.length; i++) h += pattern[i] * l.state()[i];
          l.replyTo().tell(new DenseFeatureLayer.Current(l.run(), index, h));
          return loaded(index, pattern, h);
        })
        .onMessage(Ask.class, a -> {
          double h = a.flipped() < 0 ? current : current + a.change() * pattern[a.flipped()];
          double rest = h - pattern[a.unit()] * a.value();
          a.replyTo().tell(new DenseFeatureLayer.Candidates(a.run(), a.update(), index, rest + pattern[a.unit()], rest - pattern[a.unit()]));
          return h == current ? Behaviors.same() : loaded(index, pattern, h);
        })
        .build();
  }
}
