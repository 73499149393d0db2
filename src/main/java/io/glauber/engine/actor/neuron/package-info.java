/**
 * Neuron actors: one actor per unit of a Boltzmann machine (dense or sparse — a 2D Ising lattice is
 * a model like any other), the {@link io.glauber.engine.actor.neuron.Network} coordinator that runs
 * one copy of the machine in exact (colour barrier), exclusive (local mutual exclusion: forks, no
 * barrier, exact at any delay) or async (own clocks, delays) mode, the
 * short-lived {@link io.glauber.engine.actor.neuron.Snapshot} aggregator, the wall-clock
 * {@link io.glauber.engine.actor.neuron.Annealer}, and the
 * {@link io.glauber.engine.actor.neuron.PhaseSupervisor} that runs the annealed clamped and free
 * phases of the two-phase learning algorithm of Ackley, Hinton and Sejnowski (1985) on networks it
 * spawns once per run, and the {@link io.glauber.engine.actor.neuron.BoltzmannSupervisor} of the
 * mini-batch trainer (short unannealed phases; local learning). Entry points:
 * {@link io.glauber.engine.actor.neuron.ActorSampler} (samples as an akka-stream Source; conditional
 * samples, one network per picture tile, in {@link io.glauber.engine.actor.neuron.ActorConditionalSamples}),
 * {@link io.glauber.engine.actor.neuron.NeuronPhases} (the {@code learn.PhaseSampler} of the
 * two-phase algorithm, for {@code learn.TwoPhaseLearning}) and
 * {@link io.glauber.engine.actor.neuron.ActorTrainer} (mini-batch learning fed by a backpressured
 * stream; {@link io.glauber.engine.actor.neuron.NeuronTrainConfig} reads its settings from HOCON). The
 * Glauber rule is {@link io.glauber.model.Glauber#update}, the learning rule
 * {@link io.glauber.learn.Learner}: called, never copied.
 *
 * <p>Patch actors live here too: {@link io.glauber.engine.actor.neuron.Patch} (a block of units per
 * actor; exact mode by patch colours with neighbour-only synchronisation, async mode with credits),
 * its {@link io.glauber.engine.actor.neuron.PatchSpec} and the coordinator
 * {@link io.glauber.engine.actor.neuron.PatchNetwork}, chosen by
 * {@link io.glauber.engine.actor.neuron.PatchNetwork#of} from an {@code engine.actor.Granularity}.
 * Why beside the neurons and not in a package of their own: the coordinator must answer the neuron
 * network's protocol ({@code Network.Request}, {@code Network.Reply}, {@code Network.Moments}) so
 * that {@code ActorSampler}, {@code ActorRelaxation} and {@code BoltzmannSupervisor} run on either
 * granularity, and those three must be able to spawn it. A sibling package would need the neuron
 * package (its protocol) while the neuron package needed it (to spawn patches) — a cycle — unless
 * the protocol moved to the {@code engine.actor} root, which would rewrite {@code Network} and
 * {@code BoltzmannSupervisor}, files other work changes at the same time. Here the change to them
 * is one overload and one spawn line. Patch messages are
 * {@link io.glauber.engine.actor.neuron.PatchMessage}s with their own
 * {@link io.glauber.engine.actor.neuron.PatchSerializer} (identifier 7413).
 *
 * <p>Both coordinators can also take actors spawned elsewhere ({@code Network.create} and
 * {@code PatchNetwork.create} with placed refs; {@code Network.neurons} and
 * {@code PatchNetwork.patches} build the same actors from the same seed): how cluster mode
 * ({@code engine.actor.cluster}) runs this code over several members.
 *
 * <p>The high-rate messages are {@link io.glauber.engine.actor.neuron.BinaryMessage}s, written by
 * this package's own {@link io.glauber.engine.actor.neuron.NeuronSerializer} (identifier 7411);
 * the rest are the root's {@code JsonMessage}s (Jackson CBOR).
 *
 * <p>Dependencies (enforced by {@code ArchitectureTest}): this package may use the actor engine's
 * root {@code engine.actor}, {@code model}, {@code data}, {@code kernel}, {@code exact},
 * {@code learn} and {@code io} — never the layer part {@code engine.actor.layer}, another engine
 * ({@code engine.batch}, {@code engine.reference}), {@code evaluate}, {@code hopfield},
 * {@code bench} or {@code cli}.
 */
package io.glauber.engine.actor.neuron;
