package io.glauber.kernel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed team of threads that splits a range of rows between them: the caller runs part 0, helper
 * threads run the others, and {@link #run} returns when all parts are done. Parts are fixed by
 * index, so a part always gets the same rows and the same random stream: results do not depend on
 * scheduling. Nothing is allocated per call. Helper threads are daemons; {@link #close} stops them.
 *
 * <p>Used for the elementwise work of a Gibbs step (σ, Bernoulli sampling); the products run on
 * the BLAS library's own threads.
 */
public final class Team implements AutoCloseable {
  /** The body of a parallel loop: rows [from, to) are part {@code part}. */
  @FunctionalInterface
  public interface Body {
    void run(int from, int to, int part);
  }

  /**
   * How long an idle helper spins before it parks: long enough to catch the next product of a
   * Gibbs step (split products follow one another within microseconds in the batched engine), short
   * enough not to hold a core between mini-batches. Timed rather than counted: a spin-wait hint
   * takes 10 to 140 cycles depending on the processor.
   */
  static final long SPIN_NANOS = 50_000;

  private final int size;
  private final Thread[] helpers;
  private volatile Body body;
  private volatile int rows;
  private volatile long generation;
  private final long[] done;
  private volatile boolean closed;
  private volatile Throwable failure;
  private final Thread[] waiting = new Thread[1];
  private final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();

  private static final class Shared {
    static final Team TEAM = ofCores(2);
  }

  /**
   * One team for the whole JVM (as many threads as cores, at most 2, never closed; daemons), for
   * callers that are not long-lived owners of one, such as actors, which may be restarted or run
   * anywhere. Callers on different threads take turns ({@link #run} holds a lock).
   */
  public static Team shared() {
    return Shared.TEAM;
  }

  /** A team of {@code size} threads (the caller counts as one). */
  public Team(int size) {
    if (size < 1) throw new IllegalArgumentException("team of " + size + " threads (expected ≥ 1)");
    this.size = size;
    this.done = new long[size * 16];
    this.helpers = new Thread[size - 1];
    for (int t = 1; t < size; t++) {
      int part = t;
      Thread th = new Thread(() -> loop(part), "glauber-team-" + t);
      th.setDaemon(true);
      helpers[t - 1] = th;
      th.start();
    }
  }

  /**
   * A team of as many threads as the machine has cores (at most {@code max}); the system property
   * {@code glauber.threads} overrides the count.
   */
  public static Team ofCores(int max) {
    int cores = Math.min(max, Runtime.getRuntime().availableProcessors());
    return new Team(Math.max(1, Integer.getInteger("glauber.threads", cores)));
  }

  /** The number of parts. */
  public int size() {
    return size;
  }

  /** The rows [from, to) of part {@code part} when {@code n} rows are split into {@code parts}. */
  public static int from(int n, int part, int parts) {
    return (int) ((long) n * part / parts);
  }

  /**
   * Runs {@code b} over rows [0, n) split into {@link #size()} parts; returns when all are done.
   * Calls from several threads take turns; {@code b} must not call {@code run} of the same team.
   */
  public void run(int n, Body b) {
    if (size == 1 || n < size) {
      b.run(0, n, 0);
      return;
    }
    lock.lock(); // one loop at a time: concurrent callers take turns
    try {
      runLocked(n, b);
    } finally {
      lock.unlock();
    }
  }

  private void runLocked(int n, Body b) {
    body = b;
    rows = n;
    waiting[0] = Thread.currentThread();
    long g = generation + 1;
    generation = g; // publishes body and rows
    for (Thread h : helpers) LockSupport.unpark(h);
    b.run(0, from(n, 1, size), 0);
    for (int t = 1; t < size; t++) {
      int spins = 0;
      while (readDone(t) != g) {
        if (++spins < 20_000) Thread.onSpinWait();
        else LockSupport.parkNanos(this, 20_000);
      }
    }
    Throwable f = failure;
    if (f != null) {
      failure = null;
      throw new IllegalStateException("a team thread failed", f);
    }
  }

  /** Volatile access to {@link #done}'s slots (one per part, 128 bytes apart): no lock for the caller to spin on. */
  private static final VarHandle DONE = MethodHandles.arrayElementVarHandle(long[].class);

  private long readDone(int t) {
    return (long) DONE.getVolatile(done, t * 16);
  }

  private void writeDone(int t, long g) {
    DONE.setVolatile(done, t * 16, g);
  }

  private void loop(int part) {
    long seen = 0;
    while (!closed) {
      long g = generation;
      if (g == seen) {
        long since = System.nanoTime();
        while (generation == seen && !closed) {
          if (System.nanoTime() - since < SPIN_NANOS) Thread.onSpinWait();
          else LockSupport.park(this);
        }
        continue;
      }
      int n = rows;
      try {
        body.run(from(n, part, size), from(n, part + 1, size), part);
      } catch (Throwable t) {
        failure = t;
      } finally {
        seen = g;
        writeDone(part, g);
        LockSupport.unpark(waiting[0]);
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    for (Thread h : helpers) LockSupport.unpark(h);
  }
}
