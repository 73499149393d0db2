package io.glauber.engine.actor.neuron;

import akka.actor.Cancellable;
import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.ExtensibleBehavior;
import akka.actor.typed.Signal;
import akka.actor.typed.SupervisorStrategy;
import akka.actor.typed.TypedActorContext;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import io.glauber.engine.actor.Timing;
import io.glauber.model.Glauber;
import io.glauber.model.Schedule;
import io.glauber.model.Units;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A patch actor: one actor owns a block of units (a {@link PatchSpec}: a tile of a lattice, a part
 * of a sparse or dense graph cut by {@link io.glauber.engine.actor.Partition}), keeps their local
 * fields h_i = Σ_j w_ij s_j + b_i current, updates them by the Glauber rule — {@link Glauber#pOn}
 * and {@link Glauber#draw}, the one rule, called, not copied; p(on) memoised per distinct field —
 * and tells each neighbouring patch only the new values of the boundary units
 * it needs, batched into one {@link Changes} message per turn.
 *
 * <h2>Exact mode: why it is an exact Gibbs sampler</h2>
 *
 * The patches are coloured so that two patches of one colour share no coupling
 * ({@code Partition.colours}, a greedy colouring of the patch graph). In sweep s, a patch of colour
 * c scans its own free units once in ascending id order, each drawn by the Glauber conditional from
 * its current field, and then sends every neighbouring patch one {@link Changes} message tagged s
 * (empty if none of the units that patch sees changed). A patch starts its sweep s only when it has
 * received sweep s from every neighbour of a lower colour and sweep s−1 from every neighbour of a
 * higher colour. Hence, while a patch P scans:
 * <ul>
 *   <li>no neighbour of P scans: a lower neighbour Q has finished sweep s and cannot start s+1
 *       before P's sweep-s message; a higher neighbour R has finished s−1 and cannot start s
 *       before P's sweep-s message. Patches that scan at the same time are never coupled, and
 *       updates of uncoupled units commute;
 *   <li>P's view of every neighbour is that neighbour's current state: its last message was applied
 *       (messages between two actors arrive in order, and P waited for it), and the neighbour has not
 *       moved since.
 * </ul>
 * So every run is equivalent to one sequential systematic scan: in each sweep, the patches colour
 * by colour, inside each patch its units in id order, every unit drawn from its exact conditional
 * given all the others' current values. Each such single-site update leaves the Boltzmann
 * distribution invariant, so the chain's stationary distribution is exactly Boltzmann, as with
 * neuron actors; and since each patch draws from its own generator in a fixed order, the run is
 * deterministic given the seed, whatever the threads do. Synchronisation is with neighbouring
 * patches only: far-apart patches may be several sweeps apart, never neighbours more than one.
 * A patch reports {@link PatchNetwork.Reached} at the target sweep its coordinator set
 * ({@link Run}) once it has also received every neighbour's message of that sweep: then nothing is
 * in flight to it, and the reports of all patches make up the joint state after that sweep — a
 * consistent snapshot, as the neuron network's barrier replies are. On a lattice cut into tiles
 * the patch graph has 2 colours (4 when the tiles per side are odd); on a dense graph every patch
 * neighbours every other and a sweep is one patch after another, a few steps instead of one per
 * unit.
 *
 * <h2>Async mode</h2>
 *
 * As neuron actors: units update with whatever their patch last heard. Unclocked (mean interval 0)
 * a patch scans {@link #CHUNK} units per turn, sends its boundary changes, and re-sends itself its
 * {@link Tick}, behind whatever its mailbox holds. Clocked, each unit has a Poisson clock of the
 * given mean interval; their superposition is a Poisson clock of rate m/mean for a patch of m free
 * units, each event updating a uniformly chosen unit; a patch ticks every max(1 ms, mean/m) and
 * performs the events of the elapsed time. Changes are delivered after the configured delay.
 *
 * <h2>Exclusive mode</h2>
 *
 * Chandy and Misra's hygienic dining philosophers on the patch graph, with {@link Neuron}'s fork
 * bookkeeping ({@code Neuron.Forks}, reused): one fork per pair of neighbouring patches; a patch
 * becomes hungry on its clock (unclocked: again as soon as it has eaten), eats — one scan of its
 * free units in id order — only while holding all its forks, and a {@link Fork} carries the
 * boundary changes the receiver has not seen. Why this is an exact Gibbs sampler at any delay: the
 * comment at the fork code.
 *
 * <p>Flow control: at most {@link #WINDOW} uncredited {@link Changes} messages in flight to one
 * neighbour; each is credited when handled. While the window is full, changed boundary units are
 * only marked dirty and their newest values go out with the next message — a net change per unit,
 * so a held-back batch is bounded by the boundary's size.
 *
 * <p>Layout: a scan reads and writes, per unit and in scan order, a state byte, the field (a double),
 * a "heard" byte and a 16-bit stencil code — 12 bytes — when the patch's couplings have a stencil
 * form ({@code Cell.compact}, exact: the same additions to the same fields); otherwise the
 * compressed rows of its {@link PatchSpec}. Why: docs/ACTORS.md, "What a patch holds per unit".
 *
 * <p>Allocation: the hot path (scans, sends, receipts, credits, ticks) allocates nothing. Each
 * neighbour has {@link #WINDOW} preallocated {@link Changes} buffers used in turn; a buffer is
 * refilled only after its credit returned (async) or after the neighbour's reply of the next sweep
 * proved it was read (exact: at most one message per direction is ever in flight).
 *
 * <p>Faults: the state lives in a {@link Cell} built once outside the restartable behaviour
 * (supervised with {@link SupervisorStrategy#restart()}); an injected fault throws before a scan
 * commits anything, and the restarted behaviour re-delivers the message.
 */
public final class Patch {

  /** Everything a patch understands. */
  public sealed interface Command {}

  /** Boundary-state changes handed between patches; the values of units in flight go out with the next batch. */
  public static final int WINDOW = 4;

  /**
   * The sweep of an async-mode {@link Changes}: it asks for a credit whatever the receiver has
   * heard so far (messages from different senders, e.g. the coordinator's {@link StartAsync} and a
   * neighbour's first batch, can arrive in either order when they cross cluster members).
   */
  static final long ASYNC_BATCH = -1;

  /** The most (offset, weight) pairs of a patch's stencil form ({@code Cell.compact}); bit 15 of a unit's code marks boundary units. */
  static final int STENCIL_PAIRS = 15;
  static final int STENCIL_BITS = (1 << STENCIL_PAIRS) - 1;
  static final int ON_BOUNDARY = 1 << STENCIL_PAIRS;
  /** Whether patches use the stencil form when they can ({@code -Dglauber.patch.stencil=false}: never, for A/B runs). */
  static final boolean STENCIL = !"false".equals(System.getProperty("glauber.patch.stencil"));

  /** Units an unclocked patch updates per turn before it sends its changes and reads its mailbox. */
  public static final int CHUNK = 4096;

  /**
   * New values of {@code count} of the receiver's external units: slot {@code slots[q]} (the
   * receiver's index) now has value {@code values[q]}. Sent by patch {@code from} after its sweep
   * {@code sweep} (exact mode), in load epoch {@code epoch} (messages of an earlier epoch are
   * stale). Mutable so that the sender can reuse it (see the class comment); a receiver reads
   * only the first {@code count} entries.
   */
  public static final class Changes implements Command, PatchMessage {
    final int from;
    int epoch;
    long sweep;
    int count;
    final int[] slots;
    final double[] values;

    Changes(int from, int epoch, long sweep, int count, int[] slots, double[] values) {
      if (count < 0 || count > slots.length || count > values.length) {
        throw new IllegalArgumentException("changes of " + count + " units in buffers of " + slots.length + " and " + values.length);
      }
      this.from = from;
      this.epoch = epoch;
      this.sweep = sweep;
      this.count = count;
      this.slots = slots;
      this.values = values;
    }

    public int from() { return from; }
    public int epoch() { return epoch; }
    public long sweep() { return sweep; }
    public int count() { return count; }
    public int slot(int q) { return slots[q]; }
    public double value(int q) { return values[q]; }

    @Override
    public String toString() {
      return "Changes(from " + from + ", epoch " + epoch + ", sweep " + sweep + ", " + count + " units)";
    }
  }

  /** Async flow control: patch {@code from} has handled one more of the receiver's {@link Changes} of load epoch {@code epoch}. */
  public record Credit(int from, int epoch) implements Command, PatchMessage {}

  /** Exact mode: run sweeps until sweep {@code until}; the schedule's clock counts from sweep {@code origin}. */
  public record Run(long until, long origin) implements Command, PatchMessage {}

  /** The patch's own clock in async mode; ticks of an older clock epoch are stale. */
  public record Tick(int epoch) implements Command, PatchMessage {}

  /** Report own states and counters as {@link PatchNetwork.Report} tagged {@code tag}. */
  public record GetState(long tag) implements Command, PatchMessage {}

  /**
   * New states of the own units and of the external ones (in the spec's orders); units with id
   * below {@code clampedBelow} are held (clamped). Starts load epoch {@code epoch}: changes and
   * credits of earlier epochs are dropped.
   */
  public record Load(int epoch, double[] own, double[] external, int clampedBelow) implements Command, PatchMessage {}

  /** New biases and weights (internal, external) in the spec's orders; the fields are recomputed. */
  public record SetWeights(double[] bias, double[] internal, double[] external) implements Command, PatchMessage {}

  /** Start updating on the clock (mean interval per unit, 0 = as fast as possible), changes delayed by {@code delayNanos}. */
  public record StartAsync(double temperature, long meanIntervalNanos, long delayNanos) implements Command, PatchMessage {}

  /**
   * The shapes of the delays and clocks of async mode ({@link Timing}), sent before
   * {@link StartAsync} when they are not {@link Timing#DEFAULT}: a delay per message drawn from the
   * distribution, or with {@link Timing#perEdge()} one per neighbouring patch drawn once (the
   * patch-level analogue of an axonal delay); with a periodic clock or a refractory period, each
   * unit keeps its own next update time, drawn from {@link Timing#drawIntervalNanos} (the Poisson
   * clock without refractory period stays the superposed one of the class comment). The
   * event-driven and redraw variants are neuron-actor options and are ignored here.
   */
  public record SetTiming(Timing timing) implements Command, PatchMessage {
    public SetTiming {
      if (timing == null) throw new IllegalArgumentException("timing missing (expected Timing.DEFAULT or another)");
    }
  }

  /**
   * Exclusive mode: start updating as a philosopher of the patch graph (see "Exclusive mode" in
   * the class comment) — hungry on each tick of a clock of the given mean interval (0: again as
   * soon as it has eaten), forks delayed by {@code delayNanos}.
   */
  public record StartExclusive(double temperature, long meanIntervalNanos, long delayNanos) implements Command, PatchMessage {}

  /**
   * Exclusive mode: the fork of the edge between patch {@code from} and the receiver, carrying the
   * new values of the sender's boundary units that changed since it last handed this fork over
   * (receiver slot {@code slots[q]} now has {@code values[q]}) — the sender cannot change them
   * while the receiver holds the fork; with {@code request}, also the edge's request token.
   */
  public record Fork(int from, boolean request, int[] slots, double[] values) implements Command, PatchMessage {
    public Fork {
      if (slots.length != values.length) throw new IllegalArgumentException("fork with " + slots.length + " slots and " + values.length + " values (expected as many)");
    }
  }

  /** Exclusive mode: the request token of the edge between patch {@code from} and the receiver ("send me the fork"). */
  public record ForkRequest(int from) implements Command, PatchMessage {}

  /**
   * Exclusive mode: postpone every meal until {@link Thaw} (forks and requests still move, as for
   * {@code Neuron.Freeze}) and report as {@link GetState} does, tagged {@code tag}.
   */
  public record Freeze(long tag) implements Command, PatchMessage {}

  /** Exclusive mode: meals may resume after a {@link Freeze}. */
  public record Thaw() implements Command, PatchMessage {}

  /** Stop the clock. */
  public record Pause() implements Command, PatchMessage {}

  /** Change T (annealing in async mode). */
  public record SetTemperature(double temperature) implements Command, PatchMessage {}

  /** The neighbouring patches' refs (in the spec's neighbour order) and the coordinator. */
  public record Wire(List<ActorRef<Command>> neighbours, ActorRef<PatchNetwork.Event> coordinator) implements Command, PatchMessage {}

  /** Fault injection: throw on the next scan (tests). */
  public record FailNext() implements Command, PatchMessage {}

  /**
   * Diagnostics: reply {@link Fields} — this patch's units, their states and the local fields it
   * keeps for them. With the patches at rest, the fields equal h_i = Σ_j w_ij s_j + b_i over the
   * owners' states exactly when every boundary change has arrived (a test across cluster members).
   */
  public record GetFields(ActorRef<Fields> replyTo) implements Command, PatchMessage {}

  /** Patch {@code patch}'s own unit ids, their states and local fields (the reply to {@link GetFields}). */
  public record Fields(int patch, int[] ids, double[] state, double[] fields) implements PatchMessage {}

  /** Thrown by an injected fault. */
  public static final class InjectedFailure extends RuntimeException {
    InjectedFailure(int patch) {
      super("injected failure in patch " + patch);
    }
  }

  /**
   * Everything a patch is: its units' states, fields and couplings, its view of its external units,
   * the links to its neighbours (buffers, credits, dirty marks), its sweep counters and its clock.
   * Built once by {@link #create} outside the restartable behaviour; owned by one actor.
   */
  static final class Cell {
    final int patch;
    final Units units;
    final int m;
    final int[] ids;
    final double[] bias;
    /** Own states as bytes, 1 = on (1.0), 0 = off ({@code units.low()}): one byte per unit on the hot path instead of eight. */
    final byte[] on;
    /** high − low, the size of a flip: a change is +span (off → on) or −span, exactly the difference of the two doubles. */
    final double span;
    final double[] h;
    /** 1 when the unit's field changed since its last update (an update of it is "informed"), else 0: a byte, so that counting is an addition, not a branch. */
    final byte[] heard;
    final int[] inStart;
    final int[] inAdj;
    final double[] inW;
    final double[] ext;
    final int[] exStart;
    final int[] exAdj;
    final double[] exW;
    final int[] neighbours;
    final boolean[] lower;
    final int[] outStart;
    final int[] outUnit;
    final int[] outSlot;
    final int[] bStart;
    /** The stencil form of the internal couplings ({@link #compact}), null when they have none. */
    char[] code;
    int[] stencilOffset;
    double[] stencilWeight;
    final int[] boundary;
    final int[] boundaryPatch;
    final Schedule schedule;
    final SplittableRandom random;
    final SplittableRandom clockRandom;
    /** Dirty out entries per neighbour k, at dirty[outStart[k] …]; isDirty per out entry. */
    final int[] dirty;
    final int[] dirtyCount;
    final boolean[] isDirty;
    final long[] received;
    /** Batches of a later load epoch than this patch's, held until its own {@link Load} (see {@code onChanges}). */
    final java.util.ArrayDeque<Changes> early = new java.util.ArrayDeque<>();
    final int[] uncredited;
    final int[] sentTo;
    Changes[][] buffers;
    Credit credit;
    ActorRef<Command>[] links;
    ActorRef<PatchNetwork.Event> coordinator;
    int epoch;
    /** Own units below this local index are clamped. */
    int firstFree;
    double temperature = 1;
    long updates;
    long informed;
    long messages;
    // exact mode
    long sweep;
    long target;
    long origin;
    long reportedAt = -1;
    // async mode
    /** Whether the patch has ever been started on its clock: its traffic is then credited, not counted in sweeps. */
    boolean async;
    boolean running;
    int clockEpoch;
    Tick tick;
    long meanIntervalNanos;
    Duration delay = Duration.ZERO;
    /** Shapes of delays and clocks ({@link SetTiming}); per-neighbour delays (ns) once drawn; per-unit next update times (ns). */
    Timing timing = Timing.DEFAULT;
    long[] edgeDelayNanos;
    long[] nextUpdateNanos;
    int cursor;
    long lastTickNanos;
    /** {@link #pOn}'s memo: fields (NaN: empty), their p(on), and the T they were computed at. */
    final double[] memoField = new double[16];
    final double[] memoP = new double[16];
    double memoT = Double.NaN;
    // exclusive mode: the forks of the patch-graph edges (Neuron's, created at the first start or fork message)
    boolean exclusive;
    Neuron.Forks forks;
    // faults
    boolean failNext;
    Command replay;

    Cell(PatchSpec spec) {
      patch = spec.patch;
      units = spec.units;
      m = spec.size();
      ids = spec.ids;
      bias = spec.bias;
      on = new byte[m];
      span = units.high() - units.low();
      setStates(spec.state);
      h = new double[m];
      heard = new byte[m];
      Arrays.fill(heard, (byte) 1);
      inStart = spec.inStart;
      inAdj = spec.inAdj;
      inW = spec.inW;
      ext = spec.extState;
      exStart = spec.exStart;
      exAdj = spec.exAdj;
      exW = spec.exW;
      neighbours = spec.neighbours;
      lower = spec.lowerNeighbour;
      outStart = spec.outStart;
      outUnit = spec.outUnit;
      outSlot = spec.outSlot;
      bStart = spec.bStart;
      boundary = spec.boundary;
      boundaryPatch = spec.boundaryPatch;
      schedule = spec.schedule;
      random = spec.random;
      clockRandom = random.split();
      temperature = schedule.temperatureAt(0);
      int k = neighbours.length;
      dirty = new int[outUnit.length];
      dirtyCount = new int[k];
      isDirty = new boolean[outUnit.length];
      received = new long[k];
      uncredited = new int[k];
      sentTo = new int[k];
      newBuffers();
      compact();
      recomputeFields();
    }

    /** Fresh message buffers and credit for the current epoch (a buffer of an older epoch may still be in flight). */
    void newBuffers() {
      int k = neighbours.length;
      buffers = new Changes[k][WINDOW];
      for (int q = 0; q < k; q++) {
        int size = outStart[q + 1] - outStart[q];
        for (int w = 0; w < WINDOW; w++) buffers[q][w] = new Changes(patch, epoch, 0, 0, new int[size], new double[size]);
      }
      credit = new Credit(patch, epoch);
    }

    /** T, the clock's mean interval and the delay of a start (async or exclusive); per-edge delays drawn once, at the first start. */
    void setClock(double t, long meanIntervalNanos, long delayNanos) {
      temperature = t;
      this.meanIntervalNanos = meanIntervalNanos;
      delay = Duration.ofNanos(delayNanos);
      if (timing.perEdge() && edgeDelayNanos == null) {
        edgeDelayNanos = new long[neighbours.length];
        for (int k = 0; k < edgeDelayNanos.length; k++) edgeDelayNanos[k] = timing.drawDelayNanos(delayNanos, clockRandom);
      }
    }

    /** Index of neighbour patch {@code p} in {@link #neighbours}. */
    int indexOf(int p) {
      return Arrays.binarySearch(neighbours, p);
    }

    /** One Glauber draw for own unit a at temperature t; on a change, the fields of the coupled own units and the dirty marks follow. */
    void update(int a, double t) {
      updates++;
      informed += heard[a];
      heard[a] = 0;
      draw(a, t);
    }

    /** The draw of {@link #update} without the counters. */
    private void draw(int a, double t) {
      boolean up = Glauber.draw(units, pOn(h[a], t), random.nextDouble()) == 1.0;
      if (up != (on[a] != 0)) changed(a, up, up ? span : -span);
    }

    /** Own unit a's state as a value of the units' convention. */
    double state(int a) {
      return on[a] != 0 ? 1.0 : units.low();
    }

    /** The own states as values (a copy). */
    double[] states() {
      double[] out = new double[m];
      for (int a = 0; a < m; a++) out[a] = state(a);
      return out;
    }

    /** Sets the own states from values, each one of the units' two. */
    void setStates(double[] values) {
      for (int a = 0; a < m; a++) {
        if (!units.admits(values[a])) throw new IllegalArgumentException("patch " + patch + ": state " + values[a] + " of unit " + ids[a] + " (expected " + units.low() + " or 1)");
      }
      for (int a = 0; a < m; a++) on[a] = (byte) (values[a] == 1.0 ? 1 : 0);
    }

    /**
     * Own unit a has turned on ({@code up}) or off (a change of {@code delta}): the fields of the own
     * units coupled to it follow — through the stencil when there is one, else the compressed rows,
     * the same additions either way — and its boundary entries are marked dirty.
     */
    private void changed(int a, boolean up, double delta) {
      on[a] = (byte) (up ? 1 : 0);
      char[] code = this.code;
      int c;
      if (code != null) {
        c = code[a];
        for (int bits = c & STENCIL_BITS; bits != 0; bits &= bits - 1) {
          int j = Integer.numberOfTrailingZeros(bits);
          int b = a + stencilOffset[j];
          h[b] += stencilWeight[j] * delta;
          heard[b] = 1;
        }
        if ((c & ON_BOUNDARY) == 0) return;
      } else {
        for (int e = inStart[a], end = inStart[a + 1]; e < end; e++) {
          int b = inAdj[e];
          h[b] += inW[e] * delta;
          heard[b] = 1;
        }
      }
      for (int e = bStart[a], end = bStart[a + 1]; e < end; e++) {
        int entry = boundary[e];
        if (!isDirty[entry]) {
          isDirty[entry] = true;
          int k = boundaryPatch[e];
          dirty[outStart[k] + dirtyCount[k]++] = entry;
        }
      }
    }

    /**
     * Builds the stencil form of the internal couplings, or drops it ({@link #code} null) when they
     * have none. The form: a list of at most 15 (offset, weight) pairs, and per own unit a 16-bit
     * code whose bit j says "coupled to own unit a + offset_j with weight weight_j" and whose top
     * bit says "has boundary entries". A tile of a lattice with uniform couplings needs 4 pairs
     * (±1, ±tile side), so a unit's couplings take 2 bytes instead of 12 per coupling (index and
     * weight) plus its row start, and the scan's working set shrinks about fourfold.
     *
     * <p>Exact: a unit qualifies only if each of its couplings matches a pair with the same offset
     * and bit for bit the same weight, and no pair twice (two couplings to one unit stay two
     * additions, in the rows only). A change then adds weight_j·Δ to the same fields as the rows
     * do; the order among distinct fields is immaterial, so every field, and hence every draw, is
     * bit for bit the one of the rows ({@code PatchStencilTest} compares the two chains).
     */
    void compact() {
      code = null;
      if (!STENCIL) return;
      int[] offsets = new int[STENCIL_PAIRS];
      double[] weights = new double[STENCIL_PAIRS];
      int pairs = 0;
      char[] codes = new char[m];
      for (int a = 0; a < m; a++) {
        int c = bStart[a + 1] > bStart[a] ? ON_BOUNDARY : 0;
        for (int e = inStart[a]; e < inStart[a + 1]; e++) {
          int d = inAdj[e] - a;
          long w = Double.doubleToRawLongBits(inW[e]);
          int j = 0;
          while (j < pairs && (offsets[j] != d || Double.doubleToRawLongBits(weights[j]) != w)) j++;
          if (j == pairs) {
            if (pairs == STENCIL_PAIRS) return;
            offsets[pairs] = d;
            weights[pairs++] = inW[e];
          }
          if ((c & (1 << j)) != 0) return;
          c |= 1 << j;
        }
        codes[a] = (char) c;
      }
      stencilOffset = Arrays.copyOf(offsets, pairs);
      stencilWeight = Arrays.copyOf(weights, pairs);
      code = codes;
    }

    /**
     * p(on) = {@link Glauber#pOn} for a field at T, memoised in a small direct-mapped table (16
     * entries keyed by the field's bits, cleared when T changes): fields that recur — on a lattice
     * there are five — cost a lookup instead of an exponential. The value is Glauber's own, bit for
     * bit, so a memoised run is the same run.
     */
    double pOn(double field, double t) {
      if (t != memoT) {
        Arrays.fill(memoField, Double.NaN);
        memoT = t;
      }
      int slot = (int) ((Double.doubleToRawLongBits(field) * 0x9E3779B97F4A7C15L) >>> 60);
      if (memoField[slot] == field) return memoP[slot];
      double p = Glauber.pOn(units, field, t);
      memoField[slot] = field;
      memoP[slot] = p;
      return p;
    }

    /** Own free units from {@code from} (inclusive) to {@code to} (exclusive), in order, at T. */
    void scan(int from, int to, double t) {
      int start = Math.max(from, firstFree);
      if (start >= to) return;
      long informedHere = 0; // counted in locals, not in the fields on every update
      for (int a = start; a < to; a++) {
        informedHere += heard[a];
        heard[a] = 0;
        draw(a, t);
      }
      updates += to - start;
      informed += informedHere;
    }

    /** External slot x now has value v: the fields of the coupled own units follow. */
    void heardOf(int x, double v) {
      double delta = v - ext[x];
      if (delta == 0) return;
      ext[x] = v;
      for (int e = exStart[x], end = exStart[x + 1]; e < end; e++) {
        int a = exAdj[e];
        h[a] += exW[e] * delta;
        heard[a] = 1;
      }
    }

    /** The next buffer to neighbour k, filled with the current values of its dirty units (marks cleared). */
    Changes fill(int k) {
      Changes c = buffers[k][sentTo[k]++ % WINDOW];
      int count = 0;
      for (int d = outStart[k], end = outStart[k] + dirtyCount[k]; d < end; d++) {
        int entry = dirty[d];
        c.slots[count] = outSlot[entry];
        c.values[count++] = state(outUnit[entry]);
        isDirty[entry] = false;
      }
      dirtyCount[k] = 0;
      c.count = count;
      c.epoch = epoch;
      c.sweep = async ? ASYNC_BATCH : sweep;
      return c;
    }

    /** Recomputes every field from the own and external states. */
    void recomputeFields() {
      System.arraycopy(bias, 0, h, 0, m);
      for (int a = 0; a < m; a++) {
        double f = h[a];
        for (int e = inStart[a]; e < inStart[a + 1]; e++) f += inW[e] * state(inAdj[e]);
        h[a] = f;
      }
      for (int x = 0; x < ext.length; x++) {
        for (int e = exStart[x]; e < exStart[x + 1]; e++) h[exAdj[e]] += exW[e] * ext[x];
      }
      Arrays.fill(heard, (byte) 1);
    }
  }

  private final ActorContext<Command> context;
  private final Cell cell;
  /** Sends this patch's fork request along edge k (exclusive mode). */
  private final java.util.function.IntConsumer askForFork;
  private final Behavior<Command> behavior = new Handler();
  private Cancellable pendingTick;

  /** A supervised patch: restarted on failure around its cell. */
  public static Behavior<Command> create(PatchSpec spec) {
    Cell cell = new Cell(spec);
    return Behaviors.supervise(Behaviors.<Command>setup(ctx -> new Patch(ctx, cell).resume()))
        .onFailure(RuntimeException.class, SupervisorStrategy.restart());
  }

  private Patch(ActorContext<Command> context, Cell cell) {
    this.context = context;
    this.cell = cell;
    ForkRequest request = new ForkRequest(cell.patch);
    this.askForFork = k -> post(k, request);
  }

  private Behavior<Command> resume() {
    if (cell.replay != null) {
      context.getSelf().tell(cell.replay);
      cell.replay = null;
    }
    if (cell.running) startClock();
    return behavior;
  }

  /** One behaviour dispatching with {@code instanceof}, hot messages first (why not builders: {@link Neuron}). */
  private final class Handler extends ExtensibleBehavior<Command> {
    @Override
    public Behavior<Command> receive(TypedActorContext<Command> ctx, Command m) {
      if (m instanceof Tick t) onTick(t);
      else if (m instanceof Changes c) onChanges(c);
      else if (m instanceof Credit c) onCredit(c);
      else if (m instanceof Run r) onRun(r);
      else if (m instanceof GetState g) onGetState(g);
      else if (m instanceof Load l) onLoad(l);
      else if (m instanceof SetWeights w) onSetWeights(w);
      else if (m instanceof StartAsync a) onStart(a);
      else if (m instanceof SetTiming t) cell.timing = t.timing();
      else if (m instanceof Fork f) onFork(f);
      else if (m instanceof ForkRequest r) onForkRequest(r);
      else if (m instanceof Freeze f) onFreeze(f);
      else if (m instanceof Thaw) onThaw();
      else if (m instanceof StartExclusive e) onStartExclusive(e);
      else if (m instanceof Pause) onPause();
      else if (m instanceof SetTemperature t) cell.temperature = t.temperature();
      else if (m instanceof Wire w) onWire(w);
      else if (m instanceof FailNext) cell.failNext = true;
      else if (m instanceof GetFields g) g.replyTo().tell(new Fields(cell.patch, cell.ids.clone(), cell.states(), cell.h.clone()));
      else return Behaviors.unhandled();
      return Behaviors.same();
    }

    @Override
    public Behavior<Command> receiveSignal(TypedActorContext<Command> ctx, Signal signal) {
      return Behaviors.unhandled();
    }
  }

  @SuppressWarnings("unchecked")
  private void onWire(Wire w) {
    if (w.neighbours().size() != cell.neighbours.length) {
      throw new IllegalArgumentException("patch " + cell.patch + " wired to " + w.neighbours().size()
          + " patches (expected " + cell.neighbours.length + ")");
    }
    cell.links = w.neighbours().toArray(new ActorRef[0]);
    cell.coordinator = w.coordinator();
  }

  // ---------------------------------------------------------------- boundary traffic

  private void onChanges(Changes c) {
    Cell x = cell;
    if (c.epoch != x.epoch) {
      // Older: sent before a load, whose values supersede it. Newer: the sender got its Load first
      // and this patch's Load is still on its way — different senders, which Artery's inbound lanes
      // (several per member) may reorder — so it waits for that Load instead of being lost.
      if (c.epoch > x.epoch) x.early.add(c);
      return;
    }
    for (int q = 0, n = c.count; q < n; q++) x.heardOf(c.slots[q], c.values[q]);
    int k = x.indexOf(c.from);
    if (x.async || c.sweep == ASYNC_BATCH) { // the batch's own mark: its StartAsync may not have reached this patch yet
      x.links[k].tell(x.credit);
      x.messages++;
      return;
    }
    x.received[k] = c.sweep;
    advance();
  }

  private void onCredit(Credit c) {
    Cell x = cell;
    if (c.epoch() != x.epoch) return;
    int k = x.indexOf(c.from());
    x.uncredited[k]--;
    if (x.dirtyCount[k] > 0) send(k);
  }

  /** Sends neighbour k its dirty units if its window allows. */
  private void send(int k) {
    Cell x = cell;
    if (x.uncredited[k] >= WINDOW) return;
    x.uncredited[k]++;
    post(k, x.fill(k));
  }

  // ---------------------------------------------------------------- exact mode

  private void onRun(Run r) {
    if (r.until() < cell.sweep) {
      throw new IllegalArgumentException("patch " + cell.patch + " asked to run until sweep " + r.until() + " (it is at " + cell.sweep + ")");
    }
    cell.target = r.until();
    cell.origin = r.origin();
    advance();
  }

  /** Runs every sweep the neighbours allow, up to the target; reports once the target's traffic is all in. */
  private void advance() {
    Cell x = cell;
    while (x.sweep < x.target && ready(x.sweep + 1)) {
      if (x.failNext) failIfAsked(new Run(x.target, x.origin));
      x.scan(0, x.m, x.schedule.temperatureAt(x.sweep - x.origin));
      x.sweep++;
      for (int k = 0; k < x.neighbours.length; k++) {
        Changes c = x.fill(k);
        x.messages++;
        x.links[k].tell(c);
      }
    }
    if (x.sweep == x.target && x.reportedAt != x.target && allHeard(x.target)) {
      x.reportedAt = x.target;
      x.coordinator.tell(new PatchNetwork.Reached(x.patch, x.sweep, x.states()));
    }
  }

  /** Whether sweep s may start: lower neighbours have sent s, higher ones s − 1. */
  private boolean ready(long s) {
    Cell x = cell;
    for (int k = 0; k < x.neighbours.length; k++) if (x.received[k] < (x.lower[k] ? s : s - 1)) return false;
    return true;
  }

  private boolean allHeard(long s) {
    for (long r : cell.received) if (r < s) return false;
    return true;
  }

  // ---------------------------------------------------------------- async mode

  private void onStart(StartAsync a) {
    Cell x = cell;
    x.setClock(a.temperature(), a.meanIntervalNanos(), a.delayNanos());
    x.nextUpdateNanos = null; // per-unit clocks start afresh
    x.running = true;
    x.async = true;
    startClock();
  }

  private void startClock() {
    Cell x = cell;
    x.clockEpoch++;
    x.tick = new Tick(x.clockEpoch);
    x.lastTickNanos = System.nanoTime();
    scheduleTick();
  }

  private void scheduleTick() {
    Cell x = cell;
    if (x.exclusive && x.meanIntervalNanos != 0) {
      // a philosopher's clock: one meal (a scan of the free units) per mean interval, drawn from the clock's own generator
      long wait = Math.max(1_000_000L, x.timing.drawIntervalNanos(x.meanIntervalNanos, x.clockRandom));
      pendingTick = context.scheduleOnce(Duration.ofNanos(wait), context.getSelf(), x.tick);
    } else if (x.meanIntervalNanos == 0) {
      context.getSelf().tell(x.tick);
    } else {
      long free = Math.max(1, x.m - x.firstFree);
      long wait = Math.max(1_000_000L, x.meanIntervalNanos / free);
      pendingTick = context.scheduleOnce(Duration.ofNanos(wait), context.getSelf(), x.tick);
    }
  }

  private void onTick(Tick t) {
    Cell x = cell;
    if (t.epoch() != x.clockEpoch || !x.running) return;
    if (x.exclusive) {
      onExclusiveTick();
      return;
    }
    if (x.failNext) failIfAsked(t);
    x.messages++;
    if (x.meanIntervalNanos == 0) {
      int from = Math.max(x.cursor, x.firstFree);
      int to = Math.min(x.m, from + CHUNK);
      x.scan(from, to, x.temperature);
      x.cursor = to == x.m ? 0 : to;
    } else if (x.timing.clock() != Timing.Clock.POISSON || !x.timing.refractory().isZero()) {
      perUnitClocks(x);
    } else {
      // the superposed Poisson clocks of the free units: events of the elapsed time, each a random unit
      long now = System.nanoTime();
      int free = x.m - x.firstFree;
      double horizon = (now - x.lastTickNanos) * (double) free / x.meanIntervalNanos;
      x.lastTickNanos = now;
      if (free > 0) {
        for (double at = -Math.log(1 - x.clockRandom.nextDouble()); at < horizon; at -= Math.log(1 - x.clockRandom.nextDouble())) {
          x.update(x.firstFree + x.clockRandom.nextInt(free), x.temperature);
        }
      }
    }
    for (int k = 0; k < x.neighbours.length; k++) if (x.dirtyCount[k] > 0) send(k);
    scheduleTick();
  }

  /**
   * Shaped clocks (periodic with jitter, or with a refractory period): every free unit updates each
   * time its own clock has come round since the last tick, in unit order, and draws its next time.
   */
  private static void perUnitClocks(Cell x) {
    long now = System.nanoTime();
    if (x.nextUpdateNanos == null) {
      x.nextUpdateNanos = new long[x.m];
      for (int a = 0; a < x.m; a++) x.nextUpdateNanos[a] = now + x.timing.drawIntervalNanos(x.meanIntervalNanos, x.clockRandom);
    }
    for (int a = x.firstFree; a < x.m; a++) {
      while (x.nextUpdateNanos[a] <= now) {
        x.update(a, x.temperature);
        x.nextUpdateNanos[a] += x.timing.drawIntervalNanos(x.meanIntervalNanos, x.clockRandom);
      }
    }
  }

  private void onPause() {
    Cell x = cell;
    x.running = false;
    if (x.forks != null) x.forks.frozen = true; // stay hungry, eat no more until started again (as Neuron)
    x.clockEpoch++;
    if (pendingTick != null) pendingTick.cancel();
    pendingTick = null;
  }

  // ---------------------------------------------------------------- exclusive mode: forks

  /*
   * Exclusive mode is Neuron's hygienic dining philosophers one level up: the philosophers are the
   * patches, the edges those of the patch graph (two patches sharing a coupling), and a meal is
   * one scan of the patch's free units in its fixed order, each a Glauber step reading the fresh
   * in-patch states. Neuron's argument ("Why exclusive mode samples the Boltzmann distribution
   * exactly") carries over point by point:
   *
   * 1. Exclusion and freshness. A patch eats only while holding the forks of all its neighbouring
   *    patches, so no coupled unit of another patch changes during the meal; each fork carries the
   *    sender's boundary changes since it last left (every change marks its boundary entries dirty
   *    for the coupled patches, and yieldFork sends them), so the receiver's external states are
   *    current when it eats. Every unit update is a single-site heat-bath step from the current
   *    joint state.
   * 2. The order does not depend on the states. A patch becomes hungry on its clock only (a
   *    generator never fed with states), its scan order is fixed, and it sends a fork or a request
   *    at the same moments whatever the draws give: a fork always goes, with an empty change list
   *    if nothing changed. Delays are drawn per message from the clock's generator. So the
   *    sequence of updated sites is independent of the chain's values.
   * 3. Invariance follows as for neurons; PatchNetwork freezes the patches for a snapshot and takes
   *    a sample only after sweeps · n counted updates, both independent of the values.
   */

  private void onStartExclusive(StartExclusive a) {
    Cell x = cell;
    x.setClock(a.temperature(), a.meanIntervalNanos(), a.delayNanos());
    x.exclusive = true;
    x.async = true; // counters as in async mode; Changes are not used
    x.running = true;
    Neuron.Forks f = forks();
    f.frozen = false;
    startClock();
    if (f.hungry && f.missing == 0) eat(); // hungry from before a pause, with every fork: the postponed meal
  }

  /** A clock tick: become hungry unless already hungry or wholly clamped (unclocked: eat again if nothing is missing). */
  private void onExclusiveTick() {
    Cell x = cell;
    Neuron.Forks f = x.forks;
    if (!f.hungry && x.firstFree < x.m) becomeHungry();
    else if (f.hungry && f.missing == 0 && !f.frozen && x.meanIntervalNanos == 0) eat();
    if (x.meanIntervalNanos != 0) scheduleTick(); // unclocked, the next meal re-arms the tick
  }

  /** Asks for every missing fork whose request token this patch holds; eats at once if none is missing (unless frozen). */
  private void becomeHungry() {
    if (cell.forks.becomeHungry(askForFork) && !cell.forks.frozen) eat();
  }

  /**
   * The meal, holding every fork: one scan of the free units in order from fresh states; then every
   * fork is dirty (precedence given up on every edge, which keeps the precedence graph acyclic) and
   * the requested ones leave with the boundary changes.
   */
  private void eat() {
    Cell x = cell;
    Neuron.Forks f = x.forks;
    x.scan(0, x.m, x.temperature);
    f.hungry = false;
    Arrays.fill(f.dirty, true);
    // unclocked: hungry again at once, before the forks leave, so that each request rides with its fork
    boolean again = x.meanIntervalNanos == 0 && x.running && x.firstFree < x.m;
    if (again) f.hungry = true;
    yieldRequested();
    if (again && f.missing == 0) context.getSelf().tell(x.tick); // nobody asked: eat again, in a later turn
  }

  private void yieldRequested() {
    Neuron.Forks f = cell.forks;
    for (int k = 0; k < f.held.length; k++) {
      if (f.held[k] && f.request[k] && (f.dirty[k] || !f.hungry)) yieldFork(k);
    }
  }

  /** Sends the fork of edge k with the boundary changes neighbour k has not seen; a hungry patch asks for it back at once. */
  private void yieldFork(int k) {
    Cell x = cell;
    Neuron.Forks f = x.forks;
    f.held[k] = false;
    f.dirty[k] = false;
    f.missing++;
    if (f.hungry) f.request[k] = false; // the token goes with the fork
    int count = x.dirtyCount[k];
    int[] slots = new int[count];
    double[] values = new double[count];
    for (int q = 0; q < count; q++) {
      int entry = x.dirty[x.outStart[k] + q];
      slots[q] = x.outSlot[entry];
      values[q] = x.state(x.outUnit[entry]);
      x.isDirty[entry] = false;
    }
    x.dirtyCount[k] = 0;
    post(k, new Fork(x.patch, f.hungry, slots, values));
  }

  /** Sends neighbour k a message after this run's delay (drawn from the clock's generator, never from the states): async batches, forks, requests. */
  private void post(int k, Command m) {
    Cell x = cell;
    x.messages++;
    long d = x.edgeDelayNanos != null ? x.edgeDelayNanos[k] : x.timing.drawDelayNanos(x.delay.toNanos(), x.clockRandom);
    if (d == 0) x.links[k].tell(m);
    else context.scheduleOnce(Duration.ofNanos(d), x.links[k], m);
  }

  /**
   * The forks, created at the first fork message or start, whichever comes first (a neighbour that
   * started earlier may ask before this patch's start arrives). They start at the end of lower
   * colour of the patch graph ({@link PatchSpec}'s lower-neighbour marks, as Neuron's
   * {@code Precedence} orders by colour): relative colours −1 (lower) and +1 (higher) around this
   * patch's 0 give the same order.
   */
  private Neuron.Forks forks() {
    Cell x = cell;
    if (x.forks == null) {
      int[] relative = new int[x.neighbours.length];
      for (int k = 0; k < relative.length; k++) relative[k] = x.lower[k] ? -1 : 1;
      x.forks = new Neuron.Forks(x.patch, x.neighbours, new Neuron.Precedence(0, relative));
    }
    return x.forks;
  }

  private void onForkRequest(ForkRequest m) {
    Neuron.Forks f = forks();
    int k = cell.indexOf(m.from());
    f.request[k] = true;
    if (f.held[k] && (f.dirty[k] || !f.hungry)) yieldFork(k);
  }

  private void onFork(Fork m) {
    Cell x = cell;
    Neuron.Forks f = forks();
    int k = x.indexOf(m.from());
    f.held[k] = true;
    f.dirty[k] = false;
    f.missing--;
    if (m.request()) f.request[k] = true;
    for (int q = 0; q < m.slots().length; q++) x.heardOf(m.slots()[q], m.values()[q]);
    if (f.hungry) {
      if (f.missing == 0 && !f.frozen && x.running) eat();
    } else if (f.request[k]) {
      yieldFork(k);
    }
  }

  /** Postpones every meal until {@link Thaw} and reports; forks keep moving (why: {@code Neuron.onFreeze}). */
  private void onFreeze(Freeze m) {
    Cell x = cell;
    forks().frozen = true;
    x.coordinator.tell(new PatchNetwork.Report(x.patch, m.tag(), x.states(), x.updates, x.informed, x.messages));
  }

  private void onThaw() {
    Cell x = cell;
    Neuron.Forks f = x.forks;
    if (f == null || !f.frozen) return;
    f.frozen = false;
    if (x.running && f.hungry && f.missing == 0) eat();
  }

  // ---------------------------------------------------------------- loads, weights, snapshots

  private void onLoad(Load l) {
    Cell x = cell;
    if (l.own().length != x.m || l.external().length != x.ext.length) {
      throw new IllegalArgumentException("patch " + x.patch + " loaded with " + l.own().length + " own and " + l.external().length
          + " external states (expected " + x.m + " and " + x.ext.length + ")");
    }
    x.setStates(l.own());
    System.arraycopy(l.external(), 0, x.ext, 0, x.ext.length);
    int free = 0;
    while (free < x.m && x.ids[free] < l.clampedBelow()) free++;
    x.firstFree = free;
    x.cursor = 0;
    x.epoch = l.epoch();
    x.recomputeFields();
    Arrays.fill(x.isDirty, false);
    Arrays.fill(x.dirtyCount, 0);
    Arrays.fill(x.uncredited, 0);
    x.newBuffers();
    for (int k = x.early.size(); k > 0; k--) onChanges(x.early.poll()); // this epoch's now, a later one's held again, older ones dropped
  }

  private void onSetWeights(SetWeights w) {
    Cell x = cell;
    if (w.bias().length != x.m || w.internal().length != x.inW.length || w.external().length != x.exW.length) {
      throw new IllegalArgumentException("patch " + x.patch + " got " + w.bias().length + " biases, " + w.internal().length + " internal and "
          + w.external().length + " external weights (expected " + x.m + ", " + x.inW.length + " and " + x.exW.length + ")");
    }
    System.arraycopy(w.bias(), 0, x.bias, 0, x.m);
    System.arraycopy(w.internal(), 0, x.inW, 0, x.inW.length);
    System.arraycopy(w.external(), 0, x.exW, 0, x.exW.length);
    x.compact();
    x.recomputeFields();
  }

  private void onGetState(GetState g) {
    Cell x = cell;
    x.coordinator.tell(new PatchNetwork.Report(x.patch, g.tag(), x.states(), x.updates, x.informed, x.messages));
  }

  /** Throws before anything is committed, keeping the message for the restarted behaviour to replay. */
  private void failIfAsked(Command m) {
    if (cell.failNext) {
      cell.failNext = false;
      cell.replay = m;
      throw new InjectedFailure(cell.patch);
    }
  }
}
