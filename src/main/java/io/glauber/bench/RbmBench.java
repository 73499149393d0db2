package io.glauber.bench;

import io.glauber.engine.batch.RbmTrainer;
import io.glauber.engine.batch.TrainConfig;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.glauber.data.DataSpecs;
import io.glauber.data.Dataset;
import io.glauber.kernel.Blas;
import io.glauber.kernel.FastMath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The RBM training benchmark of {@code glauber bench rbm}: PCD-k throughput of {@link RbmTrainer}
 * (samples/s), the machine's sgemm rate at the step's shapes, the arithmetic bound that follows,
 * and the Python peers (scikit-learn's BernoulliRBM, a numpy float32 CD-1 loop, bench/peers.py) run
 * in the same invocation on the same data, so that all figures share the machine's load.
 *
 * <p>Arithmetic: one CD-1/PCD-1 update of B rows costs five products of 2·B·n_v·n_h flops — P(H|V₀),
 * P(V|H), P(H|V₁), and the two gradient products V₀ᵀP₀ and V₁ᵀP₁ — so 10·n_v·n_h flops per sample
 * (3.92 MFLOP at 784-500). With the sgemm rate R measured at these shapes, the bound is
 * R / (10·n_v·n_h) samples/s; the elementwise work (σ, sampling, the learner's update) comes on top.
 * R is measured at the shapes the trainer runs (the positive phase and the chains' last hidden
 * product share one product over 2B stacked rows, and so do the two gradient products); the rate
 * of the five separate B-row products is reported beside it.
 */
public final class RbmBench {
  private RbmBench() {}

  /** Runs the benchmark; the map is one JSON object (samples_per_s, backend, settings, peers…). */
  public static Map<String, Object> run(BenchSettings s) {
    Map<String, Object> out = new LinkedHashMap<>();
    Dataset d = DataSpecs.load(s.data());
    if (d.cols() != s.visible()) {
      throw new IllegalArgumentException(s.data() + " has " + d.cols() + " columns (expected --visible " + s.visible() + ")");
    }
    int nv = s.visible(), nh = s.hidden(), b = s.batch();
    out.put("benchmark", "rbm pcd-" + s.k());
    out.put("visible", nv);
    out.put("hidden", nh);
    out.put("batch", b);
    out.put("k", s.k());
    out.put("rows", d.rows());
    out.put("data", s.data());
    out.put("blas", Blas.backend());
    out.put("blas_id", Blas.backendId());
    out.put("vector_api", FastMath.vectorized());
    out.put("cores", Runtime.getRuntime().availableProcessors());
    out.put("load_average_before", Jvm.load());
    out.put("openblas_coretype", System.getenv("OPENBLAS_CORETYPE"));

    // sgemm at the three shapes of a step, run as the trainer runs them: split into row blocks, one
    // single-threaded call per core, when the native library is on one thread (Blas.libraryThreads)
    Map<String, Object> gemm = new LinkedHashMap<>();
    out.put("blas_library_threads", Blas.libraryThreads());
    double tH, tV, tG, tH2, tG2;
    try (io.glauber.kernel.BatchGibbs probe = new io.glauber.kernel.BatchGibbs()) {
      io.glauber.kernel.Team team = probe.splitsProduct((long) b * nv * nh) ? probe.team() : null;
      gemm.put("products", team == null ? "one call on the library's threads" : "split in row blocks over " + team.size() + " threads, one single-threaded call each");
      tH = gemmSeconds(false, false, b, nh, nv, 0.7, team);
      tV = gemmSeconds(false, true, b, nv, nh, 0.7, team);
      tG = gemmSeconds(true, false, nv, nh, b, 0.7, team);
      tH2 = gemmSeconds(false, false, 2 * b, nh, nv, 0.7, team);
      tG2 = gemmSeconds(true, false, nv, nh, 2 * b, 0.7, team);
      gemm.put("one_call_VW_stacked_gflops", 2.0 * 2 * b * nv * nh / gemmSeconds(false, false, 2 * b, nh, nv, 0.7, null) / 1e9);
    }
    double flop = 2.0 * b * nv * nh;
    gemm.put("VW_gflops", flop / tH / 1e9);
    gemm.put("HWt_gflops", flop / tV / 1e9);
    gemm.put("VtH_gflops", flop / tG / 1e9);
    gemm.put("VW_stacked_gflops", 2 * flop / tH2 / 1e9);
    gemm.put("VtH_stacked_gflops", 2 * flop / tG2 / 1e9);
    int k = s.k();
    // the products of RbmTrainer's PCD-k step with C = B chains: k visible products, k − 1 hidden
    // products of the chains, one hidden product over the 2B stacked rows [V₀; V₋] (positive phase
    // and last sweep), one gradient product over the 2B stacked rows
    double stepGemm = k * tV + (k - 1) * tH + tH2 + tG2;
    double rate = (2 * k + 3) * flop / stepGemm;
    gemm.put("step_gflops", rate / 1e9);
    // the textbook step: five separate products of B rows
    double separate = (2 * k + 3) * flop / ((1 + k) * tH + k * tV + 2 * tG);
    gemm.put("separate_products_gflops", separate / 1e9);
    out.put("sgemm", gemm);
    // per sample: positive P(H|V₀), k × (P(V|H), P(H|V)), two gradient products
    double flopPerSample = 2.0 * nv * nh * (2 * k + 3);
    out.put("mflop_per_sample", flopPerSample / 1e6);
    double bound = rate / flopPerSample;
    out.put("bound_samples_per_s", bound);
    out.put("bound_separate_products_samples_per_s", separate / flopPerSample);

    // training throughput
    TrainConfig cfg = TrainConfig.parse("model.hidden = " + nh + ", seed = " + s.seed()
        + ", train { method = pcd, batch-size = " + b + ", chains = " + b + ", k = " + s.k()
        + ", learning-rate = 0.01, momentum = 0.5, monitor-rows = 0 }");
    float[] batchRows = new float[b * nv];
    try (RbmTrainer t = new RbmTrainer(cfg, d.values(), d.rows(), d.cols())) {
      int stepsPerPass = d.rows() / b;
      long warm = System.nanoTime() + (long) (s.seconds() / 4 * 1e9);
      int row = 0;
      while (System.nanoTime() < warm) {
        System.arraycopy(d.values(), row * nv, batchRows, 0, b * nv);
        t.update(batchRows);
        row = (row + b) % (stepsPerPass * b);
      }
      long steps = 0;
      long t0 = System.nanoTime();
      long end = t0 + (long) (s.seconds() * 1e9);
      long now;
      do {
        System.arraycopy(d.values(), row * nv, batchRows, 0, b * nv);
        t.update(batchRows);
        row = (row + b) % (stepsPerPass * b);
        steps++;
      } while ((now = System.nanoTime()) < end);
      double seconds = (now - t0) / 1e9;
      double sps = steps * b / seconds;
      out.put("samples_per_s", sps);
      out.put("steps", steps);
      out.put("seconds", seconds);
      out.put("fraction_of_bound", sps / bound);
      out.put("elementwise_threads", t.threads());
    }
    out.put("load_average_after", Jvm.load());

    if (s.peersScript() != null) {
      Map<String, Object> peers = peers(s);
      out.put("peers", peers);
      double ours = (double) out.get("samples_per_s");
      for (String name : new String[] {"numpy", "sklearn", "sklearn_float64"}) {
        Object p = peers.get(name);
        if (p instanceof Map<?, ?> pm && pm.get("samples_per_s") instanceof Number n) {
          out.put("speedup_vs_" + name, ours / n.doubleValue());
        }
      }
    }
    return out;
  }

  /**
   * Seconds per product of one sgemm shape, timed for about {@code budget} seconds after a warm-up:
   * one call when {@code team} is null, else the rows of op(A) split across the team, one call per
   * part, as {@link io.glauber.kernel.BatchGibbs} and the trainer's gradient run them.
   */
  static double gemmSeconds(boolean ta, boolean tb, int m, int n, int k, double budget, io.glauber.kernel.Team team) {
    float[] a = new float[m * k + m]; // slack for netlib's bounds check of column blocks (see RbmTrainer)
    float[] bb = new float[k * n];
    float[] c = new float[m * n];
    java.util.SplittableRandom r = new java.util.SplittableRandom(1);
    for (int i = 0; i < a.length; i++) a[i] = r.nextBoolean() ? 1f : 0f;
    for (int i = 0; i < bb.length; i++) bb[i] = (float) r.nextDouble();
    int lda = ta ? m : k, ldb = tb ? k : n;
    io.glauber.kernel.Team.Body part = (from, to, p) -> {
      if (to > from) Blas.gemm(ta, tb, to - from, n, k, 1f, a, ta ? from : from * k, lda, bb, 0, ldb, 0f, c, from * n, n);
    };
    Runnable product = team == null ? () -> part.run(0, m, 0) : () -> team.run(m, part);
    for (int i = 0; i < 20; i++) product.run();
    return Jvm.secondsPerCall(product, budget);
  }

  /** Runs the peers script and parses its JSON line; failures are reported in the map, not thrown. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> peers(BenchSettings s) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (!Files.exists(s.peersScript())) {
      m.put("error", s.peersScript() + " not found");
      return m;
    }
    String images = s.data().startsWith("idx:") ? s.data().substring(4).replaceFirst("\\?.*$", "") : null;
    if (images == null) {
      m.put("error", "peers need an idx: data spec");
      return m;
    }
    try {
      ProcessBuilder pb = new ProcessBuilder(s.python(), s.peersScript().toString(), "--images", images,
          "--visible", "" + s.visible(), "--hidden", "" + s.hidden(), "--batch", "" + s.batch(),
          "--rows", "" + s.peerRows(), "--seed", "" + s.seed())
          .redirectError(ProcessBuilder.Redirect.INHERIT);
      if (System.getenv("GLAUBER_SET_OPENBLAS_THREADS") != null) {
        // bin/glauber put our OpenBLAS on one thread per call; numpy and scikit-learn get what a user
        // of theirs gets, OpenBLAS threading each product over every core
        pb.environment().remove("OPENBLAS_NUM_THREADS");
        pb.environment().remove("GLAUBER_SET_OPENBLAS_THREADS");
      }
      Process p = pb.start();
      String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
        m.put("error", "peers script exited with " + (p.isAlive() ? "timeout" : p.exitValue()));
        p.destroyForcibly();
        return m;
      }
      return new ObjectMapper().readValue(text.substring(text.lastIndexOf('\n') + 1), Map.class);
    } catch (IOException e) {
      m.put("error", "cannot run " + s.python() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      m.put("error", "interrupted");
    }
    return m;
  }

  /** {@code RbmBench [seconds] [--no-peers]}: prints the JSON object. */
  public static void main(String[] args) throws IOException {
    BenchSettings s = BenchSettings.defaults();
    for (String a : args) {
      if (a.equals("--no-peers")) s = s.withoutPeers();
      else s = s.withSeconds(Double.parseDouble(a));
    }
    System.out.println(new ObjectMapper().writeValueAsString(run(s)));
  }
}
