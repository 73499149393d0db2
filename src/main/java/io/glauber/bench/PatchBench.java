package io.glauber.bench;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Props;
import akka.actor.typed.javadsl.Behaviors;
import io.glauber.engine.actor.ActorConfig;
import io.glauber.engine.actor.Dynamics;
import io.glauber.engine.actor.Mode;
import io.glauber.engine.actor.Partition;
import io.glauber.engine.actor.Timing;
import io.glauber.engine.actor.neuron.Network;
import io.glauber.engine.actor.neuron.PatchNetwork;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.SparseCouplings;
import io.glauber.model.Units;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The patch actors' benchmark: asynchronous unit updates per second on a periodic L×L Ising lattice
 * (J = 1, spins, no field) at temperature T, cut into square tiles, one patch actor per tile,
 * unclocked (each patch updates {@code Patch.CHUNK} units per turn, then sends its boundary changes)
 * and without added delay — what {@code bench actor} measures for neuron actors, per unit update.
 *
 * <p>Wall-clock figures: they depend on the machine and on whatever else runs on it.
 */
public final class PatchBench {
  private PatchBench() {}

  /**
   * What to measure.
   *
   * @param sides lattice sides L (L² units each), e.g. 100, 316, 1000: 10⁴ to 10⁶ units
   * @param patchSize units per patch wanted; each lattice uses {@link #tileSide(int, int)}: the tile side dividing L
   *     nearest to √patchSize that leaves at least two tiles per core
   * @param temperature T
   * @param warmup time each lattice runs before measuring
   * @param measure measuring window
   * @param seed run seed
   */
  public record Settings(List<Integer> sides, int patchSize, double temperature, Duration warmup, Duration measure, long seed) {
    public Settings {
      if (sides.isEmpty()) throw new IllegalArgumentException("no lattice sides (expected at least one)");
      for (int side : sides) if (side < 3) throw new IllegalArgumentException("lattice side " + side + " (expected ≥ 3)");
      if (patchSize < 1) throw new IllegalArgumentException("patch size " + patchSize + " (expected ≥ 1 unit)");
      if (!(temperature >= 0)) throw new IllegalArgumentException("temperature " + temperature + " (expected T ≥ 0)");
      if (warmup.isNegative() || measure.isNegative() || measure.isZero()) {
        throw new IllegalArgumentException("warm-up " + warmup + ", window " + measure + " (expected ≥ 0 and > 0)");
      }
      sides = List.copyOf(sides);
    }
  }

  /** {@link #tileSide(int, int, int)} for this machine's cores. */
  public static int tileSide(int side, int patchSize) {
    return tileSide(side, patchSize, Runtime.getRuntime().availableProcessors());
  }

  /**
   * The divisor t of {@code side} nearest to √{@code patchSize} (ties: the smaller) among those
   * that cut the lattice into at least two tiles per core ((side/t)² ≥ 2·cores), or 1 if none does.
   * Why two per core: with fewer, a core has nothing to run while its one patch waits for a
   * neighbour, and the bands of {@code Placement} cannot balance. Why large tiles otherwise
   * (docs/ACTORS.md, "What a patch holds"): a turn of an unclocked patch is min(t², CHUNK)
   * updates followed by one round of boundary messages and credits, so tiles of at least
   * {@code Patch.CHUNK} units spread that round over the most updates, and the boundary (4t of t²)
   * shrinks; a tile's hot data, 12 bytes a unit, fits the cores' L2 caches with its halo up to
   * tiles of well over 10⁴ units.
   */
  public static int tileSide(int side, int patchSize, int cores) {
    if (cores < 1) throw new IllegalArgumentException("cores " + cores + " (expected ≥ 1)");
    double want = Math.sqrt(patchSize);
    int best = -1;
    for (int t = 1; t <= side; t++) {
      boolean enough = (long) (side / t) * (side / t) >= 2L * cores;
      if (side % t == 0 && enough && (best < 0 || Math.abs(t - want) < Math.abs(best - want))) best = t;
    }
    return best < 0 ? 1 : best;
  }

