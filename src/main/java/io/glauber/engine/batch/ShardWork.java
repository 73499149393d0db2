package io.glauber.engine.batch;

/**
 * The input of one shard of a training step: its shape, the step's index (which names the random
 * streams), the parameters, its rows of the mini-batch and the state of its chains. The worker
 * advances the chain arrays in place and hands them back in its {@link ShardResult}.
 *
 * @param spec the shard
 * @param draws the index of the step's random streams (the step, in training)
 * @param w W, nVisible×nHidden, row-major
 * @param bias [a | b]
 * @param batch the shard's batch rows, shardRows×nVisible
 * @param chainV visible states of its chains, replicas×shardChains×nVisible under PT, else empty
 * @param chainH hidden states of its chains, replicas×shardChains×nHidden under PCD and PT, else empty
 */
public record ShardWork(ShardSpec spec, long draws, float[] w, float[] bias, float[] batch, float[] chainV, float[] chainH) {
  public ShardWork {
    if (spec == null || w == null || bias == null || batch == null || chainV == null || chainH == null) {
      throw new IllegalArgumentException("shard work with a part missing (expected spec, W, biases, batch and chain arrays)");
    }
    int nv = spec.nVisible();
    int nh = spec.nHidden();
    int chains = spec.replicas() * spec.shardChains();
    int cv = spec.method() == TrainConfig.Method.PT ? chains * nv : 0;
    int ch = spec.persistent() ? chains * nh : 0;
    if (w.length != nv * nh || bias.length != nv + nh || batch.length != spec.shardRows() * nv
        || chainV.length != cv || chainH.length != ch) {
      throw new IllegalArgumentException("shard work of W " + w.length + ", biases " + bias.length + ", batch " + batch.length
          + ", chains " + chainV.length + "/" + chainH.length + " values (expected " + nv * nh + ", " + (nv + nh) + ", "
          + spec.shardRows() * nv + ", " + cv + "/" + ch + " for " + spec + ")");
    }
  }
}
