package io.glauber.evaluate;

import io.glauber.model.Rbm;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The spectrum of an RBM's weight matrix: the singular value decomposition
 *
 * <pre>  W = U Σ Vᵀ,   W ∈ ℝ^{n_v × n_h},  U ∈ ℝ^{n_v × r},  Σ = diag(σ_1 ≥ … ≥ σ_r ≥ 0),  V ∈ ℝ^{n_h × r},  r = min(n_v, n_h)</pre>
 *
 * computed by EJML's SVD (Golub–Kahan bidiagonalisation, compact form). Seed 003 (Fig. 10, after
 * Decelle, Fissore and Furtlehner 2018, arXiv:1803.01960) follows the σ_k during training: at the
 * start W is random and its spectrum is the bulk of a Gaussian matrix; as the machine learns, a few
 * modes grow out of the bulk one after another, and the left singular vectors u_k (columns of U,
 * vectors over the visible units) are the patterns those modes stand for — images when the data
 * are images. This class is the one home of that decomposition: the per-epoch metric {@code svd}
 * ({@link Evaluation}) records {@link #RECORDED} leading σ_k, and {@link TrainingCurves} draws them
 * and the leading modes.
 *
 * <p>A singular vector is defined up to its sign; {@link #of} fixes it so that the component of
 * largest magnitude of each u_k is positive (v_k flipped with it, so U Σ Vᵀ is unchanged).
 */
public final class WeightSpectrum {
  /** How many leading singular values the per-epoch metric {@code svd} records. */
  public static final int RECORDED = 16;

  private final double[] values;
  private final double[][] left;
  private final double[][] right;

  private WeightSpectrum(double[] values, double[][] left, double[][] right) {
    this.values = values;
    this.left = left;
    this.right = right;
  }

  /**
   * The singular values of the row-major {@code rows × cols} matrix {@code a}, largest first
   * (min(rows, cols) of them); {@code a} is not modified.
   */
  public static double[] singularValues(double[] a, int rows, int cols) {
    SingularValueDecomposition_F64<DMatrixRMaj> svd = decompose(a, rows, cols, false);
    double[] s = Arrays.copyOf(svd.getSingularValues(), svd.numberOfSingularValues());
    Arrays.sort(s);
    for (int i = 0, j = s.length - 1; i < j; i++, j--) {
      double t = s[i];
      s[i] = s[j];
      s[j] = t;
    }
    return s;
  }

  /** The singular values of the RBM's W (n_visible × n_hidden), largest first. */
  public static double[] singularValues(Rbm rbm) {
    return singularValues(rbm.w(), rbm.nVisible(), rbm.nHidden());
  }

  /**
   * The full compact decomposition of the row-major {@code rows × cols} matrix {@code a}: values
   * largest first, each with its left vector u_k (length {@code rows}) and right vector v_k (length
   * {@code cols}), signs fixed as the class comment says.
   */
  public static WeightSpectrum of(double[] a, int rows, int cols) {
    SingularValueDecomposition_F64<DMatrixRMaj> svd = decompose(a, rows, cols, true);
    int r = svd.numberOfSingularValues();
    double[] raw = svd.getSingularValues();
    DMatrixRMaj u = svd.getU(null, false);   // rows × r
    DMatrixRMaj v = svd.getV(null, false);   // cols × r
    Integer[] order = new Integer[r];
    for (int k = 0; k < r; k++) order[k] = k;
    Arrays.sort(order, (x, y) -> Double.compare(raw[y], raw[x]));
    double[] values = new double[r];
    double[][] left = new double[r][rows];
    double[][] right = new double[r][cols];
    for (int k = 0; k < r; k++) {
      int c = order[k];
      values[k] = raw[c];
      for (int i = 0; i < rows; i++) left[k][i] = u.get(i, c);
      for (int j = 0; j < cols; j++) right[k][j] = v.get(j, c);
      int largest = 0;
      for (int i = 1; i < rows; i++) if (Math.abs(left[k][i]) > Math.abs(left[k][largest])) largest = i;
      if (left[k][largest] < 0) {
        for (int i = 0; i < rows; i++) left[k][i] = -left[k][i];
        for (int j = 0; j < cols; j++) right[k][j] = -right[k][j];
      }
    }
    return new WeightSpectrum(values, left, right);
  }

  /** The decomposition of the RBM's W: left vectors over the visible units, right over the hidden. */
  public static WeightSpectrum of(Rbm rbm) {
    return of(rbm.w(), rbm.nVisible(), rbm.nHidden());
  }

  /** σ_1 ≥ σ_2 ≥ … (a copy). */
  public double[] values() {
    return values.clone();
  }

  /** The left singular vector u_k (k from 0, a copy). */
  public double[] left(int k) {
    return left[k].clone();
  }

  /** The right singular vector v_k (k from 0, a copy). */
  public double[] right(int k) {
    return right[k].clone();
  }

  /** The first {@code count} left singular vectors as float rows, ready for an image grid. */
  public float[][] leftModes(int count) {
    float[][] rows = new float[Math.min(count, left.length)][];
    for (int k = 0; k < rows.length; k++) {
      rows[k] = new float[left[k].length];
      for (int i = 0; i < rows[k].length; i++) rows[k][i] = (float) left[k][i];
    }
    return rows;
  }

  private static SingularValueDecomposition_F64<DMatrixRMaj> decompose(double[] a, int rows, int cols, boolean vectors) {
    if (rows < 1 || cols < 1 || a.length != rows * cols) {
      throw new IllegalArgumentException("matrix " + rows + "×" + cols + " with " + a.length + " values (expected rows·cols ≥ 1)");
    }
    DMatrixRMaj m = new DMatrixRMaj(rows, cols);
    System.arraycopy(a, 0, m.data, 0, a.length);
    SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(rows, cols, vectors, vectors, true);
    if (!svd.decompose(m)) throw new ArithmeticException("SVD of a " + rows + "×" + cols + " matrix did not converge");
    return svd;
  }
}
