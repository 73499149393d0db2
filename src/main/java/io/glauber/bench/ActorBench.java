package io.glauber.bench;

import io.glauber.engine.actor.ActorConfig;
import io.glauber.engine.actor.Dynamics;
import io.glauber.engine.actor.Mode;
import io.glauber.engine.actor.Timing;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Props;
import akka.actor.typed.javadsl.AskPattern;
import akka.actor.typed.javadsl.Behaviors;
import io.glauber.engine.actor.neuron.Network;
import io.glauber.model.BoltzmannMachine;
import io.glauber.model.SparseCouplings;
import io.glauber.model.Units;
import io.glauber.io.AtomicFiles;
import io.glauber.io.Plots;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The actor engine's benchmark: neuron updates per second on a periodic L×L Ising lattice (J = 1,
 * spins, no field) at temperature T, without added delay, led by the <em>informed</em> updates per
 * second — updates after the unit has heard a change since its previous update, the ones that move
 * the chain with news — beside the raw rate; in one of the modes: {@code async} (unclocked: mean
 * interval 0), {@code exclusive} (unclocked: hungry again at once) or {@code exact} (colour-barrier
 * sweeps, asked for one after another for the whole window); optionally event-driven (async and
 * exclusive: a unit also updates when it hears a change, on top of a slow background clock —
 * biased, see {@link Timing#eventDriven()}); the messages per second the engine delivers
 * meanwhile; and, on the same actor system and dispatcher, the ceiling: messages per second of a
 * plain ping-pong between pairs of actors.
 *
 * <p>Wall-clock figures: they depend on the machine and on whatever else runs on it.
 */
public final class ActorBench {
  private ActorBench() {}

  /**
   * Runs the benchmark. Keys of the result: {@code neurons}, {@code temperature},
   * {@code updates_per_s}, {@code engine_messages_per_s}, {@code messages_per_update},
   * {@code ns_per_update} (wall time per update), {@code ceiling_messages_per_s} (the median of three
   * windows of half the measuring window, at least 1 s each, listed in {@code ceiling_windows_messages_per_s}),
   * {@code engine_vs_ceiling}, {@code heap_mb_after_spawn}, {@code cores}, {@code dispatcher} (the
   * lattice's and the ping-pong's), its {@code executor} and {@code dispatcher_throughput};
   * and, since wall-clock rates on a shared machine move with everyone else's load, the process's
   * CPU time per update over the window ({@code cpu_ns_per_update}, with {@code cpu_share}: the
   * fraction of the machine's cores the process got) and per ping-pong message
   * ({@code ceiling_cpu_ns_per_message}, warm-up included); the share of the window the collectors
   * took ({@code gc_share}, their reported collection time ÷ the window) and which collectors ran
   * ({@code collector}); how long the lattice took to stop ({@code lattice_stop_s}) before the
   * ceiling was measured on the then quiet system.
   *
   * @param side lattice side L (L² neuron actors)
   * @param temperature T
   * @param warmup time the lattice runs before measuring
   * @param measure measuring window (also the ping-pong's)
   * @param seed run seed
   * @param throughput messages a neuron handles per turn on a thread (the dispatcher's throughput)
   */
  public static Map<String, Object> run(int side, double temperature, Duration warmup, Duration measure, long seed, int throughput) {
    return run(side, temperature, warmup, measure, seed, throughput, Mode.ASYNC, null);
  }

  /**
   * {@link #run(int, double, Duration, Duration, long, int)} in {@code mode}; with
   * {@code eventDriven} not null (async or exclusive), event-driven updates on top of a background
   * Poisson clock of that mean interval.
   */
  public static Map<String, Object> run(int side, double temperature, Duration warmup, Duration measure, long seed, int throughput,
      Mode mode, Duration eventDriven) {
    return run(side, temperature, warmup, measure, seed, throughput, mode, eventDriven, Duration.ZERO, Timing.DEFAULT);
  }

  /**
   * {@link #run(int, double, Duration, Duration, long, int, Mode, Duration)} with message delays of
   * mean {@code delay} shaped by {@code timing} (its delay distribution and whether per synapse), in
   * every mode: exact mode's changes and acks take them as the clocked modes' messages do.
   */
  public static Map<String, Object> run(int side, double temperature, Duration warmup, Duration measure, long seed, int throughput,
      Mode mode, Duration eventDriven, Duration delay, Timing timing) {
    Dynamics d = dynamics(mode, eventDriven, delay, timing).withStepTimeout(Duration.ofSeconds(120));
    String dispatcher = ActorConfig.neuronDispatcher(d);
    com.typesafe.config.Config config = com.typesafe.config.ConfigFactory
        .parseString(dispatcher + ".throughput = " + throughput).withFallback(ActorConfig.config());
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "glauber-bench", config);
    try {
      Map<String, Object> out = new LinkedHashMap<>();
      int n = side * side;
      BoltzmannMachine m = new BoltzmannMachine(Units.SPIN, SparseCouplings.squareLattice(side, 1.0), new double[n], n, temperature);
      ActorRef<Network.Command> net = system.systemActorOf(Network.create(m, d, null, null, seed), "bench-lattice", Props.empty());
      ask(system, net, r -> new Network.Sample(1, r)); // starts the clocks once all neurons are spawned
      out.put("mode", mode.name().toLowerCase(java.util.Locale.ROOT) + (eventDriven != null ? " event-driven (background " + eventDriven.toMillis() + " ms)" : ""));
      out.put("informed_updates_per_s", 0.0); // filled in below: the headline comes first
      out.put("delay_us", delay.toNanos() / 1e3);
      out.put("delay_shape", timing.delayName());
      out.put("neurons", n);
      out.put("temperature", temperature);
      out.put("heap_mb_after_spawn", usedHeapMb());
      runFor(system, net, mode, warmup);
      Network.Counted c0 = (Network.Counted) ask(system, net, Network.Count::new);
      long t0 = System.nanoTime();
      long cpu0 = Jvm.processCpuNanos();
      long gc0 = Jvm.gcMillis();
      runFor(system, net, mode, measure);
      Network.Counted c1 = (Network.Counted) ask(system, net, Network.Count::new);
      double seconds = (System.nanoTime() - t0) / 1e9;
      double cpuSeconds = (Jvm.processCpuNanos() - cpu0) / 1e9;
      double gcSeconds = (Jvm.gcMillis() - gc0) / 1e3;
      double stopSeconds = stopAndWait(system, net);
      double updates = (c1.updates() - c0.updates()) / seconds;
      out.put("informed_updates_per_s", (c1.informed() - c0.informed()) / seconds);
      double messages = (c1.messages() - c0.messages()) / seconds;
      out.put("updates_per_s", updates);
      out.put("informed_fraction", (c1.informed() - c0.informed()) / (double) Math.max(1, c1.updates() - c0.updates()));
      out.put("engine_messages_per_s", messages);
      out.put("messages_per_update", messages / updates);
      out.put("ns_per_update", 1e9 / updates);
      out.put("cpu_ns_per_update", cpuSeconds * 1e9 / (updates * seconds));
      out.put("cpu_share", cpuSeconds / seconds / Runtime.getRuntime().availableProcessors());
      out.put("gc_share", gcSeconds / seconds);
      // the ceiling is measured on a quiet system: the lattice's actors have all stopped (a large
      // lattice takes seconds to) and their memory is collected, outside every measuring window
      out.put("lattice_stop_s", stopSeconds);
      System.gc();
      // three windows, each with fresh players: the ceiling moves between runs on a shared machine
      // (docs/BENCHMARKS-actor.md); the median is the yardstick, the three are reported
      long pingCpu0 = Jvm.processCpuNanos();
      long pingT0 = System.nanoTime();
      Duration window = measure.dividedBy(2).compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : measure.dividedBy(2);
      double[] windows = new double[3];
      for (int w = 0; w < windows.length; w++) windows[w] = pingPong(system, dispatcher, 64, throughput, window, "w" + w);
      double pingCpuShare = (Jvm.processCpuNanos() - pingCpu0) / (double) (System.nanoTime() - pingT0);
      double[] sorted = windows.clone();
      java.util.Arrays.sort(sorted);
      double ceiling = sorted[1];
      out.put("ceiling_messages_per_s", ceiling);
      out.put("ceiling_windows_messages_per_s", java.util.Arrays.stream(windows).boxed().toList());
      // the ping-pong's CPU is taken over its warm-up too, so this is an upper bound per message
      out.put("ceiling_cpu_ns_per_message", pingCpuShare * 1e9 / ceiling);
      out.put("pingpong_one_ball_messages_per_s", pingPong(system, dispatcher, 64, 1, window, "one"));
      out.put("engine_vs_ceiling", messages / ceiling);
      out.put("cores", Runtime.getRuntime().availableProcessors());
      out.put("collector", collectors());
      out.put("dispatcher", dispatcher);
      out.put("executor", system.settings().config().getString(dispatcher + ".executor"));
      out.put("dispatcher_throughput", system.settings().config().getInt(dispatcher + ".throughput"));
      return out;
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().join();
    }
  }

  /** The benchmark's dynamics: unclocked without delay, or event-driven over a background clock. */
  static Dynamics dynamics(Mode mode, Duration eventDriven) {
    return dynamics(mode, eventDriven, Duration.ZERO, Timing.DEFAULT);
  }

  /** {@link #dynamics(Mode, Duration)} with message delays of mean {@code delay}, shaped by {@code timing}. */
  static Dynamics dynamics(Mode mode, Duration eventDriven, Duration delay, Timing timing) {
    if (delay == null || delay.isNegative()) throw new IllegalArgumentException("message delay " + delay + " (expected ≥ 0)");
    if (eventDriven != null && mode == Mode.EXACT) throw new IllegalArgumentException("event-driven exact mode (expected async or exclusive)");
    if (eventDriven != null && (eventDriven.isZero() || eventDriven.isNegative())) {
      throw new IllegalArgumentException("background clock " + eventDriven + " (expected > 0)");
    }
    Duration interval = eventDriven != null ? eventDriven : Duration.ZERO;
    Dynamics d = new Dynamics(mode, interval, delay, Duration.ofMillis(1), Duration.ofSeconds(30));
    return d.withTiming(timing.withEventDriven(eventDriven != null));
  }

  /** Lets the lattice run for {@code d}: clocked modes run by themselves, exact mode is asked for sweep after sweep. */
  private static void runFor(ActorSystem<?> system, ActorRef<Network.Command> net, Mode mode, Duration d) {
    if (mode != Mode.EXACT) {
      sleep(d);
      return;
    }
    long end = System.nanoTime() + d.toNanos();
    while (System.nanoTime() < end) ask(system, net, r -> new Network.Sample(1, r));
  }

  /**
   * What {@link #scaling} runs: one lattice per side, each as {@link #run} with the rest.
   *
   * @param sides lattice sides L (L² neuron actors each), e.g. 32, 100, 316: 10³ to 10⁵ actors
   * @param temperature T
   * @param warmup time each lattice runs before measuring
   * @param measure measuring window
   * @param seed run seed
   * @param throughput messages a neuron handles per turn on a thread (the dispatcher's throughput)
   * @param modes the modes to measure, each on every side
   * @param eventDriven background clock of event-driven updates (null: not event-driven)
   * @param delay mean message delay, ≥ 0 (every mode; exact mode's changes and acks too)
   * @param timing the delays' shape (distribution, per synapse or per message)
   */
  public record Settings(List<Integer> sides, double temperature, Duration warmup, Duration measure, long seed, int throughput,
      List<Mode> modes, Duration eventDriven, Duration delay, Timing timing) {
    /** Async mode, not event-driven. */
    public Settings(List<Integer> sides, double temperature, Duration warmup, Duration measure, long seed, int throughput) {
      this(sides, temperature, warmup, measure, seed, throughput, List.of(Mode.ASYNC), null);
    }

    /** No added delay. */
    public Settings(List<Integer> sides, double temperature, Duration warmup, Duration measure, long seed, int throughput,
        List<Mode> modes, Duration eventDriven) {
      this(sides, temperature, warmup, measure, seed, throughput, modes, eventDriven, Duration.ZERO, Timing.DEFAULT);
    }

    public Settings {
      if (sides.isEmpty()) throw new IllegalArgumentException("no lattice sides (expected at least one)");
      for (int side : sides) if (side < 3) throw new IllegalArgumentException("lattice side " + side + " (expected ≥ 3)");
      if (!(temperature >= 0)) throw new IllegalArgumentException("temperature " + temperature + " (expected T ≥ 0)"); // before spawning
      if (warmup.isNegative() || measure.isNegative()) {
        throw new IllegalArgumentException("warm-up " + warmup + ", window " + measure + " (expected ≥ 0 each)");
      }
      if (throughput < 1) throw new IllegalArgumentException("dispatcher throughput " + throughput + " (expected ≥ 1)");
      if (modes.isEmpty()) throw new IllegalArgumentException("no modes (expected some of exact, exclusive, async)");
      if (timing == null) throw new IllegalArgumentException("timing missing (expected Timing.DEFAULT or another)");
      for (Mode m : modes) dynamics(m, eventDriven, delay, timing); // refuses bad combinations before spawning
      sides = List.copyOf(sides);
      modes = List.copyOf(modes);
    }
  }

  /**
   * Cost per update over lattice sides: {@link #run} once per side, each result handed to
   * {@code each} as it comes; then, unless {@code png} is null, wall and CPU ns per update against
   * the number of neurons plotted into it. {@code png} is checked before minutes of measuring: it
   * must not exist unless {@code force}.
   */
  public static List<Map<String, Object>> scaling(Settings s, Path png, boolean force, Consumer<Map<String, Object>> each) {
    if (png != null) AtomicFiles.checkWritable(png, force);
    List<Map<String, Object>> out = new ArrayList<>();
    for (int side : s.sides()) {
      for (Mode mode : s.modes()) {
        Map<String, Object> r = run(side, s.temperature(), s.warmup(), s.measure(), s.seed(), s.throughput(), mode, s.eventDriven(), s.delay(), s.timing());
        each.accept(r);
        out.add(r);
      }
    }
    if (png != null) {
      double[] neurons = new double[out.size()];
      double[] wall = new double[out.size()];
      double[] cpu = new double[out.size()];
      for (int i = 0; i < out.size(); i++) {
        neurons[i] = ((Number) out.get(i).get("neurons")).doubleValue();
        wall[i] = ((Number) out.get(i).get("ns_per_update")).doubleValue();
        cpu[i] = ((Number) out.get(i).get("cpu_ns_per_update")).doubleValue();
      }
      Map<String, double[][]> series = new LinkedHashMap<>();
      series.put("wall ns per update", new double[][] {neurons, wall});
      series.put("CPU ns per update (all threads)", new double[][] {neurons, cpu});
      Plots.lines(png, "Neuron actors, Ising lattice at T = " + s.temperature() + ", " + s.throughput() + " messages per turn",
          "neuron actors", "ns", series, true, force);
    }
    return out;
  }

  /**
   * Messages per second of {@code pairs} pairs of actors bouncing {@code balls} balls each on
   * {@code dispatcher}, the lattice's (with balls ≥ the throughput, every turn handles a full batch,
   * as the neurons' turns do; with one ball every message is a hand-off between threads' turns).
   */
  private static double pingPong(ActorSystem<?> system, String dispatcher, int pairs, int balls, Duration measure, String name) {
    LongAdder count = new LongAdder();
    List<ActorRef<PingPong.Command>> players = new ArrayList<>();
    Props props = ActorConfig.neuronProps(dispatcher);
    for (int p = 0; p < pairs; p++) {
      ActorRef<PingPong.Command> a = system.systemActorOf(PingPong.create(p, count), "ping-" + name + "-" + p, props);
      ActorRef<PingPong.Command> b = system.systemActorOf(PingPong.create(p, count), "pong-" + name + "-" + p, props);
      b.tell(new PingPong.Partner(a, 0));
      a.tell(new PingPong.Partner(b, balls));
      players.add(a);
      players.add(b);
    }
    sleep(Duration.ofMillis(500));
    long c0 = count.sum();
    long t0 = System.nanoTime();
    sleep(measure);
    long c1 = count.sum();
    double seconds = (System.nanoTime() - t0) / 1e9;
    for (ActorRef<PingPong.Command> p : players) p.tell(new PingPong.Halt());
    return (c1 - c0) / seconds;
  }

  /**
   * Stops the lattice and returns, in seconds, how long it took for the network actor and all its
   * neurons (its children) to have stopped: Akka reports a parent terminated only after its children.
   */
  private static double stopAndWait(ActorSystem<?> system, ActorRef<Network.Command> net) {
    java.util.concurrent.CompletableFuture<Void> gone = new java.util.concurrent.CompletableFuture<>();
    long t0 = System.nanoTime();
    system.systemActorOf(Behaviors.<Void>setup(context -> {
      context.watch(net);
      net.tell(new Network.Stop());
      return Behaviors.<Void>receiveSignal((c, signal) -> {
        if (signal instanceof akka.actor.typed.Terminated) {
          gone.complete(null);
          return Behaviors.stopped();
        }
        return Behaviors.same();
      });
    }), "bench-lattice-watch", Props.empty());
    try {
      gone.get(120, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("the lattice did not stop within 120 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("benchmark interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("watching the lattice stop failed", e.getCause());
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  static Network.Reply ask(ActorSystem<?> system, ActorRef<Network.Command> net,
      akka.japi.function.Function<ActorRef<Network.Reply>, Network.Command> message) {
    Network.Reply r = AskPattern.ask(net, message, Duration.ofSeconds(120), system.scheduler()).toCompletableFuture().join();
    if (r instanceof Network.Failed f) throw new IllegalStateException(f.reason());
    return r;
  }

  /** The JVM's collectors, e.g. "G1 Young Generation+G1 Old Generation": the cost per update depends on them. */
  public static String collectors() {
    return Jvm.collectors();
  }

  static double usedHeapMb() {
    System.gc();
    Runtime rt = Runtime.getRuntime();
    return (rt.totalMemory() - rt.freeMemory()) / 1048576.0;
  }

  static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("benchmark interrupted", e);
    }
  }

  /** The default dispatcher throughput of the benchmark. */
  private static final int BENCH_THROUGHPUT = 32;

  /**
   * {@code java ... io.glauber.bench.ActorBench [side...]}: prints one JSON object per
   * lattice (T = 2.5, 3 s warm-up, 5 s window, throughput {@value #BENCH_THROUGHPUT} or
   * {@code -Dbench.throughput=N}).
   */
  public static void main(String[] args) {
    int[] sides = args.length == 0 ? new int[] {64} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    int throughput = Integer.getInteger("bench.throughput", BENCH_THROUGHPUT);
    for (int side : sides) {
      Map<String, Object> r = run(side, 2.5, Duration.ofSeconds(3), Duration.ofSeconds(5), 1, throughput);
      StringBuilder sb = new StringBuilder("{");
      r.forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append('"').append(k).append("\": ")
          .append(v instanceof String ? "\"" + v + "\"" : v));
      System.out.println(sb.append('}'));
    }
  }
}
