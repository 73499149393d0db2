package io.glauber.engine.batch;

import java.util.ArrayList;
import java.util.List;

/**
 * A step's statistics from {@code n} shards computed one after another in this process, each by
 * its own {@link ShardWorker}: the in-process model of a data-parallel run, for tests and for
 * checking that a sharded run equals the single one.
 */
public final class LocalShards implements StepStatistics {
  private final List<ShardWorker> workers = new ArrayList<>();

  /** {@code shards} ≥ 1 shards. */
  public LocalShards(int shards) {
    if (shards < 1) throw new IllegalArgumentException(shards + " shards (expected ≥ 1)");
    for (int s = 0; s < shards; s++) workers.add(new ShardWorker());
  }

  @Override
  public ShardResult compute(ShardWork whole) {
    List<ShardWork> parts = StepStatistics.split(whole, workers.size());
    List<ShardResult> results = new ArrayList<>(parts.size());
    for (int s = 0; s < parts.size(); s++) results.add(workers.get(s).compute(parts.get(s)));
    return StepStatistics.gather(whole, parts, results);
  }

  @Override
  public void close() {
    workers.forEach(ShardWorker::close);
  }
}
