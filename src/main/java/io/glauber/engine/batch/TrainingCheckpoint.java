package io.glauber.engine.batch;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Checkpoints of a batched training run: the model, the learner's momentum buffers and sparsity
 * estimates, the persistent chains, the PT swap counters, the best-evaluated model so far, epoch
 * and step. The random state needs
 * no saving: every stream of step s is derived from (seed, s) ({@link io.glauber.kernel.Rng#derive}).
 *
 * <p>File {@code checkpoint-<step>.ckpt}: the magic {@code GLBCKPT2} (version 2 added the best
 * model; a version-1 file is reported as such and skipped), the payload length, the
 * payload (big-endian {@link DataOutputStream} fields) and the CRC-32 of the payload. It is written
 * to a temporary file in the same directory, forced to disk and renamed atomically over its name,
 * so a reader sees a whole file or none. The newest {@value #KEEP} are kept; a checkpoint whose
 * length or checksum is wrong is reported and skipped in favour of the previous good one.
 */
public final class TrainingCheckpoint {
  private static final byte[] MAGIC = "GLBCKPT2".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  /** How many checkpoints are kept in a directory. */
  public static final int KEEP = 3;

  private TrainingCheckpoint() {}

  /**
   * The state of a run.
   *
   * @param config the configuration's text (a resumed run must have the same)
   * @param nVisible visible units
   * @param nHidden hidden units
   * @param epoch epochs completed
   * @param step updates completed
   * @param w weights, nVisible×nHidden row-major
   * @param bias visible then hidden biases
   * @param velocities the learner's buffers ({@link io.glauber.learn.Learner#velocities()})
   * @param chainH persistent hidden states (empty for CD)
   * @param chainV PT visible states (empty otherwise)
   * @param swapAttempts PT swap attempts per neighbouring pair
   * @param swapAccepts PT accepted swaps per neighbouring pair
   * @param bestEpoch the epoch of the best-evaluated model ({@link RbmTrainer#keepingBest}), 0 for none
   * @param bestValue its metric
   * @param bestW its weights (empty for none)
   * @param bestBias its biases (empty for none)
   */
  public record State(String config, int nVisible, int nHidden, int epoch, long step, float[] w, float[] bias,
      double[][] velocities, float[] chainH, float[] chainV, long[] swapAttempts, long[] swapAccepts,
      int bestEpoch, double bestValue, float[] bestW, float[] bestBias) {}

  /** Deletes every file in {@code dir} (the checkpoints of an old run, before a fresh one starts there); none there is fine. */
  public static void clear(Path dir) {
    if (!Files.isDirectory(dir)) return;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) Files.delete(f);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear the checkpoints in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Writes {@code s} atomically into {@code dir} and removes all but the newest {@value #KEEP}. */
  public static Path write(Path dir, State s) {
    try {
      Files.createDirectories(dir);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(4 * (s.w().length + s.chainH().length) + 1024);
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeUTF(s.config());
      out.writeInt(s.nVisible());
      out.writeInt(s.nHidden());
      out.writeInt(s.epoch());
      out.writeLong(s.step());
      writeFloats(out, s.w());
      writeFloats(out, s.bias());
      out.writeInt(s.velocities().length);
      for (double[] v : s.velocities()) writeDoubles(out, v);
      writeFloats(out, s.chainH());
      writeFloats(out, s.chainV());
      writeLongs(out, s.swapAttempts());
      writeLongs(out, s.swapAccepts());
      out.writeInt(s.bestEpoch());
      out.writeDouble(s.bestValue());
      writeFloats(out, s.bestW());
      writeFloats(out, s.bestBias());
      out.flush();
      byte[] payload = bytes.toByteArray();
      CRC32 crc = new CRC32();
      crc.update(payload);
      Path target = dir.resolve(String.format("checkpoint-%012d.ckpt", s.step()));
      Path tmp = Files.createTempFile(dir, ".checkpoint-", ".tmp");
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer head = ByteBuffer.allocate(MAGIC.length + 8);
        head.put(MAGIC).putLong(payload.length).flip();
        while (head.hasRemaining()) ch.write(head);
        ByteBuffer body = ByteBuffer.wrap(payload);
        while (body.hasRemaining()) ch.write(body);
        ByteBuffer tail = ByteBuffer.allocate(8).putLong(crc.getValue()).flip();
        while (tail.hasRemaining()) ch.write(tail);
        ch.force(true);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      List<Path> all = list(dir);
      for (int k = KEEP; k < all.size(); k++) Files.deleteIfExists(all.get(k));
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a checkpoint into " + dir, e);
    }
  }

  /** Checkpoint files in {@code dir}, newest (highest step) first. */
  public static List<Path> list(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> out = new ArrayList<>(s.filter(p -> p.getFileName().toString().matches("checkpoint-\\d+\\.ckpt")).toList());
      out.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
      return out;
    }
  }

  /** Reads and verifies one checkpoint; throws {@link IOException} naming what is wrong. */
  public static State read(Path file) throws IOException {
    byte[] all = Files.readAllBytes(file);
    if (all.length < MAGIC.length + 16) throw new IOException(file + ": truncated (" + all.length + " bytes)");
    for (int k = 0; k < MAGIC.length; k++) {
      if (all[k] != MAGIC[k]) {
        boolean older = new String(all, 0, MAGIC.length, java.nio.charset.StandardCharsets.US_ASCII).startsWith("GLBCKPT");
        throw new IOException(file + (older ? ": a checkpoint of an older format (expected "
            + new String(MAGIC, java.nio.charset.StandardCharsets.US_ASCII) + ")" : ": not a Glauber checkpoint (bad magic)"));
      }
    }
    ByteBuffer buf = ByteBuffer.wrap(all);
    long length = buf.getLong(MAGIC.length);
    if (length != all.length - MAGIC.length - 16L) {
      throw new IOException(file + ": truncated or padded (payload " + (all.length - MAGIC.length - 16) + " bytes, header says " + length + ")");
    }
    CRC32 crc = new CRC32();
    crc.update(all, MAGIC.length + 8, (int) length);
    long stored = buf.getLong(all.length - 8);
    if (stored != crc.getValue()) {
      throw new IOException(file + ": checksum mismatch (stored " + Long.toHexString(stored) + ", computed " + Long.toHexString(crc.getValue()) + ")");
    }
    DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(all, MAGIC.length + 8, (int) length));
    String config = in.readUTF();
    int nv = in.readInt();
    int nh = in.readInt();
    int epoch = in.readInt();
    long step = in.readLong();
    float[] w = readFloats(in);
    float[] bias = readFloats(in);
    double[][] vel = new double[in.readInt()][];
    for (int k = 0; k < vel.length; k++) vel[k] = readDoubles(in);
    float[] chainH = readFloats(in);
    float[] chainV = readFloats(in);
    long[] attempts = readLongs(in);
    long[] accepts = readLongs(in);
    return new State(config, nv, nh, epoch, step, w, bias, vel, chainH, chainV, attempts, accepts,
        in.readInt(), in.readDouble(), readFloats(in), readFloats(in));
  }

  /**
   * The newest checkpoint in {@code dir} that reads and verifies; each bad one is described to
   * {@code problems} (e.g. a warning printer) and skipped.
   */
  public static Optional<State> latest(Path dir, Consumer<String> problems) {
    try {
      for (Path p : list(dir)) {
        try {
          return Optional.of(read(p));
        } catch (IOException | RuntimeException e) {
          problems.accept("skipping bad checkpoint: " + e.getMessage());
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list checkpoints in " + dir, e);
    }
  }

  private static void writeFloats(DataOutputStream out, float[] x) throws IOException {
    out.writeInt(x.length);
    ByteBuffer b = ByteBuffer.allocate(4 * x.length);
    b.asFloatBuffer().put(x);
    out.write(b.array());
  }

  private static void writeDoubles(DataOutputStream out, double[] x) throws IOException {
    out.writeInt(x.length);
    ByteBuffer b = ByteBuffer.allocate(8 * x.length);
    b.asDoubleBuffer().put(x);
    out.write(b.array());
  }

  private static void writeLongs(DataOutputStream out, long[] x) throws IOException {
    out.writeInt(x.length);
    for (long v : x) out.writeLong(v);
  }

  private static float[] readFloats(DataInputStream in) throws IOException {
    java.nio.FloatBuffer b = readArray(in, Float.BYTES).asFloatBuffer();
    float[] x = new float[b.remaining()];
    b.get(x);
    return x;
  }

  private static double[] readDoubles(DataInputStream in) throws IOException {
    java.nio.DoubleBuffer b = readArray(in, Double.BYTES).asDoubleBuffer();
    double[] x = new double[b.remaining()];
    b.get(x);
    return x;
  }

  /** An array written as its length, then its values of {@code width} bytes each. */
  private static ByteBuffer readArray(DataInputStream in, int width) throws IOException {
    byte[] b = new byte[width * in.readInt()];
    in.readFully(b);
    return ByteBuffer.wrap(b);
  }

  private static long[] readLongs(DataInputStream in) throws IOException {
    long[] x = new long[in.readInt()];
    for (int k = 0; k < x.length; k++) x[k] = in.readLong();
    return x;
  }
}
