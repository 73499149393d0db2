package io.glauber.engine.batch;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a data-parallel trainer gets a step's statistics: the step is split into shards
 * ({@link #split}), each shard is computed by a {@link ShardWorker} — in this process
 * ({@link LocalShards}) or on other members of a cluster — and the parts are summed in shard order
 * ({@link #gather}). Since every row draws on the stream of its key, the sum equals the single
 * process's statistics up to the order of the floating-point additions, whatever the number of
 * shards; the trainer then applies the shared learning rule once.
 */
public interface StepStatistics extends AutoCloseable {

  /**
   * The statistics of the whole step {@code whole} (the shard {@link ShardSpec#whole}), its chain
   * arrays advanced in place only once every shard has answered; throws {@link ShardFailure} when a
   * shard cannot be computed, leaving {@code whole} unchanged.
   */
  ShardResult compute(ShardWork whole);

  @Override
  void close();

  /** A shard that could not be computed (a member lost, a time-out): the message is one line for the user. */
  final class ShardFailure extends RuntimeException {
    public ShardFailure(String message) {
      super(message);
    }
  }

  /** Shard s of {@code n} of {@code whole} for s = 0 … n−1: its batch rows and a copy of its chains. */
  static List<ShardWork> split(ShardWork whole, int n) {
    ShardSpec w = whole.spec();
    int nv = w.nVisible();
    int nh = w.nHidden();
    int c = w.chains();
    List<ShardWork> parts = new ArrayList<>(n);
    for (int s = 0; s < n; s++) {
      ShardSpec p = w.part(s, n);
      float[] batch = java.util.Arrays.copyOfRange(whole.batch(), p.batchFrom() * nv, p.batchTo() * nv);
      float[] cv = new float[whole.chainV().length == 0 ? 0 : w.replicas() * p.shardChains() * nv];
      float[] ch = new float[whole.chainH().length == 0 ? 0 : w.replicas() * p.shardChains() * nh];
      for (int r = 0; r < w.replicas(); r++) {
        if (cv.length > 0) System.arraycopy(whole.chainV(), (r * c + p.chainFrom()) * nv, cv, r * p.shardChains() * nv, p.shardChains() * nv);
        if (ch.length > 0) System.arraycopy(whole.chainH(), (r * c + p.chainFrom()) * nh, ch, r * p.shardChains() * nh, p.shardChains() * nh);
      }
      parts.add(new ShardWork(p, whole.draws(), whole.w(), whole.bias(), batch, cv, ch));
    }
    return parts;
  }

  /**
   * The whole step's result from its shards' ({@code parts[s]} answered by {@code results[s]}): the
   * statistics summed in shard order, the swap counts added, the chains copied back into
   * {@code whole}'s arrays (which the returned result shares).
   */
  static ShardResult gather(ShardWork whole, List<ShardWork> parts, List<ShardResult> results) {
    ShardSpec w = whole.spec();
    int nv = w.nVisible();
    int nh = w.nHidden();
    int c = w.chains();
    if (parts.size() != results.size()) {
      throw new IllegalArgumentException(results.size() + " shard results for " + parts.size() + " shards (expected one each)");
    }
    for (int s = 0; s < parts.size(); s++) {
      if (!results.get(s).fits(parts.get(s).spec())) throw new IllegalArgumentException("shard result " + s + " does not fit " + parts.get(s).spec());
    }
    float[] dW = new float[nv * nh];
    float[] dBias = new float[nv + nh];
    float[] hidden = new float[nh];
    long[] attempts = new long[w.replicas() - 1];
    long[] accepts = new long[w.replicas() - 1];
    for (int s = 0; s < parts.size(); s++) {
      ShardSpec p = parts.get(s).spec();
      ShardResult r = results.get(s);
      add(dW, r.dW());
      add(dBias, r.dBias());
      add(hidden, r.hiddenClamped());
      for (int q = 0; q < attempts.length; q++) {
        attempts[q] += r.swapAttempts()[q];
        accepts[q] += r.swapAccepts()[q];
      }
      for (int rep = 0; rep < w.replicas(); rep++) {
        if (r.chainV().length > 0) System.arraycopy(r.chainV(), rep * p.shardChains() * nv, whole.chainV(), (rep * c + p.chainFrom()) * nv, p.shardChains() * nv);
        if (r.chainH().length > 0) System.arraycopy(r.chainH(), rep * p.shardChains() * nh, whole.chainH(), (rep * c + p.chainFrom()) * nh, p.shardChains() * nh);
      }
    }
    return new ShardResult(dW, dBias, hidden, whole.chainV(), whole.chainH(), attempts, accepts);
  }

  private static void add(float[] sum, float[] part) {
    for (int i = 0; i < sum.length; i++) sum[i] += part[i];
  }
}
