package io.glauber.kernel;

import dev.ludovic.netlib.blas.BLAS;

/**
 * Row-major single-precision products through {@code dev.ludovic.netlib:blas}, which picks the
 * machine's native BLAS through JNI (OpenBLAS from Debian's {@code libopenblas0-pthread}), else the
 * Java Vector API (JVM started with {@code --add-modules jdk.incubator.vector}), else plain Java.
 *
 * <p>BLAS is column-major; a row-major m×n matrix is its column-major transpose, so C = A·B
 * (row-major) is computed as Cᵀ = Bᵀ·Aᵀ (column-major).
 */
public final class Blas {
  private static final BLAS BLAS_INSTANCE = BLAS.getInstance();

  private Blas() {}

  /** The backend in use: "openblas (JNI)", "vector-api" or "java". */
  public static String backend() {
    String name = BLAS_INSTANCE.getClass().getSimpleName();
    if (name.contains("JNI")) return "native BLAS via JNI (" + nativeLibrary() + ")";
    if (name.contains("Vector")) return "Java Vector API";
    return "plain Java (" + name + ")";
  }

  /** A short machine-readable name of the backend: native, vector or java. */
  public static String backendId() {
    String name = BLAS_INSTANCE.getClass().getSimpleName();
    return name.contains("JNI") ? "native" : name.contains("Vector") ? "vector" : "java";
  }

  private static String nativeLibrary() {
    String lib = System.getProperty("dev.ludovic.netlib.blas.nativeLib", "libblas.so.3");
    try {
      java.nio.file.Path p = java.nio.file.Path.of("/usr/lib/x86_64-linux-gnu", lib);
      if (java.nio.file.Files.exists(p)) return lib + " → " + p.toRealPath().getFileName();
    } catch (java.io.IOException | RuntimeException e) {
      // fall through: report the name only
    }
    return lib;
  }

  /**
   * C ← α·op(A)·op(B) + β·C for row-major matrices: op(A) is m×k, op(B) is k×n, C is m×n.
   *
   * @param transA whether A is stored k×m and used transposed
   * @param transB whether B is stored n×k and used transposed
   */
  public static void gemm(boolean transA, boolean transB, int m, int n, int k,
      float alpha, float[] a, float[] b, float beta, float[] c) {
    int lda = transA ? m : k;
    int ldb = transB ? k : n;
    BLAS_INSTANCE.sgemm(transB ? "T" : "N", transA ? "T" : "N", n, m, k, alpha, b, ldb, a, lda, beta, c, n);
  }

  /** The same product with offsets into the arrays (for splitting a batch across threads). */
  public static void gemm(boolean transA, boolean transB, int m, int n, int k,
      float alpha, float[] a, int aOffset, float[] b, int bOffset, float beta, float[] c, int cOffset) {
    int lda = transA ? m : k;
    int ldb = transB ? k : n;
    BLAS_INSTANCE.sgemm(transB ? "T" : "N", transA ? "T" : "N", n, m, k, alpha, b, bOffset, ldb, a, aOffset, lda, beta, c, cOffset, n);
  }

  /**
   * The product with explicit offsets and row-major leading dimensions (the stride between rows of
   * each stored matrix), so that a block of rows or columns of a larger matrix can be one operand:
   * the batched engine splits one product into row blocks, one per thread, with this.
   */
  public static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb, float beta, float[] c, int cOffset, int ldc) {
    BLAS_INSTANCE.sgemm(transB ? "T" : "N", transA ? "T" : "N", n, m, k, alpha, b, bOffset, ldb, a, aOffset, lda, beta, c, cOffset, ldc);
  }

  /**
   * The number of threads the native library runs each product on: OpenBLAS reads
   * {@code OPENBLAS_NUM_THREADS} (else {@code OMP_NUM_THREADS}) once, when it loads, and uses every
   * core otherwise. {@code bin/glauber} sets it to 1: at the batched engine's shapes (a few hundred
   * rows) one single-threaded product per core, on its share of the rows, outruns OpenBLAS's own
   * threading of the whole product, and the elementwise work of those rows can follow on the same
   * core without waking another pool (docs/BENCHMARKS.md has the rates). The Java backends are
   * single-threaded.
   */
  public static int libraryThreads() {
    if (!backendId().equals("native")) return 1;
    for (String var : new String[] {"OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"}) {
      String v = System.getenv(var);
      if (v != null && !v.isBlank()) {
        try {
          return Math.max(1, Integer.parseInt(v.trim()));
        } catch (NumberFormatException e) {
          break; // OpenBLAS ignores what it cannot parse
        }
      }
    }
    return Runtime.getRuntime().availableProcessors();
  }

  /**
   * C ← α·op(A)·op(B) + β·C in double precision, row-major, with the same conventions as the float
   * {@link #gemm(boolean, boolean, int, int, int, float, float[], float[], float, float[])}.
   */
  public static void gemm(boolean transA, boolean transB, int m, int n, int k,
      double alpha, double[] a, double[] b, double beta, double[] c) {
    int lda = transA ? m : k;
    int ldb = transB ? k : n;
    BLAS_INSTANCE.dgemm(transB ? "T" : "N", transA ? "T" : "N", n, m, k, alpha, b, ldb, a, lda, beta, c, n);
  }
}