  /** One lattice per side, each result handed to {@code each} as it comes. */
  public static List<Map<String, Object>> scaling(Settings s, Consumer<Map<String, Object>> each) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int side : s.sides()) {
      Map<String, Object> r = run(side, tileSide(side, s.patchSize()), s.temperature(), s.warmup(), s.measure(), s.seed());
      each.accept(r);
      out.add(r);
    }
    return out;
  }

  /**
   * One lattice. Keys: {@code granularity}, {@code units}, {@code tile_side}, {@code patches},
   * {@code patch_colours}, {@code temperature}, {@code heap_mb_after_spawn} (used heap after a full
   * collection, the patches spawned and started), {@code updates_per_s},
   * {@code informed_updates_per_s} (updates of units whose field changed since their last update),
   * {@code ns_per_update} (wall time per update), {@code cpu_ns_per_update} and {@code cpu_share}
   * (process CPU time per update; the share of the machine's cores the process got),
   * {@code messages_per_s} (boundary batches, credits and ticks), {@code updates_per_message},
   * {@code gc_share}, {@code cores}, {@code collector}, {@code dispatcher}.
   */
  public static Map<String, Object> run(int side, int tile, double temperature, Duration warmup, Duration measure, long seed) {
    return run(side, tile, temperature, warmup, measure, seed, Mode.ASYNC, Duration.ZERO, Timing.DEFAULT);
  }

  /**
   * {@link #scaling} in each of {@code modes} in turn (one lattice per side and mode), with message
   * delays of mean {@code delay} shaped by {@code timing}: {@code bench actor --granularity patch
   * --mode exact,exclusive,async [--delay-us …]}.
   */
  public static List<Map<String, Object>> modes(Settings s, List<Mode> modes, Duration delay, Timing timing, Consumer<Map<String, Object>> each) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int side : s.sides()) {
      for (Mode mode : modes) {
        Map<String, Object> r = run(side, tileSide(side, s.patchSize()), s.temperature(), s.warmup(), s.measure(), s.seed(), mode, delay, timing);
        each.accept(r);
        out.add(r);
      }
    }
    return out;
  }

  /**
   * {@link #run(int, int, double, Duration, Duration, long)} in {@code mode} (unclocked: exclusive
   * patches are hungry again at once, exact mode is asked for barrier sweeps back to back) with
   * message delays of mean {@code delay} shaped by {@code timing}; adds the keys {@code mode},
   * {@code delay_us} and {@code delay_shape}. Exact mode on patches keeps no counters: its updates
   * are the sweeps done × n, and its informed updates are not counted (NaN).
   */
  public static Map<String, Object> run(int side, int tile, double temperature, Duration warmup, Duration measure, long seed,
      Mode mode, Duration delay, Timing timing) {
    Dynamics d = ActorBench.dynamics(mode, null, delay, timing).withStepTimeout(Duration.ofSeconds(120));
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "glauber-patch-bench", ActorConfig.config());
    try {
      Map<String, Object> out = new LinkedHashMap<>();
      int n = side * side;
      SparseCouplings lattice = SparseCouplings.squareLattice(side, 1.0);
      BoltzmannMachine m = new BoltzmannMachine(Units.SPIN, lattice, new double[n], n, temperature);
      Partition tiles = Partition.squareTiles(side, tile);
      ActorRef<Network.Command> net = system.systemActorOf(PatchNetwork.create(m, d, null, null, seed, tiles), "bench-patches", Props.empty());
      ActorBench.ask(system, net, r -> new Network.Sample(1, r)); // spawns, wires and starts the patches
      out.put("granularity", "patch");
      out.put("mode", mode.name().toLowerCase(java.util.Locale.ROOT));
      out.put("delay_us", delay.toNanos() / 1e3);
      out.put("delay_shape", timing.delayName());
      out.put("units", n);
      out.put("tile_side", tile);
      out.put("patches", tiles.count());
      out.put("patch_colours", java.util.Arrays.stream(Partition.colours(tiles.patchGraph(lattice))).max().orElse(0) + 1);
      out.put("temperature", temperature);
      out.put("heap_mb_after_spawn", ActorBench.usedHeapMb());
      boolean counted = mode != Mode.EXACT;
      sweeps(system, net, counted, warmup);
      Network.Counted c0 = counted ? (Network.Counted) ActorBench.ask(system, net, Network.Count::new) : null;
      long t0 = System.nanoTime();
      long cpu0 = Jvm.processCpuNanos();
      long gc0 = Jvm.gcMillis();
      long sweeps = sweeps(system, net, counted, measure);
      Network.Counted c1 = counted ? (Network.Counted) ActorBench.ask(system, net, Network.Count::new) : null;
      double seconds = (System.nanoTime() - t0) / 1e9;
      double cpuSeconds = (Jvm.processCpuNanos() - cpu0) / 1e9;
      double gcSeconds = (Jvm.gcMillis() - gc0) / 1e3;
      double updates = (counted ? c1.updates() - c0.updates() : sweeps * n) / seconds;
      double messages = counted ? (c1.messages() - c0.messages()) / seconds : Double.NaN;
      out.put("updates_per_s", updates);
      out.put("informed_updates_per_s", counted ? (c1.informed() - c0.informed()) / seconds : Double.NaN);
      out.put("ns_per_update", 1e9 / updates);
      out.put("cpu_ns_per_update", cpuSeconds * 1e9 / (updates * seconds));
      out.put("cpu_share", cpuSeconds / seconds / Runtime.getRuntime().availableProcessors());
      out.put("messages_per_s", messages);
      out.put("updates_per_message", updates / messages);
      out.put("gc_share", gcSeconds / seconds);
      out.put("cores", Runtime.getRuntime().availableProcessors());
      out.put("collector", Jvm.collectors());
      out.put("dispatcher", ActorConfig.neuronDispatcher(d));
      net.tell(new Network.Stop());
      return out;
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().join();
    }
  }

  /** Lets the patches run for {@code d}: clocked modes by themselves, exact mode asked for sweep after sweep; the sweeps asked for. */
  private static long sweeps(ActorSystem<?> system, ActorRef<Network.Command> net, boolean clocked, Duration d) {
    if (clocked) {
      ActorBench.sleep(d);
      return 0;
    }
    long end = System.nanoTime() + d.toNanos();
    long done = 0;
    for (; System.nanoTime() < end; done++) ActorBench.ask(system, net, r -> new Network.Sample(1, r));
    return done;
  }
}
