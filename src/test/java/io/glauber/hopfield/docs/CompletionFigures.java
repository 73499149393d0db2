package io.glauber.hopfield.docs;

import io.glauber.hopfield.ContinuousHopfield;
import io.glauber.hopfield.DenseAssociativeMemory;
import io.glauber.hopfield.HopfieldRecall;
import io.glauber.hopfield.HopfieldStorage;
import io.glauber.model.Interaction;
import io.glauber.hopfield.PatternImages;
import io.glauber.hopfield.Patterns;
import io.glauber.model.BoltzmannMachine;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

/**
 * Generates the pattern-completion pictures of docs/HOPFIELD.md from Fashion-MNIST (binarised at
 * pixel &gt; 127 to +1, else −1). Reads the IDX files itself, minimally, because the io/data
 * loaders live on another branch; replace {@link #readIdxImages} with the data package's loader
 * once merged. Run: {@code java -cp target/test-classes:target/classes:DEPS
 * io.glauber.hopfield.docs.CompletionFigures [DIR] [OUT]}.
 */
public final class CompletionFigures {
  private CompletionFigures() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "/usr/share/datasets/fashion-mnist");
    Path out = Path.of(args.length > 1 ? args[1] : "docs/img");
    int[][] images = readIdxImages(dir.resolve("t10k-images-idx3-ubyte.gz"), 2000);
    int[] labels = readIdxLabels(dir.resolve("t10k-labels-idx1-ubyte.gz"), 2000);
    SplittableRandom rng = new SplittableRandom(5);

    // classic: one image each of a few dissimilar classes (0 T-shirt, 1 trouser, 7 sneaker, 8 bag)
    int[][] few = firstOfClasses(images, labels, new int[] {1, 7, 8});
    for (String rule : new String[] {"hebb", "pseudo-inverse"}) {
      BoltzmannMachine net = HopfieldStorage.store(rule, few);
      List<double[][]> rows = new ArrayList<>();
      for (int[] p : few) {
        double[] noisy = Patterns.corrupt(p, 0.25, rng);
        double[] masked = mask(p, rng);
        rows.add(new double[][] {Patterns.state(p), noisy, HopfieldRecall.asynchronous(net, noisy, 100, rng).state()});
        rows.add(new double[][] {Patterns.state(p), masked, HopfieldRecall.asynchronous(net, masked, 100, rng).state()});
      }
      PatternImages.write(rows, 28, 28, 4, out.resolve("hopfield-completion-classic-" + rule + ".png"));
      report("classic " + rule, few, rows);
    }

    // modern: 200 images of all classes, F(x) = e^x and the continuous softmax network
    int k = 200;
    int[][] many = new int[k][];
    System.arraycopy(images, 0, many, 0, k);
    DenseAssociativeMemory dam = new DenseAssociativeMemory(many, new Interaction.Exponential(1.0));
    ContinuousHopfield soft = ContinuousHopfield.ofSpins(many, 0.1);
    BoltzmannMachine hebbMany = HopfieldStorage.hebb(many); // the classic network far past capacity
    List<double[][]> rows = new ArrayList<>();
    List<double[][]> softRows = new ArrayList<>();
    List<double[][]> hebbRows = new ArrayList<>();
    int[][] shown = new int[6][];
    for (int e = 0; e < 6; e++) {
      int[] p = many[e * 13];
      shown[e] = p;
      double[] probe = e % 2 == 0 ? Patterns.corrupt(p, 0.25, rng) : mask(p, rng);
      rows.add(new double[][] {Patterns.state(p), probe, dam.asynchronous(probe, 100, rng).state()});
      softRows.add(new double[][] {Patterns.state(p), probe, soft.retrieve(probe, 20, 1e-9, null)});
      hebbRows.add(new double[][] {Patterns.state(p), probe, HopfieldRecall.asynchronous(hebbMany, probe, 100, rng).state()});
    }
    PatternImages.write(rows, 28, 28, 4, out.resolve("hopfield-completion-modern-exp.png"));
    PatternImages.write(softRows, 28, 28, 4, out.resolve("hopfield-completion-modern-softmax.png"));
    PatternImages.write(hebbRows, 28, 28, 4, out.resolve("hopfield-completion-classic-hebb-200.png"));
    report("modern exp (K = " + k + ")", shown, rows);
    report("classic hebb (K = " + k + ")", shown, hebbRows);
    report("softmax (K = " + k + ", β = 0.1)", shown, softRows);
  }

  private static void report(String what, int[][] targets, List<double[][]> rows) {
    StringBuilder b = new StringBuilder(what + ": final overlaps");
    for (int r = 0; r < rows.size(); r++) {
      int[] t = targets[r * targets.length / rows.size()];
      b.append(String.format(" %.3f", Patterns.overlap(t, rows.get(r)[2])));
    }
    System.out.println(b);
  }

  /**
   * The top half kept, the bottom half occluded by random ±1 noise (a white occluder would favour
   * whichever stored image has the emptiest bottom half).
   */
  static double[] mask(int[] p, SplittableRandom rng) {
    double[] s = Patterns.state(p);
    for (int i = s.length / 2; i < s.length; i++) s[i] = rng.nextBoolean() ? 1 : -1;
    return s;
  }

  static int[][] firstOfClasses(int[][] images, int[] labels, int[] classes) {
    int[][] out = new int[classes.length][];
    for (int c = 0; c < classes.length; c++) {
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] == classes[c]) {
          out[c] = images[i];
          break;
        }
      }
    }
    return out;
  }

  /** IDX3 unsigned-byte images, gzip: magic 0x803, count, rows, cols, then pixels; ±1 at &gt; 127. */
  static int[][] readIdxImages(Path file, int limit) throws IOException {
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new GZIPInputStream(raw))) {
      if (in.readInt() != 0x803) throw new IOException(file + ": not an IDX3 unsigned-byte file");
      int count = Math.min(limit, in.readInt());
      int size = in.readInt() * in.readInt();
      int[][] out = new int[count][size];
      byte[] buf = new byte[size];
      for (int k = 0; k < count; k++) {
        in.readFully(buf);
        for (int i = 0; i < size; i++) out[k][i] = (buf[i] & 0xFF) > 127 ? 1 : -1;
      }
      return out;
    }
  }

  static int[] readIdxLabels(Path file, int limit) throws IOException {
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new GZIPInputStream(raw))) {
      if (in.readInt() != 0x801) throw new IOException(file + ": not an IDX1 unsigned-byte file");
      int count = Math.min(limit, in.readInt());
      int[] out = new int[count];
      for (int k = 0; k < count; k++) out[k] = in.readUnsignedByte();
      return out;
    }
  }
}
