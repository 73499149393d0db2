package io.glauber.bench;

import java.nio.file.Path;

/**
 * Settings of {@link RbmBench#run}.
 *
 * @param data the data spec (binary rows, e.g. Fashion-MNIST binarised at 0.5)
 * @param visible expected visible units (the data's columns)
 * @param hidden hidden units
 * @param batch mini-batch size B (and PCD chains)
 * @param k Gibbs sweeps per update
 * @param seconds how long the training throughput is measured (after a warm-up of a quarter of it)
 * @param peersScript the Python peers script (bench/peers.py), or null to skip the peers
 * @param python the interpreter for it (Debian's /usr/bin/python3 has scikit-learn)
 * @param peerRows rows the peers train on
 * @param seed seed
 */
public record BenchSettings(String data, int visible, int hidden, int batch, int k, double seconds,
    Path peersScript, String python, int peerRows, long seed) {

  /** Fashion-MNIST 60k training images. */
  public static final String FASHION_MNIST = "idx:/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz?binarize=0.5";

  public BenchSettings {
    if (visible < 1 || hidden < 1 || batch < 1 || k < 1 || !(seconds > 0) || peerRows < batch) {
      throw new IllegalArgumentException("bench settings visible=" + visible + " hidden=" + hidden + " batch=" + batch
          + " k=" + k + " seconds=" + seconds + " peerRows=" + peerRows + " (expected positive, peerRows ≥ batch)");
    }
  }

  /** The benchmark: PCD-1 at 784-500, batch 100, on Fashion-MNIST 60k, peers on 20,000 rows. */
  static BenchSettings defaults() {
    return new BenchSettings(FASHION_MNIST, 784, 500, 100, 1, 20, Path.of("bench/peers.py"), "/usr/bin/python3", 20_000, 1);
  }

  /** These settings with another measuring time. */
  BenchSettings withSeconds(double s) {
    return new BenchSettings(data, visible, hidden, batch, k, s, peersScript, python, peerRows, seed);
  }

  /** These settings without the Python peers. */
  BenchSettings withoutPeers() {
    return new BenchSettings(data, visible, hidden, batch, k, seconds, null, python, peerRows, seed);
  }
}
