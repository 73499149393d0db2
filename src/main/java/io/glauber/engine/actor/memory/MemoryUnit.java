package io.glauber.engine.actor.memory;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;
import io.glauber.engine.actor.JsonMessage;
import io.glauber.model.SoftmaxMemory;

/**
 * One hidden "memory" neuron μ of Krotov and Hopfield's two-layer network (2020, "Large associative
 * memory problem in neurobiology and machine learning"; seed 003): it owns its synapses x_μ (the
 * stored pattern, the same weights in both directions) and β. Driven by the feature layer's state ξ,
 * it takes the input current z_μ = β x_μ·ξ ({@link SoftmaxMemory#score}); told the layer's shift c and
 * normaliser S (the softmax's lateral inhibition, which needs every z_ν), it fires
 * p_μ = exp(z_μ − c)/S ({@link SoftmaxMemory#weight}) and sends back its share p_μ x_μ
 * ({@link SoftmaxMemory#weighted}) of the feature layer's next state.
 */
public final class MemoryUnit {
  private MemoryUnit() {}

  /** What a memory unit receives. */
  public sealed interface Command extends JsonMessage permits Drive, Inhibit {}

  /** The feature state ξ of step {@code step}: answer with {@link FeatureLayer.Score}. */
  public record Drive(int step, double[] state, ActorRef<FeatureLayer.Command> replyTo) implements Command {}

  /** The shift and normaliser of step {@code step}: answer with {@link FeatureLayer.Share}. */
  public record Inhibit(int step, double shift, double normaliser, ActorRef<FeatureLayer.Command> replyTo) implements Command {}

  /**
   * @param index μ
   * @param pattern x_μ (owned by the actor from now on)
   * @param beta β &gt; 0
   */
  public static Behavior<Command> create(int index, double[] pattern, double beta) {
    return driven(index, pattern, beta, Double.NaN);
  }

  /** The unit with the current z_μ of its last drive. */
  private static Behavior<Command> driven(int index, double[] pattern, double beta, double score) {
    return Behaviors.receive(Command.class)
        .onMessage(Drive.class, d -> {
          double z = SoftmaxMemory.score(pattern, d.state(), beta);
          d.replyTo().tell(new FeatureLayer.Score(d.step(), index, z));
          return driven(index, pattern, beta, z);
        })
        .onMessage(Inhibit.class, in -> {
          double p = SoftmaxMemory.weight(score, in.shift(), in.normaliser());
          in.replyTo().tell(new FeatureLayer.Share(in.step(), index, SoftmaxMemory.weighted(pattern, p, new double[pattern.length])));
          return Behaviors.same();
        })
        .build();
  }
}
