package io.glauber.hopfield;

import dev.ludovic.netlib.blas.BLAS;

/**
 * Row-major dense products through netlib BLAS (OpenBLAS by JNI where installed, else the Vector
 * API or plain Java). Kept package-private and tiny: the shared block arithmetic belongs in the
 * {@code kernel} package, to which this should move once it exists.
 */
final class Products {
  private static final BLAS BLAS_INSTANCE = BLAS.getInstance();

  private Products() {}

  /** Which BLAS implementation runs (report it beside any timing). */
  static String backend() {
    return BLAS_INSTANCE.getClass().getSimpleName();
  }

  /**
   * C = A·B for row-major A (m×k), B (k×n), C (m×n); C is overwritten. In column-major terms this
   * is Cᵀ = Bᵀ·Aᵀ, which is what dgemm is asked for.
   */
  static void mult(double[] a, double[] b, double[] c, int m, int k, int n) {
    BLAS_INSTANCE.dgemm("N", "N", n, m, k, 1.0, b, n, a, k, 0.0, c, n);
  }

  /** C = Aᵀ·A for row-major A (m×n); C is n×n, overwritten. */
  static void gram(double[] a, double[] c, int m, int n) {
    // column-major view of row-major A is Aᵀ (n×m); Aᵀ·A = (Aᵀ)(Aᵀ)ᵀ: "N","T" on that view
    BLAS_INSTANCE.dgemm("N", "T", n, n, m, 1.0, a, n, a, n, 0.0, c, n);
  }
}
